//! Which rows of the pack's tree are visible, which one is selected, and the scroll.
//! Navigation is O(1) per key; only expanding or collapsing rebuilds the row list.

use crate::pack::Pack;

/// Columns a row uses before its check box, per depth level: a marker, the
/// indentation and the fold glyph. Shared with the renderer so clicks land where drawn.
pub fn box_column(depth: usize) -> usize {
    2 + 2 * depth + 2
}

/// Width of a check box such as `[x]`.
pub const BOX_WIDTH: usize = 3;

#[derive(Debug, Clone)]
pub struct TreeView {
    expanded: Vec<bool>,
    /// Node indices of the visible rows, in display order.
    rows: Vec<usize>,
    /// Selected row (index into `rows`).
    cursor: usize,
    /// First row shown.
    offset: usize,
    /// Rows that fit in the viewport.
    height: usize,
    /// While a search filters the tree: which nodes are shown.
    shown: Option<Vec<bool>>,
}

impl TreeView {
    /// Everything expanded, first row selected.
    pub fn new(pack: &Pack) -> Self {
        let mut view = TreeView {
            expanded: vec![true; pack.nodes.len()],
            rows: Vec::new(),
            cursor: 0,
            offset: 0,
            height: 1,
            shown: None,
        };
        view.rebuild(pack);
        view
    }

    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_expanded(&self, node: usize) -> bool {
        self.shown.is_some() || self.expanded[node]
    }

    /// The rows visible in a viewport of `height` lines.
    pub fn set_height(&mut self, height: usize) {
        self.height = height.max(1);
        self.scroll_to_cursor();
    }

    /// Shows only the nodes marked in `shown` (a search's matches and their ancestors),
    /// all unfolded, or (`None`) the whole tree again as it was folded. The selected
    /// node stays selected if it is still there.
    pub fn filter(&mut self, pack: &Pack, shown: Option<Vec<bool>>) {
        let selected = self.selected();
        self.shown = shown;
        self.rebuild(pack);
        if let Some(node) = selected {
            self.select_node(node);
        }
    }

    pub fn is_filtered(&self) -> bool {
        self.shown.is_some()
    }

    /// Lays the rows out again for `pack` fitted to changed answers: the selection
    /// stays, or goes to the next row shown when its node no longer applies.
    pub fn refit(&mut self, pack: &Pack) {
        let selected = self.selected().unwrap_or(0);
        self.rebuild(pack);
        let row = self.rows.iter().position(|&r| r >= selected);
        self.cursor = row.unwrap_or(self.rows.len().saturating_sub(1));
        self.scroll_to_cursor();
    }

    fn rebuild(&mut self, pack: &Pack) {
        self.rows.clear();
        let mut i = 0;
        while i < pack.nodes.len() {
            if pack.nodes[i].hidden {
                i = pack.nodes[i].end;
                continue;
            }
            if let Some(shown) = &self.shown {
                if shown[i] {
                    self.rows.push(i);
                    i += 1;
                } else {
                    i = pack.nodes[i].end;
                }
                continue;
            }
            self.rows.push(i);
            i = if self.expanded[i] {
                i + 1
            } else {
                pack.nodes[i].end
            };
        }
        self.scroll_to_cursor();
    }

    /// Selects `node`, unfolding its ancestors so that its row is there.
    pub fn reveal(&mut self, pack: &Pack, node: usize) {
        let mut parent = pack.nodes[node].parent;
        let mut folded = false;
        while let Some(p) = parent {
            folded |= !self.expanded[p];
            self.expanded[p] = true;
            parent = pack.nodes[p].parent;
        }
        if folded {
            self.rebuild(pack);
        }
        self.select_node(node);
    }

    /// Scrolls back to the top, as far as the selection allows once the height is known:
    /// the view opens with the tree's first rows, for context.
    pub fn scroll_to_top(&mut self) {
        self.offset = 0;
    }

    /// Selects `node` if its row is visible.
    pub fn select_node(&mut self, node: usize) {
        if let Some(row) = self.rows.iter().position(|&r| r == node) {
            self.cursor = row;
            self.scroll_to_cursor();
        }
    }

    fn scroll_to_cursor(&mut self) {
        let max_cursor = self.rows.len().saturating_sub(1);
        self.cursor = self.cursor.min(max_cursor);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + self.height {
            self.offset = self.cursor + 1 - self.height;
        }
        let max_offset = self.rows.len().saturating_sub(self.height);
        self.offset = self.offset.min(max_offset);
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self.cursor.saturating_add_signed(delta);
        self.scroll_to_cursor();
    }

    pub fn page(&mut self, down: bool) {
        let step = isize::try_from(self.height.saturating_sub(1).max(1)).unwrap_or(1);
        self.move_by(if down { step } else { -step });
    }

    pub fn first(&mut self) {
        self.cursor = 0;
        self.scroll_to_cursor();
    }

    pub fn last(&mut self) {
        self.cursor = self.rows.len().saturating_sub(1);
        self.scroll_to_cursor();
    }

    /// Selects the row at `row` lines below the viewport top, if there is one.
    pub fn select_visible(&mut self, row: usize) -> Option<usize> {
        let index = self.offset + row;
        let node = *self.rows.get(index)?;
        self.cursor = index;
        Some(node)
    }

    /// Scrolls the view without moving the selection off screen.
    pub fn scroll(&mut self, delta: isize) {
        let max_offset = self.rows.len().saturating_sub(self.height);
        self.offset = self.offset.saturating_add_signed(delta).min(max_offset);
        self.cursor = self
            .cursor
            .clamp(self.offset, self.offset + self.height - 1)
            .min(self.rows.len().saturating_sub(1));
    }

    /// ←: collapse an open parent, otherwise go to the parent.
    pub fn collapse(&mut self, pack: &Pack) {
        let Some(node) = self.selected() else { return };
        if !pack.is_leaf(node) && self.expanded[node] {
            self.expanded[node] = false;
            self.rebuild(pack);
            self.select_node(node);
        } else if let Some(parent) = pack.nodes[node].parent {
            self.select_node(parent);
        }
    }

    /// →: expand a closed parent, otherwise go to its first child.
    pub fn expand(&mut self, pack: &Pack) {
        let Some(node) = self.selected() else { return };
        if pack.is_leaf(node) {
            return;
        }
        if !self.expanded[node] {
            self.expanded[node] = true;
            self.rebuild(pack);
            self.select_node(node);
        } else {
            self.move_by(1);
        }
    }
}
