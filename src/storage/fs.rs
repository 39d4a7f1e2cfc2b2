//! The file operations the store needs, behind a trait so tests can make any one of them fail.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use atomic_write_file::AtomicWriteFile;

/// How many symbolic links in a row are followed before giving up (as Linux's `ELOOP`).
const MAX_LINKS: usize = 40;

/// File operations used by [`super::Store`]. Every write is atomic: the old content or the new.
///
/// Each operation's default is the real one ([`RealFs`] keeps them all), so a test's file
/// system overrides only the operations it watches or makes fail.
pub trait FileSystem: Send + std::fmt::Debug {
    /// Reads a whole file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }
    /// Replaces `path` with `bytes` atomically (temp file, fsync, rename, fsync the folder).
    /// When `path` is a symbolic link, the file it points at is replaced (the temp file is
    /// made in that file's folder) and the link is kept. A folder, FIFO, device node or socket
    /// at `path` (or where its links lead) is refused with `InvalidInput`, never replaced (so
    /// no temporary copy is left either). On Unix a new file gets mode 0600; a
    /// replaced file keeps its group and other bits (the owner's are read-write).
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let target = follow_links(path)?;
        refuse_special(&target)?;
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
    /// Renames a file within the data folder.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
    /// Creates a folder (and its parents) when missing, mode 0700 on Unix; an existing folder
    /// keeps its mode.
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
    /// Lists the entries of a folder.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect()
    }
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
    /// The size in bytes of the file `path` names (links followed).
    fn file_len(&self, path: &Path) -> io::Result<u64> {
        fs::metadata(path).map(|meta| meta.len())
    }
    /// The monotonic clock backups are spaced by (tests move it on).
    fn now(&self) -> Instant {
        Instant::now()
    }
    /// How long ago the file `path` arrived in its folder: since the later of its last
    /// modification and (on Unix) its last status change, which a sync tool that sets an old
    /// modification time on a file it delivers cannot set back. Zero when the clock is behind.
    fn age(&self, path: &Path) -> io::Result<Duration> {
        let meta = fs::metadata(path)?;
        let mut arrived = meta.modified()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let changed = std::time::UNIX_EPOCH
                + Duration::new(
                    u64::try_from(meta.ctime()).unwrap_or(0),
                    u32::try_from(meta.ctime_nsec()).unwrap_or(0),
                );
            arrived = arrived.max(changed);
        }
        if let Ok(created) = meta.created() {
            arrived = arrived.max(created);
        }
        Ok(SystemTime::now()
            .duration_since(arrived)
            .unwrap_or(Duration::ZERO))
    }
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFs;

impl FileSystem for RealFs {}

/// The file `path` names after following symbolic links (a link to a missing file gives that
/// missing file's path); `path` itself when it is not a link.
pub(crate) fn follow_links(path: &Path) -> io::Result<PathBuf> {
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

/// Reads `path` only if it is a regular file of at most `cap` bytes, never following a
/// symbolic link and never waiting on a FIFO or a device: `Ok(None)` when there is no file.
///
/// # Errors
/// `InvalidInput` when `path` is a link, a FIFO, a device, a folder or bigger than `cap`;
/// any other error opening or reading it.
pub fn read_small_regular_file(path: &Path, cap: u64) -> io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // A link is refused by the kernel (ELOOP); a FIFO opens without waiting for a writer.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if is_link_refusal(&e) => return Err(not_regular(path, "a symbolic link")),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(path, "not a regular file"));
    }
    if meta.len() > cap {
        return Err(not_regular(path, &format!("bigger than {cap} bytes")));
    }
    let mut bytes = Vec::new();
    // The size may grow after the check: never read more than the cap, plus one to notice.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(not_regular(path, &format!("bigger than {cap} bytes")));
    }
    Ok(Some(bytes))
}

/// Replaces `path` with `bytes` atomically (mode 0600 on Unix) without following a symbolic
/// link: a link at `path` is itself replaced by the file, the file it pointed at is left
/// alone. A folder, FIFO or device at `path` is refused (`InvalidInput`), never replaced.
///
/// # Errors
/// `InvalidInput` for a special file at `path`; any error writing.
pub fn write_atomic_no_follow(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.file_type().is_symlink() => {
            return Err(not_regular(path, "not a regular file"));
        }
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut options = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options
            .preserve_mode(false)
            .preserve_owner(false)
            .mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Refuses to write over `target` (a link already followed) unless it is missing or a
/// regular file: a device node, FIFO, socket or folder is never replaced by a file.
fn refuse_special(target: &Path) -> io::Result<()> {
    match fs::symlink_metadata(target) {
        Ok(meta) if !meta.is_file() => {
            let what = if meta.is_dir() {
                "a folder"
            } else {
                "a device, FIFO or socket, not a regular file"
            };
            Err(not_regular(target, what))
        }
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether opening with `O_NOFOLLOW` failed because the path is a symbolic link.
fn is_link_refusal(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

fn not_regular(path: &Path, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{} is {what}", path.display()),
    )
}

/// Whether `path` (a file to write, or a folder to save in) is inside `folder` or is `folder`
/// itself, once symbolic links are followed (as the atomic write follows them), even when
/// `path` does not exist yet. False when `folder` does not exist (nothing in it to protect).
pub fn is_inside_folder(folder: &Path, path: &Path) -> bool {
    let Ok(folder) = folder.canonicalize() else {
        return false;
    };
    if path.canonicalize().is_ok_and(|p| p.starts_with(&folder)) {
        return true;
    }
    let target = follow_links(path).unwrap_or_else(|_| path.to_owned());
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    parent
        .canonicalize()
        .is_ok_and(|parent| parent.starts_with(&folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file a sync tool delivers with its old modification time counts from when it
    /// arrived (its status change time), so pruning never takes it for an old one.
    #[cfg(unix)]
    #[test]
    fn a_file_arriving_with_an_old_modification_time_is_young() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("delivered.json");
        fs::write(&path, "{}").unwrap();
        let ten_days = Duration::from_secs(10 * 24 * 3600);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(SystemTime::now() - ten_days)
            .unwrap();
        let age = RealFs.age(&path).unwrap();
        assert!(age < Duration::from_secs(60), "{age:?}");
        assert!(
            fs::metadata(&path).unwrap().modified().unwrap() < SystemTime::now() - ten_days / 2,
            "the modification time is old"
        );
    }
}
