//! One window per library: a second `fan-tracker FILE…` on a data folder that a window already
//! holds hands its files to that window over a local socket and exits; the window opens them
//! and comes to the front.
//!
//! The socket is [`SOCKET_FILE`] in the data folder. Only the window holding the writer lock
//! listens (so there is one), the socket is made private to the user (permissions 0600) and a
//! connection from another user is refused (its peer's uid, from `SO_PEERCRED`, must be ours).
//! A socket left behind by a window that crashed refuses connections ([`HandOff::NoWindow`]),
//! and the next window to take the lock replaces it.
//!
//! The exchange (version 1): the launcher sends [`GREETING`], then each file's absolute path as
//! bytes followed by a NUL byte, and closes its writing side; the window answers `ok\n` once
//! the files are queued for it. Nothing else is read or answered.

use std::ffi::OsString;
use std::io::{self, Read as _, Write as _};
use std::os::unix::ffi::{OsStrExt as _, OsStringExt as _};
use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// The socket's name in the data folder.
pub const SOCKET_FILE: &str = "fan-tracker.sock";

/// What a launcher sends first: the protocol's name and version, NUL-terminated.
pub const GREETING: &[u8] = b"fan-tracker-handoff 1\0";

/// The window's answer once it has the files.
const ANSWER: &[u8] = b"ok\n";

/// The most a launcher may send (1 MiB: thousands of paths).
const MAX_MESSAGE: u64 = 1 << 20;

/// How long a launcher waits for the window's answer (and the window for the launcher's
/// message) before giving up on it.
pub const ANSWER_WAIT: Duration = Duration::from_secs(2);

/// How long a launcher keeps trying to reach a window that holds the data folder's lock but
/// does not listen yet (it is starting).
const STARTING_WAIT: Duration = Duration::from_secs(3);

/// What became of the files a launcher handed over.
#[derive(Debug, PartialEq, Eq)]
pub enum HandOff {
    /// A window on the data folder has them (and comes to the front).
    Delivered,
    /// No window listens on the data folder (none is open, or the one that was crashed).
    NoWindow,
    /// A window listens but did not answer; why, in words.
    NoAnswer(String),
}

/// Hands `files` (absolute paths; none just brings the window forward) to the window that holds
/// `data_dir`, if one listens. Creates nothing. While the folder's lock is held by a window
/// that does not listen yet, tries again for a few seconds.
pub fn hand_over(data_dir: &Path, files: &[PathBuf]) -> HandOff {
    let path = data_dir.join(SOCKET_FILE);
    let started = Instant::now();
    loop {
        match UnixStream::connect(&path) {
            Ok(stream) => {
                return match send(stream, files) {
                    Ok(()) => HandOff::Delivered,
                    Err(error) => HandOff::NoAnswer(error.to_string()),
                };
            }
            Err(error) => {
                log::debug!("no window listens at {}: {error}", path.display());
                if started.elapsed() >= STARTING_WAIT || !lock_held(data_dir) {
                    return HandOff::NoWindow;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// For a launch of the app: hands `files` to the window open on `data_dir` and returns `true`
/// (the launch is done), or returns `false` when this launch must open a window itself (no
/// window listens; or one does but did not answer, which is told on stderr: the new window
/// opens read-only, as it always did beside another).
pub fn hand_over_or_open(data_dir: &Path, files: &[PathBuf]) -> bool {
    match hand_over(data_dir, files) {
        HandOff::Delivered => true,
        HandOff::NoWindow => false,
        HandOff::NoAnswer(why) => {
            eprintln!(
                "fan-tracker: the window open on {} did not answer ({why}); opening another",
                data_dir.display()
            );
            false
        }
    }
}

/// Whether a process holds the data folder's writer lock now (without creating anything).
fn lock_held(data_dir: &Path) -> bool {
    let Ok(file) = std::fs::File::open(data_dir.join(crate::storage::LOCK_FILE)) else {
        return false;
    };
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

/// Sends the files and waits for the answer.
fn send(mut stream: UnixStream, files: &[PathBuf]) -> io::Result<()> {
    stream.set_write_timeout(Some(ANSWER_WAIT))?;
    stream.set_read_timeout(Some(ANSWER_WAIT))?;
    let mut message = GREETING.to_vec();
    for file in files {
        message.extend_from_slice(file.as_os_str().as_bytes());
        message.push(0);
    }
    stream.write_all(&message)?;
    stream.shutdown(std::net::Shutdown::Write)?;
    let mut answer = Vec::new();
    stream.take(64).read_to_end(&mut answer)?;
    if answer == ANSWER {
        Ok(())
    } else {
        Err(io::Error::other(
            "the window closed the connection without an answer",
        ))
    }
}

/// Files handed over by one launch (none: just come to the front).
#[derive(Debug, PartialEq, Eq)]
pub struct Handed(pub Vec<PathBuf>);

/// The window's end: listens on the data folder's socket on a thread of its own; the socket
/// goes when it is dropped.
pub struct Listener {
    path: PathBuf,
    received: Receiver<Handed>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Listener {
    /// Listens at `data_dir`'s socket, replacing one a crashed window left. Call it only while
    /// holding the data folder's writer lock. `wake` is called after each launch's files are
    /// queued (to ask the window for a frame).
    ///
    /// # Errors
    /// The socket cannot be made (the path is too long for a socket, the folder is not
    /// writable) or the thread cannot start.
    pub fn start(data_dir: &Path, wake: impl Fn() + Send + 'static) -> io::Result<Self> {
        let path = data_dir.join(SOCKET_FILE);
        match std::fs::remove_file(&path) {
            Ok(()) => log::info!("replaced a stale socket at {}", path.display()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let listener = UnixListener::bind(&path)?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        let (sender, received) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::Builder::new()
            .name("fan-tracker-handoff".into())
            .spawn(move || serve(&listener, &sender, &stopping, &wake))?;
        Ok(Self {
            path,
            received,
            stop,
            thread: Some(thread),
        })
    }

    /// What launches handed over since the last call, oldest first.
    pub fn take(&self) -> Vec<Handed> {
        self.received.try_iter().collect()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the thread blocked in `accept`, which then sees `stop`.
        let _ = UnixStream::connect(&self.path);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Accepts launches one at a time until `stop`.
fn serve(listener: &UnixListener, sender: &Sender<Handed>, stop: &AtomicBool, wake: &dyn Fn()) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        if let Err(error) = stream.and_then(|stream| receive(stream, sender, wake)) {
            log::warn!("a launch could not hand its files over: {error}");
        }
    }
}

/// Reads one launch's files, queues them and wakes the window before answering (so a launch
/// that was answered has been seen); `Ok(false)` when it was refused.
fn receive(mut stream: UnixStream, sender: &Sender<Handed>, wake: &dyn Fn()) -> io::Result<bool> {
    let peer = peer_uid(&stream)?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let own = unsafe { libc::geteuid() };
    if peer != own {
        log::warn!("refused a hand-over from another user (uid {peer})");
        return Ok(false);
    }
    stream.set_read_timeout(Some(ANSWER_WAIT))?;
    stream.set_write_timeout(Some(ANSWER_WAIT))?;
    let mut message = Vec::new();
    (&mut stream)
        .take(MAX_MESSAGE + 1)
        .read_to_end(&mut message)?;
    let Some(files) = parse(&message) else {
        log::warn!("ignored a connection that did not speak the hand-over protocol");
        return Ok(false);
    };
    if sender.send(Handed(files)).is_err() {
        return Ok(false);
    }
    wake();
    stream.write_all(ANSWER)?;
    Ok(true)
}

/// The files in a launcher's message, or `None` when it is not one (no greeting, too long, a
/// path not ended by NUL).
fn parse(message: &[u8]) -> Option<Vec<PathBuf>> {
    if message.len() as u64 > MAX_MESSAGE {
        return None;
    }
    let rest = message.strip_prefix(GREETING)?;
    if !rest.is_empty() && !rest.ends_with(&[0]) {
        return None;
    }
    Some(
        rest.split(|&b| b == 0)
            .filter(|path| !path.is_empty())
            .map(|path| PathBuf::from(OsString::from_vec(path.to_vec())))
            .collect(),
    )
}

/// The uid of the process at the other end of `stream`.
fn peer_uid(stream: &UnixStream) -> io::Result<libc::uid_t> {
    use std::os::fd::AsRawFd as _;
    let mut credentials = libc::ucred {
        pid: 0,
        uid: 0,
        gid: 0,
    };
    let mut length = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: the fd is a live socket owned by `stream`; `credentials` and `length` are valid
    // for writes of the sizes given.
    let result = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&raw mut credentials).cast(),
            &raw mut length,
        )
    };
    if result == 0 {
        Ok(credentials.uid)
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::MetadataExt as _;
    use std::sync::atomic::AtomicUsize;

    use super::*;

    fn listener(dir: &Path) -> (Listener, Arc<AtomicUsize>) {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counted = wakes.clone();
        let listener = Listener::start(dir, move || {
            counted.fetch_add(1, Ordering::SeqCst);
        })
        .unwrap();
        (listener, wakes)
    }

    #[test]
    fn files_handed_over_arrive_once_each_in_order_and_wake_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let (listener, wakes) = listener(dir.path());
        let first = vec![PathBuf::from("/tmp/a.md"), PathBuf::from("/tmp/b c.txt")];
        let second = vec![PathBuf::from("/tmp/기사.html")];
        assert_eq!(hand_over(dir.path(), &first), HandOff::Delivered);
        assert_eq!(hand_over(dir.path(), &second), HandOff::Delivered);
        assert_eq!(hand_over(dir.path(), &[]), HandOff::Delivered);
        assert_eq!(
            listener.take(),
            vec![Handed(first), Handed(second), Handed(Vec::new())]
        );
        assert!(listener.take().is_empty());
        assert_eq!(wakes.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn the_socket_is_private_to_the_user_and_goes_with_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let (listener, _) = listener(dir.path());
        let socket = dir.path().join(SOCKET_FILE);
        let mode = std::fs::metadata(&socket).unwrap().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        drop(listener);
        assert!(!socket.exists());
        assert_eq!(hand_over(dir.path(), &[]), HandOff::NoWindow);
    }

    #[test]
    fn without_a_window_nothing_is_delivered_and_nothing_created() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-data-folder-yet");
        assert_eq!(hand_over(&missing, &[]), HandOff::NoWindow);
        assert!(!missing.exists());
    }

    #[test]
    fn a_stale_socket_after_a_crash_is_no_window_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        // A bound socket whose listener is gone, as a killed window leaves it.
        drop(UnixListener::bind(dir.path().join(SOCKET_FILE)).unwrap());
        assert!(dir.path().join(SOCKET_FILE).exists());
        assert_eq!(hand_over(dir.path(), &[]), HandOff::NoWindow);
        let (listener, _) = listener(dir.path());
        let files = vec![PathBuf::from("/tmp/after-crash.md")];
        assert_eq!(hand_over(dir.path(), &files), HandOff::Delivered);
        assert_eq!(listener.take(), vec![Handed(files)]);
    }

    #[test]
    fn a_connection_that_does_not_speak_the_protocol_gets_no_answer() {
        let dir = tempfile::tempdir().unwrap();
        let (listener, wakes) = listener(dir.path());
        let mut stream = UnixStream::connect(dir.path().join(SOCKET_FILE)).unwrap();
        stream.write_all(b"GET / HTTP/1.0\r\n\r\n").unwrap();
        stream.shutdown(std::net::Shutdown::Write).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        assert!(answer.is_empty());
        assert!(listener.take().is_empty());
        assert_eq!(wakes.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_window_that_does_not_answer_is_told_and_not_waited_for_long() {
        let dir = tempfile::tempdir().unwrap();
        // Listening but never accepting, as a window stuck in a long frame would.
        let _stuck = UnixListener::bind(dir.path().join(SOCKET_FILE)).unwrap();
        let started = Instant::now();
        let result = hand_over(dir.path(), &[PathBuf::from("/tmp/a.md")]);
        assert!(matches!(result, HandOff::NoAnswer(_)), "{result:?}");
        assert!(
            started.elapsed() < ANSWER_WAIT * 5,
            "{:?}",
            started.elapsed()
        );
        assert!(
            !hand_over_or_open(dir.path(), &[]),
            "this launch opens a window"
        );
    }

    #[test]
    fn a_message_is_a_greeting_and_nul_ended_paths() {
        assert_eq!(parse(GREETING), Some(Vec::new()));
        let mut message = GREETING.to_vec();
        message.extend_from_slice(b"/a\0/b\0");
        assert_eq!(
            parse(&message),
            Some(vec![PathBuf::from("/a"), PathBuf::from("/b")])
        );
        message.extend_from_slice(b"/cut-short");
        assert_eq!(parse(&message), None);
        assert_eq!(parse(b"fan-tracker-handoff 2\0/a\0"), None);
    }

    /// Another user (uid 65534, `nobody`) who can reach the socket (its permissions opened up
    /// for the test) is refused: no files queued, no answer. Needs root to switch users
    /// (`setpriv`, util-linux) and python3 for the other user's client.
    #[test]
    fn another_users_connection_is_refused() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            let required = std::env::var("FAN_TRACKER_REQUIRE_DISPLAY").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "this test switches users and must run as root in CI"
            );
            eprintln!("SKIPPED: switching to another user needs root");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let (listener, wakes) = listener(dir.path());
        let socket = dir.path().join(SOCKET_FILE);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o666)).unwrap();
        let client = "import socket, sys\n\
            s = socket.socket(socket.AF_UNIX)\n\
            s.connect(sys.argv[1])\n\
            try:\n\
            \x20   s.sendall(b'fan-tracker-handoff 1\\0/tmp/intruder.md\\0')\n\
            \x20   s.shutdown(socket.SHUT_WR)\n\
            \x20   answer = s.recv(64)\n\
            except (ConnectionResetError, BrokenPipeError):\n\
            \x20   answer = b''\n\
            sys.stdout.write(repr(answer))\n";
        let output = std::process::Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "/usr/bin/python3",
                "-c",
                client,
            ])
            .arg(&socket)
            .output()
            .expect("run setpriv and python3");
        assert!(
            output.status.success(),
            "the other user's client failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stdout), "b''");
        assert!(listener.take().is_empty());
        assert_eq!(wakes.load(Ordering::SeqCst), 0);
        // The same message from this user is taken.
        let files = vec![PathBuf::from("/tmp/mine.md")];
        assert_eq!(hand_over(dir.path(), &files), HandOff::Delivered);
        assert_eq!(listener.take(), vec![Handed(files)]);
    }
}
