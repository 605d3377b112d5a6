//! Saving on the caller's thread, for plain mode and the commands, where the next line
//! waits for the disk anyway. Same rules as [`super::Saver`]: locked and merged writes,
//! a refusal when the file must not be written, failed changes retried with the next.

use jiff::Timestamp;

use crate::progress::{Changes, State, StateStore};
use crate::publish::Publisher;
use crate::session::Report;

pub struct SaveNow<'a> {
    store: &'a StateStore,
    read_only: Option<String>,
    publisher: Option<&'a Publisher>,
    /// Changes not on disk yet: those of failed saves.
    pending: Changes,
}

impl<'a> SaveNow<'a> {
    /// With `read_only` set (why the file must not be written), every save reports it;
    /// with a `publisher`, every save is also published to the shared folder.
    pub fn new(
        store: &'a StateStore,
        read_only: Option<&str>,
        publisher: Option<&'a Publisher>,
    ) -> Self {
        SaveNow {
            store,
            read_only: read_only.map(String::from),
            publisher,
            pending: Changes::new(),
        }
    }

    /// Writes `changes` (and any still pending) over `mine`, the state they were made on.
    pub fn save(
        &mut self,
        seq: u64,
        changes: Changes,
        mine: &State,
        now: Timestamp,
    ) -> Vec<Report> {
        self.pending.extend(changes);
        let saved = match &self.read_only {
            Some(reason) => Err(reason.clone()),
            None => self
                .store
                .save(mine, &self.pending, now)
                .map_err(|e| e.to_string()),
        };
        match saved {
            Ok(saved) => {
                self.pending = Changes::new();
                let published = self.publisher.map(|p| p.publish(&saved.state, now));
                let mut reports = vec![Report::Saved {
                    upto: seq,
                    merged: saved.merged_foreign.then_some(saved.state),
                }];
                if let Some(Err(e)) = published {
                    reports.push(Report::PublishFailed(e.to_string()));
                }
                reports
            }
            Err(error) => vec![Report::SaveFailed { upto: seq, error }],
        }
    }

    /// Whether some changes never reached the disk.
    pub fn unsaved(&self) -> bool {
        !self.pending.is_empty()
    }
}
