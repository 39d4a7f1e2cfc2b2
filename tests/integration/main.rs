//! Fan Tracker's integration tests: one binary, one module per topic.

mod article_files;
mod articles;
mod cli;
mod data_safety;
mod desktop;
mod edits;
mod export;
mod fixture;
#[path = "../support/generate.rs"]
mod generate;
mod generated;
mod golden;
mod import;
#[path = "../support/key_paths.rs"]
mod key_paths;
mod layout;
mod ledger;
mod no_silent_loss;
mod real_window;
mod rendering;
mod scaling;
mod search;
mod selection;
mod show_files;
mod shows;
mod storage;
mod suggest_eval;
mod suggestions;
mod sync_conflicts;
mod typing;
mod ui_stories;
#[path = "../support/v1_file.rs"]
mod v1_file;
