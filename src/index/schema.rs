//! The index's schema: one document per article, and one per indexed file (its size and
//! modification time, so the next run knows what changed).

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::tokens::{BIGRAMS, WORDS};

/// `kind` of a file document.
pub const KIND_FILE: &str = "file";
/// `kind` of an article document.
pub const KIND_ARTICLE: &str = "article";

/// The fields, by handle.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `file` or `article`.
    pub kind: Field,
    /// The path, as listed (raw, stored): the key for updates and deletions.
    pub path: Field,
    /// File documents: size in bytes and modification time (nanoseconds since the epoch).
    pub size: Field,
    pub mtime: Field,
    /// Article documents: the article's index in its issue.
    pub article: Field,
    /// Kicker, title and subtitle, one per line (bigrams, stored).
    pub title: Field,
    /// The same, as jieba words (ranking).
    pub title_words: Field,
    /// The paragraphs, one per line (bigrams, stored for snippets).
    pub body: Field,
    /// The same, as jieba words (ranking).
    pub body_words: Field,
    /// Days since 1970-01-01 (fast: filters and sorting).
    pub date: Field,
    /// The paper's name (bigrams, stored; fast, as a whole).
    pub paper: Field,
    /// The page number (fast).
    pub page: Field,
}

impl Fields {
    /// The schema and its fields.
    pub fn schema() -> (Schema, Self) {
        let mut builder = Schema::builder();
        // Frequencies for ranking; no positions (half the index): a query of three characters
        // or more is checked on the stored text (`ArchiveQuery::holds`).
        let bigrams = |stored: bool| {
            let options = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(BIGRAMS)
                    .set_index_option(IndexRecordOption::WithFreqs),
            );
            if stored {
                options.set_stored()
            } else {
                options
            }
        };
        // Words only rank: frequencies, no positions.
        let words = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(WORDS)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields = Self {
            kind: builder.add_text_field("kind", STRING),
            // Fast too: what changed is found from the columns, without reading stored
            // documents (which would page most of the index in).
            path: builder.add_text_field("path", STRING | STORED | FAST),
            size: builder.add_u64_field("size", STORED | FAST),
            mtime: builder.add_i64_field("mtime", STORED | FAST),
            article: builder.add_u64_field("article", STORED),
            title: builder.add_text_field("title", bigrams(true)),
            title_words: builder.add_text_field("title_words", words.clone()),
            body: builder.add_text_field("body", bigrams(true)),
            body_words: builder.add_text_field("body_words", words),
            date: builder.add_i64_field("date", INDEXED | FAST | STORED),
            // Fast too, whole: a column to group and filter by paper without stored documents.
            paper: builder.add_text_field("paper", bigrams(true).set_fast("raw")),
            page: builder.add_u64_field("page", INDEXED | FAST | STORED),
        };
        (builder.build(), fields)
    }

    /// The fields of an existing index's schema, or `None` when it is not ours.
    pub fn of(schema: &Schema) -> Option<Self> {
        let f = |name| schema.get_field(name).ok();
        Some(Self {
            kind: f("kind")?,
            path: f("path")?,
            size: f("size")?,
            mtime: f("mtime")?,
            article: f("article")?,
            title: f("title")?,
            title_words: f("title_words")?,
            body: f("body")?,
            body_words: f("body_words")?,
            date: f("date")?,
            paper: f("paper")?,
            page: f("page")?,
        })
    }
}
