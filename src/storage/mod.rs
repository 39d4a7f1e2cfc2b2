//! The on-disk format and the data folder: versions, load and save. No UI toolkit here.
//!
//! Layout of the data folder:
//! - `library.json`: the index of everything the fan keeps, as format 5 JSON ([`format::v5`];
//!   it may be a symbolic link: the file it points at is replaced, the link kept), naming
//!   each show's file by its hash;
//! - `articles/<sha256>.md`: each article's text, written once before the library that names
//!   it, never changed, never removed (backups name them too);
//! - `shows/<sha256>.json`: each show's threads, notes and predictions (format 5), written
//!   once before the library that names it, never changed; removed two days after no library
//!   file in the folder names it any more;
//! - `fan-tracker.lock`: held (with `File::try_lock`) by the one instance allowed to write;
//! - `backups/library-<counter>-<time>.json`: the last few good versions, rotated by counter;
//! - `library.unreadable-*.json` / `library.conflict-*.json`: files kept aside, never deleted;
//! - `library.sync-conflict-*.json`, `library (… conflicted copy …).json`: a sync tool's
//!   conflict copies, merged in item by item and then moved into `conflicts-merged/`;
//! - `library.format<N>-*.json`: a library file of an older format version `N`, kept whole
//!   when it is first read migrated, before anything is written in the current format.

mod backups;
pub mod format;
mod fs;
mod markdown;
mod notice;
mod pins;
mod predictions_csv;
mod show_files;
mod store;
mod sync_copies;

pub use backups::made_at as backup_made_at;
pub use format::{
    CURRENT_FORMAT_VERSION, DataDir, DataFile, FormatError, Lineage, Loaded, MissingShowFile,
    Repair, decode, decode_file, decode_file_with, encode, encode_library_file, encode_revision,
    encode_save,
};
pub use fs::{
    FileSystem, RealFs, is_inside_folder, read_small_regular_file, write_atomic_no_follow,
};
pub use markdown::{
    MarkdownError, MarkdownFile, existing_names, markdown_files, safe_file_stem, show_markdown,
    unique_file_names, write_markdown_files,
};
pub use notice::Notice;
pub use pins::BackupPins;
pub use predictions_csv::{CsvError, PREDICTIONS_CSV_HEADER, predictions_csv};
pub use store::{
    BACKUP_INTERVAL, BACKUPS_KEPT, LIBRARY_FILE, LOCK_FILE, OpenedStore, SHOW_FILES_WAIT,
    SaveOutcome, SaveRequest, StorageError, Store, decode_file_at, list_backups, lock_is_free,
    shows_dir,
};
pub use sync_copies::{
    CopyStamp, MERGED_DIR, MoveCopyError, SyncTool, article_text_key, conflict_copy_tool,
    copy_stamp, find_conflict_copies, merge_base, move_merged_copy,
};
