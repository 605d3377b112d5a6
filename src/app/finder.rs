//! `/` in the UI: a search typed on the status line filters the tree to the matching
//! nodes (and their parents, for context); `n`/`N` go from match to match, Esc clears.

use super::{App, Mode};
use crate::keymap::Edit;
use crate::search::{Query, SearchIndex};
use crate::session::Severity;
use crate::text::fill;

/// The search being typed or shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub line: super::Line,
    /// Matching nodes, in pack order.
    pub matches: Vec<usize>,
}

impl App {
    /// `/`: starts a search, or goes back to typing the current one.
    pub(super) fn start_search(&mut self) {
        self.search.get_or_insert_with(Search::default);
        self.mode = Mode::Searching;
        self.status = None;
    }

    /// A key typed into the search: the tree is filtered as the text changes.
    pub(super) fn edit_search(&mut self, edit: Edit) {
        let Some(search) = &mut self.search else {
            return;
        };
        match edit {
            Edit::Confirm => return self.confirm_search(),
            Edit::Cancel => return self.clear_search(),
            Edit::Previous => return self.jump_to_match(false),
            Edit::Next => return self.jump_to_match(true),
            edit => {
                if !search.line.apply(edit, crate::pack::MAX_TEXT_CHARS) {
                    return;
                }
            }
        }
        let text = search.line.text.clone();
        self.refilter(&text);
    }

    /// Enter: keeps the search and gives the keys back; an empty one is dropped.
    fn confirm_search(&mut self) {
        self.mode = Mode::Browsing;
        let Some(search) = &mut self.search else {
            return;
        };
        if search.line.text.trim().is_empty() {
            self.clear_search();
            return;
        }
        let (count, text) = (search.matches.len(), search.line.text.clone());
        let said = if count == 0 {
            fill(self.text.search_none, &[("text", &text)])
        } else {
            let count = count.to_string();
            fill(
                self.text.search_results,
                &[("text", &text), ("count", &count)],
            )
        };
        self.notify(Severity::Info, said);
    }

    /// Esc (or `q`) with a search on: the whole tree again, the selection kept.
    pub(super) fn clear_search(&mut self) {
        self.search = None;
        self.mode = Mode::Browsing;
        self.status = None;
        self.tree.filter(&self.session.pack, None);
    }

    /// `n`/`N` with a search on: the next or previous match, round at the ends.
    pub(super) fn jump_to_match(&mut self, forward: bool) {
        let Some(search) = &self.search else { return };
        let here = self.tree.selected();
        let next = if forward {
            search
                .matches
                .iter()
                .find(|&&m| here.is_none_or(|h| m > h))
                .or(search.matches.first())
        } else {
            search
                .matches
                .iter()
                .rev()
                .find(|&&m| here.is_none_or(|h| m < h))
                .or(search.matches.last())
        };
        if let Some(&node) = next {
            self.tree.select_node(node);
        }
    }

    /// Recomputes the matches of `text` and filters the tree to them, selecting the
    /// first match from the selection on. Node texts are folded once, at the first search.
    fn refilter(&mut self, text: &str) {
        let Some(query) = Query::new(text) else {
            if let Some(search) = &mut self.search {
                search.matches.clear();
            }
            self.tree.filter(&self.session.pack, None);
            return;
        };
        let index = self
            .search_index
            .get_or_insert_with(|| SearchIndex::new(&self.session.pack));
        let pack = &self.session.pack;
        let matches = index.find(pack, Some(self.session.tracker().state()), &query);
        let mut shown = vec![false; pack.nodes.len()];
        for &m in &matches {
            let mut node = Some(m);
            while let Some(i) = node {
                if shown[i] {
                    break;
                }
                shown[i] = true;
                node = pack.nodes[i].parent;
            }
        }
        let here = self.tree.selected();
        let first = matches
            .iter()
            .find(|&&m| here.is_none_or(|h| m >= h))
            .or(matches.first())
            .copied();
        self.tree
            .filter(&self.session.pack, (!matches.is_empty()).then_some(shown));
        if let Some(node) = first {
            self.tree.select_node(node);
        }
        if let Some(search) = &mut self.search {
            search.matches = matches;
        }
    }
}
