//! The windows read over the checklist (the help, the completion message): how far
//! they scroll, and the keys that close them.

use super::{App, Mode};
use crate::keymap::{Action, KeyMode};

impl App {
    /// Tells the app how far the open help or completion message can scroll and how
    /// many rows it shows; called before every frame.
    pub fn fit_overlay(&mut self, max: usize, page: usize) {
        self.overlay_fit = (max, page.max(1));
        self.overlay_scroll = self.overlay_scroll.min(max);
    }

    /// Whether an open window is read rather than worked in: any key closes it, and
    /// only the keys that scroll it do something else.
    fn reading_overlay(&self) -> bool {
        self.key_mode() == KeyMode::Reading
    }

    /// A key with no other use closes the window being read, and does nothing else;
    /// the Escape taken right after something closed only ends that, so the next one
    /// goes back again.
    pub fn dismiss(&mut self) {
        if self.reading_overlay() {
            self.mode = Mode::Browsing;
            self.closed = true;
        } else {
            self.closed = false;
        }
    }

    /// In the help or the completion message: the arrows, pages, Home and End (and the
    /// wheel) scroll it; anything else closes it, and is not acted on.
    pub(super) fn read_overlay(&mut self, action: Action) {
        let (max, page) = self.overlay_fit;
        let scroll = &mut self.overlay_scroll;
        match action {
            Action::Up | Action::ScrollUp { .. } => *scroll = scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown { .. } => *scroll = (*scroll + 1).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::PageDown => *scroll = (*scroll + page).min(max),
            Action::First => *scroll = 0,
            Action::Last => *scroll = max,
            _ => self.mode = Mode::Browsing,
        }
    }
}
