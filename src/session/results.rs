//! What came back from the outside world (a save, a browser, the clipboard), taken in
//! by the core: saves no longer under way, another window's ticks adopted, notices.

use super::{EffectResult, Notice, Outcome, Session, UndoStep};
use crate::progress::{State, Tracker};

impl Session {
    /// Takes in what came of an effect.
    pub fn report(&mut self, report: EffectResult) -> Outcome {
        if !matches!(
            report,
            EffectResult::Opened(_)
                | EffectResult::Saved { .. }
                | EffectResult::SaveFailed { .. }
                | EffectResult::PublishFailed(_)
        ) {
            // The link did not open (or was only copied): nothing to record.
            self.opening = None;
        }
        let notice = match report {
            EffectResult::Opened(url) => {
                let mut outcome = Outcome::say(Notice::Opened(url));
                let opening = self.opening.take();
                if let (Some(_), Some(reason)) = (opening, &self.read_only) {
                    outcome.notices.push(Notice::ReadOnly(reason.clone()));
                    return outcome;
                }
                if let Some((node, at)) = opening {
                    self.tracker.opened(&self.pack, node, at);
                    let changes = self.tracker.take_changes();
                    outcome.effects.push(self.save_changes(changes));
                }
                return outcome;
            }
            EffectResult::NoBrowser(url) => Notice::NoBrowser(url),
            EffectResult::OpenFailed { url, error } => Notice::OpenFailed { url, error },
            EffectResult::Refused { url, problem } => Notice::Refused { url, problem },
            EffectResult::Copied(url) => Notice::Copied(url),
            EffectResult::CopyFailed { url, error } => Notice::CopyFailed { url, error },
            EffectResult::Saved { upto, merged } => {
                self.in_flight.retain(|(seq, _)| *seq > upto);
                if !merged.is_some_and(|state| self.adopt(state)) {
                    return Outcome::default();
                }
                Notice::Merged
            }
            EffectResult::PublishFailed(error) => Notice::PublishFailed(error),
            EffectResult::NotesKept(kept) => {
                let mut nodes = Vec::new();
                for note in &kept {
                    if let Some(node) = self.pack.find(&note.id) {
                        self.rebase_note_undo(node, note);
                        nodes.push(node);
                    }
                }
                Notice::NotesKept(nodes)
            }
            EffectResult::SaveFailed { upto, error } => {
                self.in_flight.retain(|(seq, _)| *seq > upto);
                Notice::SaveFailed(error)
            }
        };
        Outcome::say(notice)
    }

    /// Another window's text was kept beside this window's note: taking this window's
    /// change back now leaves the other window's text, not the note both started from.
    fn rebase_note_undo(&mut self, node: usize, kept: &crate::progress::KeptNote) {
        for (at, step) in self.undo.iter_mut() {
            if let UndoStep::Note(before, _) = step
                && *at == node
                && *before == kept.base
            {
                *before = Some(kept.theirs.clone());
            }
        }
    }

    /// Takes the state another window's ticks were merged into, replaying this
    /// session's saves still under way. Returns whether the ticks shown changed.
    fn adopt(&mut self, mut state: State) -> bool {
        for (_, changes) in &self.in_flight {
            state.apply(changes);
        }
        if state.same_progress(self.tracker.state()) {
            return false;
        }
        self.tracker = Tracker::new(&self.pack, state);
        // Another window may have answered: what applies follows the merged answers.
        self.refit();
        true
    }
}
