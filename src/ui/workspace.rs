//! The workspace's shape: which panels show at the window's width, how wide they may be, and
//! what the fan collapsed or opened (remembered between runs by the shell).
//!
//! ```text
//!  wide (≥ 1100 pt)            medium (900–1100 pt)        narrow (< 900 pt)
//! ┌────┬──────────┬──────┐   ┌──────────────┬──────┐   ┌──────────────────┐
//! │Lib │ Article  │Tools │   │ Article      │Tools │   │ Article   ┌──────┤
//! │    │          │tabs  │   │ (Ctrl+L: lib)│tabs  │   │           │drawer│
//! └────┴──────────┴──────┘   └──────────────┴──────┘   └───────────┴──────┘
//! ```
//! The library is a panel while the fan keeps it open and the window is wide; in narrower
//! windows it folds away behind *Library* (Ctrl+L). The tools (tabs *Threads*, *Suggested*,
//! *Show*) are a panel down to 900 points and a drawer over the article below that, opened
//! with *Tools* or Ctrl+1…3 and closed with Escape.

/// Window widths (points) below which the library folds away unless opened.
pub const LIBRARY_FOLD_WIDTH: f32 = 1100.0;
/// Window widths (points) below which the tools become a drawer.
pub const TOOLS_DRAWER_WIDTH: f32 = 900.0;
/// The narrowest the article column may be made by dragging the side panels, in points.
pub const ARTICLE_MIN_WIDTH: f32 = 380.0;
/// The library panel's width range, in points.
pub const LIBRARY_RANGE: std::ops::RangeInclusive<f32> = 160.0..=360.0;
/// The tools panel's width range, in points.
pub const TOOLS_RANGE: std::ops::RangeInclusive<f32> = 300.0..=640.0;
/// The smallest window the app allows, in points.
pub const MIN_WINDOW: [f32; 2] = [720.0, 480.0];

/// The outer widths of the side panels, in points (margins included): the fan's, given when
/// the window opens, and read back after every frame (dragging an edge changes them; content
/// never does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelWidths {
    /// The library panel (left).
    pub library: f32,
    /// The tools panel (right).
    pub threads: f32,
}

impl Default for PanelWidths {
    fn default() -> Self {
        Self {
            library: 240.0,
            threads: 380.0,
        }
    }
}

/// The tabs of the tools panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ToolTab {
    /// The checklist, the new-thread box and the selected thread's detail.
    #[default]
    Threads,
    /// The open article's suggested questions.
    Suggested,
    /// The show's details, its timeline and the note on the article.
    Show,
}

impl ToolTab {
    /// Every tab, in order (Ctrl+1, Ctrl+2, Ctrl+3).
    pub const ALL: [ToolTab; 3] = [ToolTab::Threads, ToolTab::Suggested, ToolTab::Show];

    /// The tab's name, its label too.
    pub fn label(self) -> &'static str {
        match self {
            ToolTab::Threads => "Threads",
            ToolTab::Suggested => "Suggested",
            ToolTab::Show => "Show",
        }
    }
}

/// The workspace as the fan arranged it.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    /// The side panels' widths.
    pub widths: PanelWidths,
    /// Whether the library shows in wide windows (the fan can fold it away; remembered).
    pub library_open: bool,
    /// Whether the library is unfolded in a window too narrow for it to stay (Ctrl+L).
    pub library_unfolded: bool,
    /// Whether the tools drawer is open in a narrow window (remembered).
    pub drawer_open: bool,
    /// The tools tab on show.
    pub tab: ToolTab,
    /// Whether the keyboard shortcuts sheet is open (F1).
    pub help_open: bool,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            widths: PanelWidths::default(),
            library_open: true,
            library_unfolded: false,
            drawer_open: false,
            tab: ToolTab::Threads,
            help_open: false,
        }
    }
}

/// How the panels are placed at one window width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arrangement {
    /// The library is drawn as a panel.
    pub library: bool,
    /// The tools are a drawer over the article (else a panel).
    pub drawer: bool,
}

impl Workspace {
    /// How the panels are placed in a window `width` points wide.
    pub fn arrangement(&self, width: f32) -> Arrangement {
        let wide = width >= LIBRARY_FOLD_WIDTH;
        Arrangement {
            library: if wide {
                self.library_open
            } else {
                self.library_unfolded
            },
            drawer: width < TOOLS_DRAWER_WIDTH,
        }
    }

    /// Ctrl+L: folds or unfolds the library (the fan's lasting choice in a wide window, for
    /// now in a narrow one).
    pub fn toggle_library(&mut self, width: f32) {
        if width >= LIBRARY_FOLD_WIDTH {
            self.library_open = !self.library_open;
        } else {
            self.library_unfolded = !self.library_unfolded;
        }
    }

    /// Shows `tab`, opening the drawer in a narrow window.
    pub fn show_tab(&mut self, tab: ToolTab) {
        self.tab = tab;
        self.drawer_open = true;
    }
}

/// The widest a side panel may be so the article keeps [`ARTICLE_MIN_WIDTH`], given the
/// window's width and the other side's panel.
pub fn max_side_width(range: &std::ops::RangeInclusive<f32>, window: f32, other: f32) -> f32 {
    (window - other - ARTICLE_MIN_WIDTH).clamp(*range.start(), *range.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_windows_fold_the_library_and_put_the_tools_in_a_drawer() {
        let mut workspace = Workspace::default();
        assert_eq!(
            workspace.arrangement(1280.0),
            Arrangement {
                library: true,
                drawer: false
            }
        );
        assert_eq!(
            workspace.arrangement(1024.0),
            Arrangement {
                library: false,
                drawer: false
            }
        );
        assert!(workspace.arrangement(720.0).drawer);
        workspace.toggle_library(720.0);
        assert!(workspace.arrangement(720.0).library);
        assert!(workspace.library_open, "the wide choice is untouched");
        workspace.toggle_library(1280.0);
        assert!(!workspace.arrangement(1280.0).library);
    }

    #[test]
    fn a_side_panel_leaves_the_article_its_column() {
        assert_eq!(max_side_width(&TOOLS_RANGE, 1280.0, 240.0), 640.0);
        assert_eq!(max_side_width(&TOOLS_RANGE, 1024.0, 0.0), 640.0);
        assert_eq!(max_side_width(&TOOLS_RANGE, 900.0, 240.0), 300.0);
    }
}
