//! Measures how much typing a SIGKILL can lose: the figure in docs/DATA-SAFETY.md, section 8.
//!
//! Usage: `typing_loss DATA_DIR [SECONDS] [CHARS_PER_SECOND] [FRAME_MS]`. The app (without a
//! window) gets one character of the first article's note at a time, at CHARS_PER_SECOND (default
//! 125, a fast typist), for SECONDS (default 20). After every edit the UI thread is busy for
//! FRAME_MS (default 0; try 3000 for a frame that takes seconds). Meanwhile another thread
//! reads `library.json` every millisecond and records how far the note on disk lags behind
//! the note typed. Since every write is atomic, a SIGKILL at any moment leaves the file as
//! it was last written, so the largest lag is the most typing a kill can lose.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use fan_tracker::app::{App, AppOptions, Change, Command};
use fan_tracker::storage::{LIBRARY_FILE, Store};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(
        args.next()
            .context("usage: typing_loss DATA_DIR [SECONDS] [CHARS_PER_SECOND] [FRAME_MS]")?,
    );
    let mut number = |default: u64| -> anyhow::Result<u64> {
        args.next()
            .map_or(Ok(default), |a| a.parse().context("a whole number"))
    };
    let seconds = number(20)?;
    let rate = number(125)?;
    let frame = Duration::from_millis(number(0)?);
    let mut app = App::new(
        AppOptions {
            data_dir: dir.clone(),
            open_file: None,
        },
        None,
    );
    let article = app
        .library()
        .shows
        .first()
        .and_then(|s| s.articles.first())
        .map(|a| a.id)
        .context("the library has no article to type a note on")?;
    let typed = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (typed, done) = (Arc::clone(&typed), Arc::clone(&done));
        let path = dir.join(LIBRARY_FILE);
        std::thread::spawn(move || {
            let mut worst = 0;
            while !done.load(Ordering::SeqCst) {
                // Read what is typed before what is on disk, so the lag is never overstated.
                let typed_now = typed.load(Ordering::SeqCst);
                let on_disk = Store::read_library(&path)
                    .ok()
                    .and_then(|l| {
                        let entry = l.shows.first()?.articles.first()?;
                        Some(entry.note.len())
                    })
                    .unwrap_or(0);
                worst = worst.max(typed_now.saturating_sub(on_disk));
                std::thread::sleep(Duration::from_millis(1));
            }
            worst
        })
    };
    let start = Instant::now();
    let count = seconds * rate;
    let mut note = String::new();
    for i in 0..count {
        note.push(if i % 7 == 6 { ' ' } else { 'a' });
        app.push(Command::Change(Change::SetArticleNote(
            article,
            note.clone(),
        )));
        app.after_frame();
        typed.store(note.len(), Ordering::SeqCst);
        std::thread::sleep(frame);
        let next = start + Duration::from_secs_f64((i + 1) as f64 / rate as f64);
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
    }
    done.store(true, Ordering::SeqCst);
    let worst = watcher
        .join()
        .map_err(|_| anyhow::anyhow!("watcher panicked"))?;
    app.shutdown();
    println!(
        "typed {count} characters in {:.1} s at {rate}/s (UI busy {} ms after each): at most {worst} characters ({:.2} s) behind on disk",
        start.elapsed().as_secs_f64(),
        frame.as_millis(),
        worst as f64 / rate as f64
    );
    Ok(())
}
