//! The one save sequence under every front end: changes written over the progress on
//! disk (locked and merged), those of a failed save kept and retried with the next, the
//! export published after each save, and a [`EffectResult`] back to the core for each. Run
//! inline by plain mode and the commands, where the next line waits for the disk
//! anyway, and by the full-screen UI's worker ([`super::Saver`]).

use jiff::Timestamp;

use crate::progress::{Changes, State, StateStore};
use crate::publish::Publisher;
use crate::session::EffectResult;

pub struct Saving<'a> {
    store: &'a StateStore,
    publisher: Option<&'a Publisher>,
    /// Changes not on disk yet: those of failed saves.
    pending: Changes,
}

impl<'a> Saving<'a> {
    /// With a `publisher`, every save is also published to the shared folder.
    pub fn new(store: &'a StateStore, publisher: Option<&'a Publisher>) -> Self {
        Saving {
            store,
            publisher,
            pending: Changes::new(),
        }
    }

    /// Writes `changes` (and any still pending) over `mine`, the state they were made
    /// on, and says how that went for every save up to number `upto`.
    pub fn save(
        &mut self,
        upto: u64,
        changes: Changes,
        mine: &State,
        now: Timestamp,
    ) -> Vec<EffectResult> {
        self.pending.extend(changes);
        match self.store.save(mine, &self.pending, now) {
            Ok(saved) => {
                let publisher = self.publisher.filter(|_| self.pending.touches_progress());
                self.pending = Changes::new();
                let published = publisher.map(|p| p.publish(&saved.state, now));
                let notes_kept = saved.notes_kept;
                let mut reports = vec![EffectResult::Saved {
                    upto,
                    merged: saved.merged_foreign.then_some(saved.state),
                }];
                if !notes_kept.is_empty() {
                    reports.push(EffectResult::NotesKept(notes_kept));
                }
                if let Some(Err(e)) = published {
                    reports.push(EffectResult::PublishFailed(e.to_string()));
                }
                reports
            }
            Err(e) => vec![EffectResult::SaveFailed {
                upto,
                error: e.to_string(),
            }],
        }
    }

    /// Whether some changes never reached the disk.
    pub fn unsaved(&self) -> bool {
        !self.pending.is_empty()
    }
}
