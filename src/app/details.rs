//! The details pane's scrolling: a long step, or a long link, is read to its end with
//! its own keys (`J`/`K`) or the mouse wheel over it. A new selection starts at the top.

use ratatui::layout::{Position, Rect};

use super::App;

/// Where the pane is and how far it scrolls, as last drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct DetailsPane {
    pub area: Rect,
    /// Rows scrolled.
    pub scroll: usize,
    pub max: usize,
    /// The node shown when the scroll was set: another one starts at the top.
    pub node: Option<usize>,
}

impl App {
    /// Tells the app where the details pane is and how far its text can scroll; called
    /// before every frame.
    pub fn fit_details(&mut self, area: Rect, max: usize) {
        let node = self.tree.selected();
        let pane = &mut self.details;
        if pane.node != node {
            pane.scroll = 0;
            pane.node = node;
        }
        pane.area = area;
        pane.max = max;
        pane.scroll = pane.scroll.min(max);
    }

    /// How far the details pane can scroll, as last measured.
    pub fn details_max_scroll(&self) -> usize {
        self.details.max
    }

    /// Rows the details pane is scrolled by.
    pub fn details_scroll(&self) -> usize {
        self.details.scroll
    }

    pub(super) fn over_details(&self, column: u16, row: u16) -> bool {
        self.details.area.contains(Position::new(column, row))
    }

    pub(super) fn scroll_details(&mut self, by: isize) {
        let pane = &mut self.details;
        pane.scroll = pane.scroll.saturating_add_signed(by).min(pane.max);
    }
}
