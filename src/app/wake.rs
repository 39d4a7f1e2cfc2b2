//! Waking the window when work done off the UI thread (a save, an import, suggestions)
//! finishes, without the app knowing what a window is.

use std::sync::Arc;

/// Asks the window for a frame; does nothing when there is no window (tests, benchmarks).
#[derive(Clone, Default)]
pub struct Wake(Option<Arc<dyn Fn() + Send + Sync>>);

impl Wake {
    /// Calls `wake` to ask for a frame.
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Self {
        Self(Some(Arc::new(wake)))
    }

    /// Repaints the window of `ctx`, if there is one.
    pub fn window(ctx: Option<&egui::Context>) -> Self {
        ctx.cloned()
            .map(|ctx| Self::new(move || ctx.request_repaint()))
            .unwrap_or_default()
    }

    /// Asks for a frame.
    pub fn wake(&self) {
        if let Some(wake) = &self.0 {
            wake();
        }
    }
}

impl std::fmt::Debug for Wake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Wake(window)"
        } else {
            "Wake(none)"
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn a_wake_calls_its_function_and_none_does_nothing() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = calls.clone();
        let wake = Wake::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
        });
        wake.clone().wake();
        wake.wake();
        Wake::default().wake();
        Wake::window(None).wake();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
