//! Fan Tracker: read an article about a show, keep a checklist of its open story threads,
//! write notes and predictions, and never lose a word.
//!
//! The crate is split in layers:
//! - [`model`]: pure data and rules (no UI toolkit, no file system),
//! - [`storage`]: the on-disk format, its versions, load and save (no UI toolkit),
//! - [`app`]: the one [`app::App`], which applies [`app::Command`]s and schedules saves,
//! - [`ui`]: one file per panel, drawing with egui and emitting commands,
//! - [`shell`]: the window around them ([`shell::Shell`]: the `eframe::App` impl, layout
//!   caches, the window's own remembered state).

#![warn(missing_docs)]

pub mod app;
pub mod cli;
pub mod model;
pub mod shell;
pub mod storage;
pub mod ui;
