//! The one jobs runtime: work that reads or writes files, shows a file dialog, parses an
//! article, suggests or merges runs here, off the UI thread, and comes back as a [`Command`].
//!
//! [`super::App::apply`] decides and returns [`super::Effect`]s; the app hands each to
//! [`Jobs::spawn`]. A small fixed pool of [`WORKERS`] threads takes jobs in the order they
//! came; a file dialog, which waits for a person for as long as they like, gets a thread of
//! its own so it never holds a worker. A finished job sends back the command to apply (if any)
//! and wakes the window with the app's [`Wake`]; the app applies it after the next frame
//! ([`super::App::after_frame`]). A job that panics comes back as [`Command::JobFault`].
//!
//! The saver keeps its own clock and thread ([`super::Saver`]: debounce, retries, crash-safe
//! writes); it is started through [`spawn_thread`], as is the loading at start
//! ([`Task`], used by `crate::shell::Preload`).

use std::collections::VecDeque;
use std::future::Future;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread::JoinHandle;

use super::command::Command;
use super::wake::Wake;

/// How many worker threads run jobs other than file dialogs.
pub const WORKERS: usize = 2;

/// What a job does: where it runs (a dialog on a thread of its own) and what the status line
/// and the tests wait for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// A file dialog (waits for the person).
    Dialog,
    /// Reading and importing an article file or pasted text.
    Import,
    /// Parsing the open article.
    Parse,
    /// Suggesting an article's open questions.
    Suggest,
    /// Listing the backups.
    Backups,
    /// Reading a backup to restore it.
    Restore,
    /// Encoding the library and writing it to a file.
    Export,
    /// Opening another folder as the data folder, or closing the old one's saver.
    Folder,
    /// Merging a change another program made to the library file, a backup or sync tools'
    /// conflict copies into it (and moving merged copies away).
    Merge,
    /// Building Find's index of the library, or searching it.
    Search,
    /// Looking whether the files notices name are still there, or whether the writer lock
    /// of a read-only window's data folder is free.
    Check,
}

/// A job's result carried in a [`Command`]: shared so that commands stay `Clone`, compared by
/// identity, and taken once by the command's handler.
pub struct Finished<T>(Arc<Mutex<Option<T>>>);

impl<T> Finished<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        Self(Arc::new(Mutex::new(Some(value))))
    }

    /// Takes the value out; `None` when it was taken already (a cloned command applied twice).
    pub fn take(&self) -> Option<T> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

impl<T> Clone for Finished<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Finished<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::fmt::Debug for Finished<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Finished<{}>", std::any::type_name::<T>())
    }
}

/// A job's body: what it returns is applied as a command.
type Body = Box<dyn FnOnce() -> Option<Command> + Send>;

struct Queued {
    id: u64,
    kind: JobKind,
    what: String,
    body: Body,
}

#[derive(Default)]
struct QueueState {
    jobs: VecDeque<Queued>,
    /// Set when the app goes: workers stop after the job they are on.
    closed: bool,
}

#[derive(Default)]
struct Queue {
    state: Mutex<QueueState>,
    ready: Condvar,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, QueueState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Where a job sends its result.
#[derive(Clone)]
struct Reply {
    sender: Sender<(u64, Option<Command>)>,
    wake: Wake,
}

impl Reply {
    /// Runs `body` (a panic becomes [`Command::JobFault`]), sends what it returned and wakes
    /// the window. The app may be gone already; then nobody needs the result.
    fn run(&self, id: u64, kind: JobKind, what: &str, body: Body) {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body))
            .unwrap_or_else(|_| Some(Command::JobFault(kind, what.to_owned())));
        let _ = self.sender.send((id, result));
        self.wake.wake();
    }
}

/// The app's jobs under way and the threads that run them.
pub struct Jobs {
    queue: Arc<Queue>,
    reply: Reply,
    results: Receiver<(u64, Option<Command>)>,
    /// Jobs under way: id, kind, and what they work on (for the status line).
    pending: Vec<(u64, JobKind, String)>,
    next_id: u64,
    /// The workers started (started with the first job, so an app that never runs one has
    /// none).
    workers: usize,
}

impl Jobs {
    /// A runtime whose finished jobs wake `wake` (the window).
    pub fn new(wake: Wake) -> Self {
        let (sender, results) = channel();
        Self {
            queue: Arc::default(),
            reply: Reply { sender, wake },
            results,
            pending: Vec::new(),
            next_id: 0,
            workers: 0,
        }
    }

    /// Runs `body` off the UI thread; `what` names what it works on ("notes.txt"). Returns the
    /// job's id. If no thread can be started, the job comes back as [`Command::JobFault`].
    pub fn spawn(
        &mut self,
        kind: JobKind,
        what: impl Into<String>,
        body: impl FnOnce() -> Option<Command> + Send + 'static,
    ) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        let what = what.into();
        self.pending.push((id, kind, what.clone()));
        let body: Body = Box::new(body);
        if kind == JobKind::Dialog {
            let reply = self.reply.clone();
            let label = what.clone();
            if let Err(error) = spawn_thread("fan-tracker-dialog", move || {
                reply.run(id, kind, &label, body)
            }) {
                log::error!("could not start a dialog thread: {error}");
                let _ = self
                    .reply
                    .sender
                    .send((id, Some(Command::JobFault(kind, what))));
            }
            return id;
        }
        self.start_workers();
        if self.workers == 0 {
            let _ = self
                .reply
                .sender
                .send((id, Some(Command::JobFault(kind, what))));
            return id;
        }
        self.queue.lock().jobs.push_back(Queued {
            id,
            kind,
            what,
            body,
        });
        self.queue.ready.notify_one();
        id
    }

    fn start_workers(&mut self) {
        while self.workers < WORKERS {
            let queue = Arc::clone(&self.queue);
            let reply = self.reply.clone();
            match spawn_thread("fan-tracker-job", move || work(&queue, &reply)) {
                Ok(_detached) => self.workers += 1,
                Err(error) => {
                    log::error!("could not start a job thread: {error}");
                    return;
                }
            }
        }
    }

    /// The commands of the jobs finished since the last call, without waiting.
    pub fn poll(&mut self) -> Vec<Command> {
        let done: Vec<_> = self.results.try_iter().collect();
        self.forget(done)
    }

    /// Waits until one job of `kinds` (any kind when empty) finishes, if one is under way, and
    /// returns the commands of every job finished meanwhile. Used on the close path and by
    /// tests, never in a frame.
    pub fn wait_one(&mut self, kinds: &[JobKind]) -> Vec<Command> {
        if !self.is_busy_with(kinds) {
            return self.poll();
        }
        let mut done = Vec::new();
        while let Ok(job) = self.results.recv() {
            let id = job.0;
            done.push(job);
            let was = self.pending.iter().find(|p| p.0 == id).map(|p| p.1);
            if was.is_some_and(|k| kinds.is_empty() || kinds.contains(&k)) {
                break;
            }
        }
        done.extend(self.results.try_iter());
        self.forget(done)
    }

    fn forget(&mut self, done: Vec<(u64, Option<Command>)>) -> Vec<Command> {
        self.pending
            .retain(|(id, _, _)| done.iter().all(|d| d.0 != *id));
        done.into_iter()
            .filter_map(|(_, command)| command)
            .collect()
    }

    /// Whether a job of one of `kinds` (any kind when empty) is under way.
    pub fn is_busy_with(&self, kinds: &[JobKind]) -> bool {
        self.pending
            .iter()
            .any(|(_, kind, _)| kinds.is_empty() || kinds.contains(kind))
    }

    /// What the jobs of `kind` under way work on, oldest first.
    pub fn pending(&self, kind: JobKind) -> impl Iterator<Item = &str> {
        self.pending
            .iter()
            .filter(move |(_, k, _)| *k == kind)
            .map(|(_, _, what)| what.as_str())
    }
}

impl Drop for Jobs {
    /// Workers stop after the job they are on; the window does not wait for them.
    fn drop(&mut self) {
        self.queue.lock().closed = true;
        self.queue.ready.notify_all();
    }
}

/// A worker: takes jobs until the runtime is dropped.
fn work(queue: &Queue, reply: &Reply) {
    loop {
        let job = {
            let mut state = queue.lock();
            loop {
                if state.closed {
                    return;
                }
                if let Some(job) = state.jobs.pop_front() {
                    break job;
                }
                state = queue
                    .ready
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        reply.run(job.id, job.kind, &job.what, job.body);
    }
}

/// Starts a named thread: the one place the app makes threads (the workers, a dialog's
/// thread, the saver, the loading at start).
///
/// # Errors
/// The system refused a new thread.
pub fn spawn_thread<T: Send + 'static>(
    name: &str,
    body: impl FnOnce() -> T + Send + 'static,
) -> std::io::Result<JoinHandle<T>> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(body)
}

/// A job one caller waits for (the loading at start): runs on a thread of its own.
pub struct Task<T>(Option<JoinHandle<T>>);

impl<T: Send + 'static> Task<T> {
    /// Starts `body`; when no thread can be started, [`Task::join`] says so and the caller
    /// does the work itself.
    pub fn spawn(name: &str, body: impl FnOnce() -> T + Send + 'static) -> Self {
        match spawn_thread(name, body) {
            Ok(handle) => Self(Some(handle)),
            Err(error) => {
                log::warn!("could not start the {name} thread ({error})");
                Self(None)
            }
        }
    }

    /// Waits for the result: `None` when the thread could not start, `Some(Err(message))`
    /// when it panicked.
    pub fn join(self) -> Option<Result<T, String>> {
        let handle = self.0?;
        Some(
            handle
                .join()
                .map_err(|payload| panic_message(payload.as_ref())),
        )
    }
}

/// The message a panic was raised with, if it had one in words.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

/// Wakes the thread blocked in [`block_on`].
struct Unpark(std::thread::Thread);

impl std::task::Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Drives `future` to its end on this thread (a job's thread), sleeping between polls until
/// it is woken: enough for `rfd`'s dialog futures, which do their work elsewhere.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn jobs_run_off_this_thread_come_back_as_commands_and_wake() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counted = wakes.clone();
        let mut jobs = Jobs::new(Wake::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
        }));
        let here = std::thread::current().id();
        jobs.spawn(JobKind::Backups, "a", move || {
            assert_ne!(std::thread::current().id(), here);
            Some(Command::KeepFiling)
        });
        jobs.spawn(JobKind::Parse, "b", || None);
        jobs.spawn(JobKind::Dialog, "c", || Some(Command::Undo));
        jobs.spawn(JobKind::Export, "d", || panic!("a test fault"));
        assert!(jobs.is_busy_with(&[JobKind::Dialog]));
        let mut commands = Vec::new();
        while jobs.is_busy_with(&[]) {
            commands.extend(jobs.wait_one(&[]));
        }
        assert_eq!(commands.len(), 3, "{commands:?}");
        assert!(commands.contains(&Command::KeepFiling));
        assert!(commands.contains(&Command::Undo));
        assert!(commands.contains(&Command::JobFault(JobKind::Export, "d".into())));
        // Each job wakes the window just after sending its result.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while wakes.load(Ordering::SeqCst) < 4 && std::time::Instant::now() < deadline {
            std::thread::yield_now();
        }
        assert_eq!(wakes.load(Ordering::SeqCst), 4);
        assert!(jobs.poll().is_empty());
    }

    #[test]
    fn block_on_drives_a_future_woken_from_another_thread() {
        struct Later(Arc<Mutex<Option<u8>>>, bool);
        impl Future for Later {
            type Output = u8;
            fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
                if let Some(value) = *self.0.lock().unwrap() {
                    return Poll::Ready(value);
                }
                if !self.1 {
                    self.1 = true;
                    let (slot, waker) = (self.0.clone(), cx.waker().clone());
                    std::thread::spawn(move || {
                        *slot.lock().unwrap() = Some(7);
                        waker.wake();
                    });
                }
                Poll::Pending
            }
        }
        assert_eq!(block_on(Later(Arc::default(), false)), 7);
    }

    #[test]
    fn a_finished_value_is_taken_once_and_compared_by_identity() {
        let one = Finished::new(5);
        let copy = one.clone();
        assert_eq!(one, copy);
        assert_ne!(one, Finished::new(5));
        assert_eq!(copy.take(), Some(5));
        assert_eq!(one.take(), None);
    }
}
