//! Saving off the UI thread: a keypress hands its changes over and returns at once;
//! a worker coalesces whatever has piled up into one locked, atomic write.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::progress::{Changes, State, StateStore};
use crate::publish::Publisher;
use crate::session::Report;

/// A batch of edits, numbered so the app knows which ones a report covers.
struct Batch {
    seq: u64,
    changes: Changes,
}

/// Handle on the save worker. Dropping it (or [`Saver::finish`]) waits until every
/// change handed over has been written or has failed, so nothing is lost on exit.
pub struct Saver {
    batches: Option<Sender<Batch>>,
    reports: Receiver<Report>,
    worker: Option<JoinHandle<Result<(), String>>>,
}

impl Saver {
    /// Starts the worker with the session's state as loaded. With `read_only` set
    /// (why the file must not be written), every save reports that reason instead; with
    /// a `publisher`, every save is also published to the shared folder.
    pub fn spawn(
        store: StateStore,
        state: State,
        read_only: Option<String>,
        publisher: Option<Publisher>,
    ) -> Saver {
        let (batches, inbox) = mpsc::channel();
        let (outbox, reports) = mpsc::channel();
        let worker = std::thread::spawn(move || {
            let to = Outbox {
                reports: &outbox,
                publisher: publisher.as_ref(),
            };
            work(&store, state, read_only, &inbox, &to)
        });
        Saver {
            batches: Some(batches),
            reports,
            worker: Some(worker),
        }
    }

    /// Queues changes without waiting for the disk.
    pub fn save(&self, seq: u64, changes: Changes) {
        if let Some(batches) = &self.batches {
            // The worker only stops once `batches` is dropped, so this cannot fail.
            let _ = batches.send(Batch { seq, changes });
        }
    }

    /// Outcomes of saves finished since the last call.
    pub fn reports(&self) -> impl Iterator<Item = Report> + '_ {
        self.reports.try_iter()
    }

    /// Waits for every queued change to be written. `Err` says why some could not be.
    pub fn finish(&mut self) -> Result<(), String> {
        self.batches = None;
        match self.worker.take().map(JoinHandle::join) {
            None => Ok(()),
            Some(Ok(result)) => result,
            Some(Err(_)) => Err("the save worker crashed".into()),
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// The worker: waits for a batch, drains whatever else is queued, writes once. Changes
/// that fail to save stay pending and are retried with the next batch.
/// Where the worker's news goes: the app's reports, and the shared folder.
struct Outbox<'a> {
    reports: &'a Sender<Report>,
    publisher: Option<&'a Publisher>,
}

fn work(
    store: &StateStore,
    mut mine: State,
    read_only: Option<String>,
    inbox: &Receiver<Batch>,
    outbox: &Outbox<'_>,
) -> Result<(), String> {
    let mut pending = Changes::new();
    let mut outcome = Ok(());
    while let Ok(first) = inbox.recv() {
        let mut upto = first.seq;
        pending.extend(first.changes);
        for batch in inbox.try_iter() {
            upto = batch.seq;
            pending.extend(batch.changes);
        }
        mine.apply(&pending);
        let report = match &read_only {
            Some(reason) => Err(reason.clone()),
            None => store
                .save(&mine, &pending, crate::clock::now())
                .map_err(|e| e.to_string()),
        };
        let published = match &report {
            Ok(saved) => outbox
                .publisher
                .and_then(|p| p.publish(&saved.state, crate::clock::now()).err()),
            Err(_) => None,
        };
        let report = match report {
            Ok(saved) => {
                pending = Changes::new();
                mine = saved.state;
                outcome = Ok(());
                Report::Saved {
                    upto,
                    merged: saved.merged_foreign.then(|| mine.clone()),
                }
            }
            Err(error) => {
                outcome = Err(error.clone());
                Report::SaveFailed { upto, error }
            }
        };
        // The app may already be gone; the file is what matters.
        let _ = outbox.reports.send(report);
        if let Some(error) = published {
            let _ = outbox
                .reports
                .send(Report::PublishFailed(error.to_string()));
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(ids: &[&str]) -> Changes {
        let at: jiff::Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
        ids.iter().map(|id| (id.to_string(), Some(at))).collect()
    }

    #[test]
    fn finish_waits_until_everything_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let mut saver = Saver::spawn(store.clone(), State::new("p", "1"), None, None);
        for (seq, id) in ["a", "b", "c"].into_iter().enumerate() {
            saver.save(seq as u64 + 1, changes(&[id]));
        }
        assert_eq!(saver.finish(), Ok(()));
        let on_disk = std::fs::read_to_string(store.path("p")).unwrap();
        let state: State = serde_json::from_str(&on_disk).unwrap();
        assert_eq!(state.ticks.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        let last = saver.reports().last().unwrap();
        assert_eq!(
            last,
            Report::Saved {
                upto: 3,
                merged: None
            }
        );
    }

    #[test]
    fn a_read_only_store_reports_every_save_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let reason = Some("the file could not be read".to_string());
        let mut saver = Saver::spawn(store.clone(), State::new("p", "1"), reason, None);
        saver.save(1, changes(&["a"]));
        assert_eq!(saver.finish(), Err("the file could not be read".into()));
        assert!(!store.path("p").exists());
        assert!(matches!(
            saver.reports().next(),
            Some(Report::SaveFailed { upto: 1, .. })
        ));
    }
}
