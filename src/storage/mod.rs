//! The on-disk format and the data folder: versions, load and save. No UI toolkit here.
//!
//! Layout of the data folder:
//! - `library.json`: everything the fan keeps, as [`format::SaveFile`] JSON;
//! - `fan-tracker.lock`: held (with `File::try_lock`) by the one instance allowed to write;
//! - `backups/library-*.json`: the last few good versions, rotated;
//! - `library.unreadable-*.json` / `library.conflict-*.json`: files kept aside, never deleted.

pub mod format;
mod fs;
mod store;

pub use format::{CURRENT_FORMAT_VERSION, FormatError, decode, encode};
pub use fs::{FileSystem, RealFs};
pub use store::{
    BACKUPS_KEPT, LIBRARY_FILE, LOCK_FILE, Notice, OpenedStore, SaveOutcome, SaveRequest,
    StorageError, Store, list_backups,
};
