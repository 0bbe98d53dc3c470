//! Field accuracy of `dubao export --json` on the annotated layout corpus in
//! `tests/fixtures/layouts/<layout>/`: every fixture (a file, or a folder of article files) has
//! a `<name>.expected.json` next to it. Expected stories and parsed articles are aligned on their
//! titles (so one missing or extra story does not shift every later comparison), then compared
//! field by field.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use unicode_width::UnicodeWidthStr;

/// The fields every story is scored on; `page` is an eighth when the annotation has it.
const FIELDS: [&str; 7] = [
    "kicker",
    "title",
    "subtitle",
    "bylines",
    "first",
    "last",
    "paragraphs",
];
const TARGET: f64 = 0.98;

fn layouts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts")
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read the layouts folder")
        .map(|e| e.expect("list the layouts folder").path())
        .collect();
    paths.sort();
    paths
}

fn name(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// Every fixture as (layout, path), in a stable order.
fn fixtures() -> Vec<(String, PathBuf)> {
    sorted_entries(&layouts_dir())
        .into_iter()
        .filter(|p| p.is_dir())
        .flat_map(|layout| {
            sorted_entries(&layout)
                .into_iter()
                .filter(|p| !name(p).ends_with(".expected.json"))
                .map(move |p| (name(&layout), p))
        })
        .collect()
}

/// `a/b.txt` → `a/b.expected.json`; a folder `a/20230506` → `a/20230506.expected.json`.
fn annotation_path(fixture: &Path) -> PathBuf {
    let file = name(fixture);
    let stem = match file.rsplit_once('.') {
        Some((stem, _)) if !fixture.is_dir() => stem.to_owned(),
        _ => file,
    };
    fixture.with_file_name(format!("{stem}.expected.json"))
}

fn annotation(fixture: &Path) -> Value {
    let path = annotation_path(fixture);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// All white space removed (U+3000 and U+00A0 too).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A field value as compared and shown: `null`, a squeezed string, a list or a number.
fn field(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", squeeze(s)),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(field).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// A parsed article reduced to the annotation's fields.
fn reduce(article: &Value) -> BTreeMap<&'static str, String> {
    let paragraphs: Vec<Vec<char>> = (article["paragraphs"].as_array().into_iter().flatten())
        .map(|p| squeeze(p.as_str().unwrap_or("")).chars().collect())
        .collect();
    let first: String = paragraphs
        .first()
        .map(|p| p.iter().take(6).collect())
        .unwrap_or_default();
    let last: String = (paragraphs.last())
        .map(|p| p[p.len().saturating_sub(6)..].iter().collect())
        .unwrap_or_default();
    BTreeMap::from([
        ("kicker", field(&article["kicker"])),
        ("title", field(&article["title"])),
        ("subtitle", field(&article["subtitle"])),
        ("bylines", field(&article["bylines"])),
        ("first", field(&Value::from(first))),
        ("last", field(&Value::from(last))),
        ("paragraphs", paragraphs.len().to_string()),
        ("page", field(&article["page"]["number"])),
    ])
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Same story by title: equal, one containing the other, or char-bigram Dice ≥ 0.5.
fn same_title(a: &str, b: &str) -> bool {
    let (a, b) = (squeeze(a), squeeze(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.contains(&b) || b.contains(&a) {
        return true;
    }
    let (x, mut y) = (bigrams(&a), bigrams(&b));
    let total = x.len() + y.len();
    let common = x
        .iter()
        .filter(|g| {
            y.iter()
                .position(|h| h == *g)
                .map(|i| y.swap_remove(i))
                .is_some()
        })
        .count();
    total > 0 && 2.0 * common as f64 / total as f64 >= 0.5
}

/// An LCS alignment on titles: pairs in order, `None` on the side without a partner.
fn align(expected: &[&str], got: &[&str]) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (expected.len(), got.len());
    let mut best = vec![vec![0_usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let pair = if same_title(expected[i], got[j]) {
                best[i + 1][j + 1] + 1
            } else {
                0
            };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && same_title(expected[i], got[j]) && best[i][j] == best[i + 1][j + 1] + 1
        {
            out.push((Some(i), Some(j)));
            (i, j) = (i + 1, j + 1);
        } else if j == m || (i < n && best[i + 1][j] >= best[i][j + 1]) {
            out.push((Some(i), None));
            i += 1;
        } else {
            out.push((None, Some(j)));
            j += 1;
        }
    }
    out
}

/// Matched and total fields, and one line per mismatch.
#[derive(Default)]
struct Tally {
    matched: usize,
    total: usize,
    misses: Vec<String>,
}

impl Tally {
    fn check(&mut self, what: &str, expected: &str, got: &str) {
        self.total += 1;
        if expected == got {
            self.matched += 1;
        } else {
            self.misses
                .push(format!("{what}: expected {expected} got {got}"));
        }
    }

    fn add(&mut self, other: &Self) {
        self.matched += other.matched;
        self.total += other.total;
    }

    fn accuracy(&self) -> f64 {
        self.matched as f64 / self.total.max(1) as f64
    }
}

fn export(fixture: &Path) -> Result<Value, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_dubao"))
        .args(["export", "--json"])
        .arg(fixture)
        .env("XDG_CONFIG_HOME", crate::cli::NO_HOME)
        .env("XDG_DATA_HOME", crate::cli::NO_HOME)
        .env("XDG_CACHE_HOME", crate::cli::NO_HOME)
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    serde_json::from_slice(&output.stdout).map_err(|e| e.to_string())
}

fn score(label: &str, fixture: &Path) -> Tally {
    let want = annotation(fixture);
    let mut tally = Tally::default();
    let json = export(fixture).unwrap_or_else(|e| {
        tally.misses.push(format!("{label}: dubao failed: {e}"));
        Value::Null
    });
    let issues = json["issues"].as_array().cloned().unwrap_or_default();
    for key in ["paper", "date"] {
        if let Some(expected) = want.get(key) {
            let got = issues.first().map_or(&Value::Null, |i| &i[key]);
            tally.check(
                &format!("{label}: issue {key}"),
                &field(expected),
                &field(got),
            );
        }
    }
    let articles: Vec<Value> = issues
        .iter()
        .flat_map(|i| i["articles"].as_array().cloned().unwrap_or_default())
        .collect();
    let stories = want["stories"].as_array().expect("stories");
    let titles = |vs: &[Value]| -> Vec<String> {
        vs.iter()
            .map(|v| v["title"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let (want_titles, got_titles) = (titles(stories), titles(&articles));
    let pairs = align(
        &want_titles.iter().map(String::as_str).collect::<Vec<_>>(),
        &got_titles.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for pair in pairs {
        match pair {
            (Some(i), got) => {
                let story = &stories[i];
                let parsed = got.map(|j| reduce(&articles[j]));
                for key in FIELDS.iter().chain(story.get("page").map(|_| &"page")) {
                    let expected = match *key {
                        "paragraphs" | "page" => story[*key].to_string(),
                        _ => field(&story[*key]),
                    };
                    let got = parsed
                        .as_ref()
                        .map_or("(no such article)", |p| p[key].as_str());
                    tally.check(&format!("{label}: story {} {key}", i + 1), &expected, got);
                }
            }
            (None, Some(j)) => {
                tally.total += FIELDS.len();
                tally.misses.push(format!(
                    "{label}: extra article {} \"{}\" (+{} fields)",
                    j + 1,
                    got_titles[j],
                    FIELDS.len()
                ));
            }
            (None, None) => unreachable!(),
        }
    }
    tally
}

/// A table row: the columns padded by display width (CJK file names are two cells a glyph).
fn row(layout: &str, fixture: &str, tally: &Tally) -> String {
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    let fields = format!("{}/{}", tally.matched, tally.total);
    let accuracy = tally.accuracy();
    format!(
        "{}{}{fields:>10} {accuracy:>8.3}",
        pad(layout, 18),
        pad(fixture, 36)
    )
}

#[test]
fn parser_field_accuracy_on_the_layout_corpus() {
    let (mut layouts, mut overall) = (BTreeMap::<String, Tally>::new(), Tally::default());
    let mut misses = Vec::new();
    println!(
        "{:<18}{:<36}{:>10} {:>8}",
        "layout", "fixture", "fields", "accuracy"
    );
    for (layout, fixture) in fixtures() {
        let label = format!("{layout}/{}", name(&fixture));
        let tally = score(&label, &fixture);
        println!("{}", row(&layout, &name(&fixture), &tally));
        layouts.entry(layout).or_default().add(&tally);
        overall.add(&tally);
        misses.extend(tally.misses);
    }
    println!();
    for (layout, tally) in &layouts {
        println!("{}", row(layout, "", tally));
    }
    println!("{}\n", row("OVERALL", "", &overall));
    for miss in &misses {
        println!("{miss}");
    }
    let accuracy = overall.accuracy();
    let count = misses.len();
    for (layout, tally) in &layouts {
        assert!(
            tally.accuracy() >= TARGET,
            "{layout}: field accuracy {:.3} is below {TARGET}",
            tally.accuracy()
        );
    }
    assert!(
        accuracy >= TARGET,
        "field accuracy {accuracy:.3} is below {TARGET} ({count} mismatches listed above)"
    );
}

fn check_story(at: &str, story: &Value) {
    let text = |key: &str| story[key].as_str().is_some_and(|t| !squeeze(t).is_empty());
    let optional = |key: &str| story[key].is_null() || story[key].is_string();
    let checks = [
        ("title", text("title")),
        ("kicker", optional("kicker")),
        ("subtitle", optional("subtitle")),
        (
            "bylines",
            story["bylines"]
                .as_array()
                .is_some_and(|b| b.iter().all(Value::is_string)),
        ),
        ("first", text("first")),
        ("last", text("last")),
        (
            "paragraphs",
            story["paragraphs"].as_u64().is_some_and(|n| n > 0),
        ),
        ("page", story.get("page").is_none_or(Value::is_u64)),
    ];
    for (key, ok) in checks {
        assert!(ok, "{at}: bad or missing {key}");
    }
}

#[test]
fn the_layout_corpus_is_well_formed() {
    let fixtures = fixtures();
    let mut per_layout: BTreeMap<&str, usize> = BTreeMap::new();
    for (layout, fixture) in &fixtures {
        *per_layout.entry(layout.as_str()).or_default() += 1;
        let want = annotation(fixture);
        let label = fixture.display();
        for key in ["source", "paper", "date"] {
            assert!(want.get(key).is_some(), "{label}: no {key}");
        }
        let stories = want["stories"].as_array().filter(|s| !s.is_empty());
        let stories = stories.unwrap_or_else(|| panic!("{label}: no stories"));
        for (i, story) in stories.iter().enumerate() {
            check_story(&format!("{label}: story {}", i + 1), story);
        }
    }
    for layout in sorted_entries(&layouts_dir()).iter().filter(|p| p.is_dir()) {
        let count = per_layout.get(name(layout).as_str()).copied().unwrap_or(0);
        assert!(
            count >= 4,
            "{}: {count} fixtures, want 4 or more",
            layout.display()
        );
        for path in sorted_entries(layout) {
            let annotated = fixtures.iter().any(|(_, f)| annotation_path(f) == path);
            let json = name(&path).ends_with(".expected.json");
            assert!(!json || annotated, "{} has no fixture", path.display());
        }
    }
}
