//! Text dump → [`Issue`]: cleaning, splitting into units, assembling articles.
//!
//! Never panics, whatever the input; text with no newspaper structure still gives articles
//! (one per block), so a reader can always read what they opened.

mod assemble;
mod classify;
mod date;
mod dateline;
pub mod sanitize;
mod units;

use crate::model::Issue;

pub use classify::is_han;
pub use date::date_from_name;

/// Parses one decoded dump. `source` names where it came from (a path, or `embedded:NAME`).
pub fn parse(source: &str, text: &str) -> Issue {
    let clean = sanitize::sanitize(text);
    let units = units::units(&clean);
    let articles = assemble::articles(&units);
    let date = date_from_name(source).or_else(|| date::date_in_content(&clean, &articles));
    Issue {
        source: source.to_owned(),
        date,
        articles,
    }
}
