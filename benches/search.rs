//! Search figures on an archive of at least 100 MB built from the samples' paragraphs, held in
//! memory (as files named on the command line are): the index in memory — build time and
//! memory — global query latency (p50/p95), and in-article keystroke latency. A plain bench
//! binary: it prints its figures. (`benches/archive.rs` measures a library's index on disk.)

use std::hint::black_box;
use std::time::{Duration, Instant};

use dubao::index::{ArchiveIndex, ArchiveQuery, Sort, Words};
use dubao::io::load::samples;
use dubao::model::{Article, Issue};
use dubao::search::{Query, find_in_article};
use dubao::typeset::{Options, layout_article};

const ARCHIVE_BYTES: usize = 100 * 1024 * 1024;
/// Under `cargo test` (no `--bench` argument) a small archive checks that the bench runs.
const SMOKE_BYTES: usize = 1024 * 1024;
const ARTICLES_PER_ISSUE: usize = 20;

/// A deterministic shuffle of the samples' paragraphs into many different articles.
fn archive(size: usize) -> Vec<Issue> {
    let sample_articles: Vec<Article> = samples().into_iter().flat_map(|i| i.articles).collect();
    let paragraphs: Vec<&String> = sample_articles.iter().flat_map(|a| &a.paragraphs).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let (mut issues, mut bytes) = (Vec::new(), 0);
    while bytes < size {
        let mut articles = Vec::with_capacity(ARTICLES_PER_ISSUE);
        for _ in 0..ARTICLES_PER_ISSUE {
            let model = &sample_articles[next(sample_articles.len())];
            let body: Vec<String> = (0..3 + next(6))
                .map(|_| paragraphs[next(paragraphs.len())].clone())
                .collect();
            bytes += body.iter().map(String::len).sum::<usize>() + model.title.len();
            articles.push(Article {
                title: model.title.clone(),
                paragraphs: body,
                ..model.clone()
            });
        }
        issues.push(Issue {
            source: format!("archive/{}.txt", issues.len()).as_str().into(),
            date: None,
            articles,
            ..Issue::default()
        });
    }
    println!(
        "archive: {} issues, {} articles, {:.1} MB of text",
        issues.len(),
        issues.len() * ARTICLES_PER_ISSUE,
        bytes as f64 / 1e6
    );
    issues
}

/// (resident now, peak) in MB, from /proc/self/status.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn percentiles(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |percent: usize| times[(times.len() - 1) * percent / 100].as_secs_f64() * 1000.0;
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (n={})",
        at(50),
        at(95),
        at(100),
        times.len()
    )
}

const QUERIES: &[&str] = &[
    "电力",
    "衡阳",
    "供电公司",
    "十四五",
    "高质量发展",
    "\"电力 供应\"",
    "市委 书记",
    "脱贫攻坚",
    "五矿",
    "迎峰度夏",
    "15.87%",
    "统一战线",
    "没有这个词",
    "老同志",
    "城市更新 片区开发",
    "创客",
    "12月29日",
    "柳庆红",
    "异味",
    "政协",
];

fn main() {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let issues = archive(if benchmarking {
        ARCHIVE_BYTES
    } else {
        SMOKE_BYTES
    });
    let (rss0, _) = memory();
    let start = Instant::now();
    let index = ArchiveIndex::of_issues(&issues, Words::loading()).expect("an index in memory");
    let (rss1, peak) = memory();
    println!(
        "index in memory (jieba words, bigrams, stored text): built in {:.2} s, +{:.0} MB",
        start.elapsed().as_secs_f64(),
        rss1 - rss0
    );
    let mut times = Vec::new();
    for _ in 0..3 {
        for q in QUERIES {
            let query = ArchiveQuery::parse(q);
            let start = Instant::now();
            black_box(
                index
                    .search(&query, Sort::Relevance, 200)
                    .expect("a search"),
            );
            times.push(start.elapsed());
        }
    }
    println!(
        "global query, ranked, 200 hits with snippets: {}",
        percentiles(times)
    );

    // Typing a query into the in-article prompt: search and lay out the article again per key.
    let article = issues
        .iter()
        .flat_map(|i| &i.articles)
        .max_by_key(|a| a.paragraphs.iter().map(String::len).sum::<usize>())
        .cloned()
        .unwrap_or_default();
    let options = Options::default();
    let mut times = Vec::new();
    for q in ["衡阳市", "电力供应", "高质量发", "省委书记"] {
        for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let start = Instant::now();
            black_box(find_in_article(
                &article,
                &Query::parse(q.get(..end).unwrap_or_default()),
            ));
            black_box(layout_article(&article, 80, &options));
            times.push(start.elapsed());
        }
    }
    let size: usize = article.paragraphs.iter().map(String::len).sum();
    println!(
        "in-article keystroke ({} KB article): {}",
        size / 1024,
        percentiles(times)
    );
    println!(
        "memory: resident {:.0} MB, peak {:.0} MB",
        memory().0,
        peak.max(memory().1)
    );
}
