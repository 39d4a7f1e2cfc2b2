//! Fan Tracker's integration tests: one binary, one module per topic.

mod cli;
mod data_safety;
mod fixture;
mod golden;
mod import;
mod real_window;
mod rendering;
mod scaling;
mod shows;
mod storage;
mod suggest_eval;
mod suggestions;
mod ui_stories;
