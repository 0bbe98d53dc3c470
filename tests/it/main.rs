//! The one integration-test binary (links once): samples, layouts, properties, CLI.

mod accuracy;
mod archive;
mod chinese;
mod cli;
mod e2e_front;
mod e2e_tmux;
mod front_page;
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
mod trend;
mod typeset_props;
mod wrap_comparison;
