//! What a mentor records beside ticks: the day they started, their notes, and when they
//! opened a step's link.

use jiff::Timestamp;

use super::{Tracker, whole_seconds};
use crate::pack::Pack;

impl Tracker {
    /// Sets the day the checklist started, as the mentor chose it: due dates count from it.
    pub fn set_start(&mut self, date: jiff::civil::Date) {
        self.record_start(date);
        self.changes.start_chosen = true;
    }

    /// Records the day the checklist was first opened as its start.
    pub fn record_start(&mut self, date: jiff::civil::Date) {
        self.state.start = Some(date);
        self.changes.start = Some(date);
    }

    /// Writes the mentor's own note on `index` (`None` clears it). Returns the one it
    /// replaces, for undo.
    pub fn set_note(&mut self, pack: &Pack, index: usize, note: Option<String>) -> Option<String> {
        let id = pack.nodes[index].id.clone();
        let before = match &note {
            Some(note) => self.state.notes.insert(id.clone(), note.clone()),
            None => self.state.notes.remove(&id),
        };
        self.changes
            .note_bases
            .entry(id.clone())
            .or_insert_with(|| before.clone());
        self.changes.notes.insert(id, note);
        before
    }

    /// Records that a link of `index` was opened at `now`.
    pub fn opened(&mut self, pack: &Pack, index: usize, now: Timestamp) {
        let id = pack.nodes[index].id.clone();
        let now = whole_seconds(now);
        self.state.opened.insert(id.clone(), now);
        self.changes.opened.insert(id, now);
    }

    /// When a link of `index` was last opened.
    pub fn opened_at(&self, pack: &Pack, index: usize) -> Option<Timestamp> {
        self.state.opened.get(&pack.nodes[index].id).copied()
    }
}
