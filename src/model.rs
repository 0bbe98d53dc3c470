//! The newspaper model: an issue is a list of articles, each with its headline parts, credits
//! and paragraphs.
//!
//! Plain data with no terminal types. Every string in it is clean Unicode: no layout
//! indentation, no control characters (see `parse::sanitize`). Serialised as the stable JSON
//! shape documented in the README (`dubao export --json`).

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One newspaper issue, parsed from one text dump.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Where it came from.
    pub source: Source,
    /// The publication date, when the dump or its file name states it.
    pub date: Option<IssueDate>,
    pub articles: Vec<Article>,
    /// The paper's name, when a running header, masthead, source line or label states it.
    pub paper: Option<String>,
    /// Page furniture and placeholders: never a story's text, kept so no line is lost.
    pub furniture: Vec<Furniture>,
}

/// Where an issue's text came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A file, or the folder of a day's article files.
    File(PathBuf),
    /// A sample built into the binary, by its file name.
    Embedded(&'static str),
    /// Standard input (`-`).
    #[default]
    Stdin,
}

impl Source {
    /// The name the parser reads hints from (date, page, paper): the file name or path.
    pub fn hint(&self) -> Cow<'_, str> {
        match self {
            Self::File(path) => path.to_string_lossy(),
            Self::Embedded(name) => Cow::Borrowed(name),
            Self::Stdin => Cow::Borrowed(""),
        }
    }

    /// A short name: the file name without folder or `.txt`, the sample's name, or `-`.
    pub fn short_name(&self) -> Cow<'_, str> {
        let name = match self {
            Self::File(path) => path
                .file_name()
                .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy()),
            Self::Embedded(name) => Cow::Borrowed(*name),
            Self::Stdin => return Cow::Borrowed("-"),
        };
        match name {
            Cow::Borrowed(n) => Cow::Borrowed(n.strip_suffix(".txt").unwrap_or(n)),
            Cow::Owned(n) => Cow::Owned(n.strip_suffix(".txt").unwrap_or(&n).to_owned()),
        }
    }
}

/// For people and JSON: the path (control characters escaped), `embedded:NAME`, or `-`.
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(path) => crate::error::escape_path(path).fmt(f),
            Self::Embedded(name) => write!(f, "embedded:{name}"),
            Self::Stdin => f.write_str("-"),
        }
    }
}

impl From<&Path> for Source {
    fn from(path: &Path) -> Self {
        if path.as_os_str() == "-" {
            Self::Stdin
        } else {
            Self::File(path.to_path_buf())
        }
    }
}

impl From<&str> for Source {
    fn from(path: &str) -> Self {
        Path::new(path).into()
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A page (版) of an issue: its number (版次) and, when the source says it, its name (版名).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageRef {
    pub number: u16,
    pub name: Option<String>,
}

/// A line that belongs to the page, not to a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// A running header or footer, or a masthead line (paper, date, page).
    RunningHead,
    /// A page number on its own (`第 3 页`, `— 3 —`).
    PageNumber,
    /// A source line (`《光明日报》（2023年5月6日 第 03 版）`, `来源：人民日报`).
    SourceLine,
    /// An advertisement placeholder (`广告`).
    Advert,
    /// A separator or markup line with no text of its own (`====`, a heading for the page).
    Separator,
}

/// What a body block is; every block's text is also one entry of `Article::paragraphs`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    #[default]
    Paragraph,
    /// An in-body subheading (小标题).
    Subheading,
    /// A lead box (`核心阅读`, `导读`): its label and its text.
    Lead,
    /// The label of a sidebar (`记者手记`, `短评`, `链接`, `背景`).
    SidebarLabel,
    /// A picture caption (`图为…`).
    Caption,
    /// A photo credit (`新华社记者 李某摄`), kept apart from bylines.
    PhotoCredit,
    /// An editor's note (`编者按：…`).
    EditorsNote,
}

/// One article: headline parts, credits and body paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// A column or section name set above the headline, e.g. `·聚焦乡村振兴 建设美丽家园·`.
    pub rubric: Option<String>,
    /// The lead-in title (引题) above the main title.
    pub kicker: Option<String>,
    /// The main title (主题); lines of a title set over two lines are joined.
    pub title: String,
    /// The subtitle (副题) below the main title.
    pub subtitle: Option<String>,
    /// Credit lines such as `本报记者 王一鸣`, without the `■` marker.
    pub bylines: Vec<String>,
    /// The dateline that opens the body (`本报讯`, `新华社北京7月1日电`); the first paragraph
    /// still contains it.
    pub dateline: Option<String>,
    /// The text of every body block, in order, with paragraphs split by the print layout
    /// joined again.
    pub paragraphs: Vec<String>,
    /// What each entry of `paragraphs` is (same length; see `Article::kind`).
    pub kinds: Vec<BlockKind>,
    /// The page the article stands on, when the source says it.
    pub page: Option<PageRef>,
}

impl Article {
    /// The kind of body block `index` (a paragraph when the parser said nothing).
    pub fn kind(&self, index: usize) -> BlockKind {
        self.kinds.get(index).copied().unwrap_or_default()
    }

    /// The typed body blocks (everything but plain paragraphs), with their index.
    pub fn typed_blocks(&self) -> impl Iterator<Item = (usize, BlockKind, &str)> {
        self.paragraphs
            .iter()
            .enumerate()
            .map(|(i, text)| (i, self.kind(i), text.as_str()))
            .filter(|(_, kind, _)| *kind != BlockKind::Paragraph)
    }
}

/// The export shape: the fields in order, then the typed blocks.
impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Block<'a> {
            index: usize,
            kind: BlockKind,
            text: &'a str,
        }
        #[derive(Serialize)]
        struct Shape<'a> {
            rubric: &'a Option<String>,
            kicker: &'a Option<String>,
            title: &'a str,
            subtitle: &'a Option<String>,
            bylines: &'a [String],
            dateline: &'a Option<String>,
            paragraphs: &'a [String],
            blocks: Vec<Block<'a>>,
            page: &'a Option<PageRef>,
        }
        Shape {
            rubric: &self.rubric,
            kicker: &self.kicker,
            title: &self.title,
            subtitle: &self.subtitle,
            bylines: &self.bylines,
            dateline: &self.dateline,
            paragraphs: &self.paragraphs,
            blocks: self
                .typed_blocks()
                .map(|(index, kind, text)| Block { index, kind, text })
                .collect(),
            page: &self.page,
        }
        .serialize(serializer)
    }
}

/// A calendar date, serialised as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IssueDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl IssueDate {
    /// A date if `month` and `day` name a real day of `year` (Gregorian calendar).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Self { year, month, day })
    }
}

impl IssueDate {
    /// The calendar date `days` days after 1970-01-01 (the civil-from-days algorithm).
    pub fn from_unix_days(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

impl IssueDate {
    /// Days since 1970-01-01 (the days-from-civil algorithm; the inverse of
    /// [`IssueDate::from_unix_days`]).
    pub fn unix_days(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day of the week, 0 for Sunday (Sakamoto's method).
    pub fn weekday(self) -> u8 {
        const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = u32::from(self.year) - u32::from(self.month < 3);
        let day =
            y + y / 4 - y / 100 + y / 400 + T[usize::from(self.month - 1)] + u32::from(self.day);
        (day % 7) as u8
    }
}

impl fmt::Display for IssueDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for IssueDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read back from `YYYY-MM-DD`, as written.
impl<'de> Deserialize<'de> for IssueDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let field = |range: std::ops::Range<usize>| text.get(range)?.parse::<u16>().ok();
        let small = |n: Option<u16>| n.and_then(|n| u8::try_from(n).ok());
        let date = match (
            text.len(),
            field(0..4),
            small(field(5..7)),
            small(field(8..10)),
        ) {
            (10, Some(year), Some(month), Some(day)) => Self::new(year, month, day),
            _ => None,
        };
        date.ok_or_else(|| serde::de::Error::custom(format!("not a date: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert!(IssueDate::new(2020, 2, 29).is_some());
        assert!(IssueDate::new(2021, 2, 29).is_none());
        assert!(IssueDate::new(2021, 13, 1).is_none());
        assert!(IssueDate::new(2021, 4, 31).is_none());
        assert_eq!(IssueDate::from_unix_days(0), IssueDate::new(1970, 1, 1));
        assert_eq!(
            IssueDate::from_unix_days(18_826),
            IssueDate::new(2021, 7, 18)
        );
        assert_eq!(
            IssueDate::from_unix_days(11_016),
            IssueDate::new(2000, 2, 29)
        );
        assert_eq!(IssueDate::new(2023, 5, 6).map(IssueDate::weekday), Some(6));
        let date = IssueDate::new(2021, 7, 18);
        let json = serde_json::to_string(&date).expect("json");
        assert_eq!(json, "\"2021-07-18\"");
        assert_eq!(
            serde_json::from_str::<Option<IssueDate>>(&json)
                .ok()
                .flatten(),
            date
        );
        assert!(serde_json::from_str::<IssueDate>("\"2021-02-30\"").is_err());
        for days in [-800_000, -1, 0, 59, 18_826, 20_000, 2_932_896] {
            let date = IssueDate::from_unix_days(days);
            assert_eq!(date.map(IssueDate::unix_days), date.map(|_| days), "{days}");
        }
        assert_eq!(IssueDate::new(2021, 7, 18).map(IssueDate::weekday), Some(0));
        assert_eq!(
            IssueDate::new(2021, 7, 8).map(|d| d.to_string()).as_deref(),
            Some("2021-07-08")
        );
    }
}
