//! The archive index on a generated archive: build speed, size, open → first search, query
//! latency and peak memory.
//!
//! `cargo bench --bench archive` generates 100 MB of issues from the samples (deterministic:
//! a fixed seed) in a temporary folder; `DUBAO_BENCH_ARCHIVE_MB=1000` for a 1 GB archive.
//! A plain `main` rather than criterion: the figures are one-shot (a build, a peak) or
//! percentiles over many queries, not a mean of repeated calls.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use dubao::index::{ArchiveIndex, ArchiveQuery, Sort};
use dubao::trend::{Period, Trend};
use jieba_rs::Jieba;

const SAMPLES: [&str; 2] = [
    include_str!("../assets/samples/000_5881bbe1ec912710.txt"),
    include_str!("../assets/samples/002_77e25608cd39c624.txt"),
];
/// Queries a reader might type: words, a phrase, one character, exclusions, filters.
const QUERIES: [&str; 12] = [
    "电力",
    "衡阳 供电",
    "\"迎峰度冬\"",
    "市委书记",
    "老同志",
    "的",
    "供电 -衡阳",
    "经济 date:2021",
    "电网调度运行",
    "15.87%",
    "干部 page:1..3",
    "不存在的词语",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Issue `i`: four sample issues in a row, each long paragraph replaced by sentences drawn
/// from the samples' paragraphs with numbers of its own, so no two issues have the same text.
fn issue(i: usize, sentences: &[&str], rng: &mut Rng) -> String {
    let mut out = String::new();
    for k in 0..4 {
        for line in SAMPLES[(i + k) % 2].lines() {
            if line.chars().count() > 40 && !line.starts_with('■') {
                let n = 2 + rng.below(5);
                for _ in 0..n {
                    out.push_str(sentences[rng.below(sentences.len())]);
                    out.push('第');
                    out.push_str(&rng.below(100_000).to_string());
                    out.push('项');
                    out.push('。');
                }
            } else {
                out.push_str(line);
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Writes about `megabytes` of issues below `dir`, one a day from 2000-01-01, a folder a year.
fn generate(dir: &Path, megabytes: u64) -> u64 {
    let sentences: Vec<&str> = SAMPLES
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| l.chars().count() > 40)
        .flat_map(|l| l.split('。'))
        .filter(|s| !s.is_empty())
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut written = 0;
    let mut i = 0;
    while written < megabytes * 1_000_000 {
        let date =
            dubao::model::IssueDate::from_unix_days(10_957 + i64::try_from(i).expect("a day"))
                .expect("a date");
        let folder = dir.join(date.year.to_string());
        std::fs::create_dir_all(&folder).expect("a folder");
        let text = issue(i, &sentences, &mut rng);
        written += text.len() as u64;
        std::fs::write(folder.join(format!("{date}.txt")), text).expect("a file");
        i += 1;
    }
    written
}

/// Peak and current resident memory, in MB (Linux).
fn memory() -> (f64, f64) {
    (status_mb("VmHWM:"), status_mb("VmRSS:"))
}

/// How long each of ten rounds of [`QUERIES`] takes, by relevance and by date in turn.
fn query_latencies(index: &ArchiveIndex) -> Vec<Duration> {
    let mut latencies = Vec::new();
    for round in 0..10 {
        for query in QUERIES {
            let sort = if round % 2 == 0 {
                Sort::Relevance
            } else {
                Sort::Date
            };
            let started = Instant::now();
            index
                .search(&ArchiveQuery::parse(query), sort, 20)
                .expect("a search");
            latencies.push(started.elapsed());
        }
    }
    latencies
}

/// A field of `/proc/self/status`, in MB (0 where there is none).
fn status_mb(name: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The most anonymous memory (heap, not mapped files) while `work` runs, sampled every 20 ms.
fn peak_heap<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let sampler = s.spawn(|| {
            let mut peak: f64 = 0.0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(status_mb("RssAnon:"));
                std::thread::sleep(Duration::from_millis(20));
            }
            peak
        });
        let result = work();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        (result, sampler.join().unwrap_or(0.0))
    })
}

/// How long parsing every issue takes, and cutting every article into jieba words: the two
/// steps of an index build that are not tantivy's.
fn breakdown(library: &Path, jieba: &Jieba) -> (Duration, Duration) {
    let mut parse = Duration::ZERO;
    let mut cut = Duration::ZERO;
    for path in dubao::io::load::expand(library).expect("the archive") {
        let started = Instant::now();
        let issue = dubao::io::load::load_file(&path).expect("an issue");
        parse += started.elapsed();
        let started = Instant::now();
        for article in &issue.articles {
            std::hint::black_box(jieba.cut(&article.title, false));
            for paragraph in &article.paragraphs {
                std::hint::black_box(jieba.cut(paragraph, false));
            }
        }
        cut += started.elapsed();
    }
    (parse, cut)
}

/// The table's row for `dubao trend`'s work: each query counted by month over the archive.
fn trend_row(index: &ArchiveIndex) -> String {
    let mut trends: Vec<Duration> = QUERIES
        .iter()
        .map(|query| {
            let started = Instant::now();
            let counts = index
                .day_counts(&ArchiveQuery::parse(query))
                .expect("a count");
            let trend = Trend::new(Period::Month, vec![((*query).to_owned(), counts)]);
            std::hint::black_box(trend);
            started.elapsed()
        })
        .collect();
    trends.sort();
    format!(
        "| trend by month, one word ({} queries) p50 / max | {:.1} / {:.1} ms |",
        trends.len(),
        ms(trends[trends.len() / 2]),
        ms(trends[trends.len() - 1])
    )
}

/// Bytes of the index's files by kind (tantivy's extensions: `idx` postings, `pos`
/// positions, `term` dictionary, `store` stored text, `fast` columns, …), largest first.
fn size_by_kind(dir: &std::path::Path) -> Vec<(String, u64)> {
    let mut kinds: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let kind = path
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
        *kinds.entry(kind).or_default() += entry.metadata().map_or(0, |m| m.len());
    }
    let mut kinds: Vec<(String, u64)> = kinds.into_iter().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    kinds
}

/// The table row of the index's parts, each as a multiple of the text.
fn parts_row(parts: &[(String, u64)], text_bytes: u64) -> String {
    let parts: Vec<String> = parts
        .iter()
        .map(|(kind, bytes)| format!("{kind} {:.2}×", *bytes as f64 / text_bytes as f64))
        .collect();
    format!("| index parts (× the text) | {} |", parts.join(", "))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this too: keep that short.
    let megabytes = std::env::var("DUBAO_BENCH_ARCHIVE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if std::env::args().any(|a| a == "--bench") {
            100
        } else {
            2
        });
    let library = tempfile::TempDir::new().expect("a temporary folder");
    let cache = tempfile::TempDir::new().expect("a temporary folder");
    let text_bytes = generate(library.path(), megabytes);
    let files = dubao::io::load::expand(library.path())
        .expect("the archive")
        .len();
    println!(
        "archive: {files} issues, {:.1} MB of text",
        text_bytes as f64 / 1e6
    );

    let started = Instant::now();
    let jieba = Arc::new(Jieba::new());
    let jieba_load = started.elapsed();
    let (parse, cut) = breakdown(library.path(), &jieba);
    let location = cache.path().join("index");
    let index = ArchiveIndex::open(&location, jieba.clone()).expect("an index");
    let started = Instant::now();
    let (report, build_heap) = peak_heap(|| {
        index
            .update(library.path(), Duration::ZERO, &mut |_| {})
            .expect("indexed")
    });
    let build = started.elapsed();
    let articles = index.num_articles();
    let size = index.size_on_disk();
    let parts = parts_row(&size_by_kind(&location), text_bytes);
    let (build_peak, _) = memory();
    drop(index);

    let started = Instant::now();
    let index = ArchiveIndex::open(&location, jieba).expect("the index");
    let opened = started.elapsed();
    let first = index
        .search(&ArchiveQuery::parse("电力"), Sort::Relevance, 20)
        .expect("a search");
    let first_search = started.elapsed();
    assert!(first.total > 0);

    let mut latencies = query_latencies(&index);
    latencies.sort();
    let percentile = |p: usize| latencies[(latencies.len() * p / 100).min(latencies.len() - 1)];
    let (peak, now) = memory();

    let mb = text_bytes as f64 / 1e6;
    println!("| archive | {mb:.0} MB, {files} issues, {articles} articles |");
    println!("| --- | --- |");
    println!(
        "| index build | {:.1} s, {:.1} MB/s ({} files) |",
        build.as_secs_f64(),
        mb / build.as_secs_f64(),
        report.added
    );
    println!(
        "| index size | {:.1} MB, {:.2}× the text |",
        size as f64 / 1e6,
        size as f64 / text_bytes as f64
    );
    println!(
        "| of which, alone: parsing / jieba words | {:.1} s ({:.1} MB/s) / {:.1} s ({:.1} MB/s) |",
        parse.as_secs_f64(),
        mb / parse.as_secs_f64(),
        cut.as_secs_f64(),
        mb / cut.as_secs_f64()
    );
    println!("| jieba dictionary load | {:.0} ms |", ms(jieba_load));
    println!(
        "| open → first search (20 hits, snippets) | {:.1} ms → {:.1} ms |",
        ms(opened),
        ms(first_search)
    );
    println!(
        "| query p50 / p95 / max ({} queries, 20 hits with snippets) | {:.1} / {:.1} / {:.1} ms |",
        latencies.len(),
        ms(percentile(50)),
        ms(percentile(95)),
        ms(percentile(100))
    );
    println!("{}", trend_row(&index));
    println!(
        "| peak RSS while building / of it heap (anonymous) | {build_peak:.0} MB / {build_heap:.0} MB |"
    );
    println!("{parts}");
    println!("| peak RSS / RSS after the searches | {peak:.0} MB / {now:.0} MB |");
}
