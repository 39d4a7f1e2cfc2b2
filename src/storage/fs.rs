//! The file operations the store needs, behind a trait so tests can make any one of them fail.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use atomic_write_file::AtomicWriteFile;

/// How many symbolic links in a row are followed before giving up (as Linux's `ELOOP`).
const MAX_LINKS: usize = 40;

/// File operations used by [`super::Store`]. Every write is atomic: the old content or the new.
pub trait FileSystem: Send + std::fmt::Debug {
    /// Reads a whole file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Replaces `path` with `bytes` atomically (temp file, fsync, rename, fsync the folder).
    /// When `path` is a symbolic link, the file it points at is replaced (the temp file is
    /// made in that file's folder) and the link is kept. On Unix a new file gets mode 0600; a
    /// replaced file keeps its group and other bits (the owner's are read-write).
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Renames a file within the data folder.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Creates a folder (and its parents) when missing, mode 0700 on Unix; an existing folder
    /// keeps its mode.
    fn create_private_dir(&self, path: &Path) -> io::Result<()>;
    /// Lists the entries of a folder.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// The monotonic clock backups are spaced by (tests move it on).
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFs;

impl FileSystem for RealFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }

    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let target = follow_links(path)?;
        let mut options = AtomicWriteFile::options();
        #[cfg(unix)]
        {
            use atomic_write_file::unix::OpenOptionsExt as _;
            use std::os::unix::fs::OpenOptionsExt as _;
            options.preserve_mode(false).mode(0o600);
        }
        let mut file = options.open(&target)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            // Set exactly, past the umask: private, plus the group and other bits the fan gave
            // the file being replaced (a shared folder, a read-only copy for a sync tool).
            let kept = match fs::metadata(&target) {
                Ok(meta) => meta.permissions().mode() & 0o077,
                Err(e) if e.kind() == io::ErrorKind::NotFound => 0,
                Err(e) => return Err(e),
            };
            file.as_file()
                .set_permissions(fs::Permissions::from_mode(0o600 | kept))?;
        }
        file.write_all(bytes)?;
        file.commit()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn create_private_dir(&self, path: &Path) -> io::Result<()> {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt as _;
            builder.mode(0o700);
        }
        builder.create(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect()
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

/// The file `path` names after following symbolic links (a link to a missing file gives that
/// missing file's path); `path` itself when it is not a link.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                // A relative target is relative to the link's folder; `join` keeps an
                // absolute one as it is.
                current = match current.parent() {
                    Some(folder) => folder.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{} goes through more than {MAX_LINKS} symbolic links",
        path.display()
    )))
}
