//! The one integration-test binary (links once): samples, layouts, properties, CLI.

mod accuracy;
mod archive;
mod cli;
mod e2e_tmux;
mod hardening;
mod layouts;
mod memory;
mod navigation;
mod parse_props;
mod samples;
mod searching;
mod snapshots;
mod support;
mod terminal;
mod typeset_props;
mod wrap_comparison;
