//! The help overlay's rows, generated from the live keymap in the interface's language: keys
//! in a column, descriptions broken by the typesetter to the overlay's width, so the help
//! fits any screen from 80×24 down (it scrolls when taller than the overlay).

use super::{AppState, Language};
use crate::typeset::{Options, str_width, typeset};

/// The widest the key column grows.
const KEY_COLUMN: usize = 18;

/// One row of the help: keys (on a binding's first row only) and a piece of its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub text: String,
}

/// Columns of the key column for a help overlay `inner` columns wide.
pub fn key_column(inner: usize) -> usize {
    KEY_COLUMN.min(inner / 3).max(1)
}

/// The help's rows for the overlay as the layout places it.
pub fn rows(state: &AppState) -> Vec<HelpRow> {
    let inner = usize::from(state.layout().panes.help.width.saturating_sub(2));
    // One column of margin on the left.
    let inner = inner.saturating_sub(1);
    let keys_width = key_column(inner);
    let text_width = inner.saturating_sub(keys_width + 1).max(4);
    let options = Options {
        indent: 0,
        hanging: false,
        orphan_control: false,
        ambiguous: state.options.ambiguous,
        measure: text_width,
    };
    let mut rows = Vec::new();
    for binding in &state.keymap.bindings {
        let keys = binding.labels.join(" ");
        let desc = match state.language {
            Language::En => binding.desc_en.as_deref().unwrap_or(&binding.desc),
            Language::Zh => binding.desc.as_str(),
        };
        let mut lines = typeset(desc, text_width, &options)
            .into_iter()
            .map(|l| l.text(desc).to_owned());
        // Keys wider than their column get a row of their own.
        let first = if str_width(&keys, options.ambiguous) > keys_width {
            String::new()
        } else {
            lines.next().unwrap_or_default()
        };
        rows.push(HelpRow { keys, text: first });
        rows.extend(lines.map(|text| HelpRow {
            keys: String::new(),
            text,
        }));
    }
    rows
}
