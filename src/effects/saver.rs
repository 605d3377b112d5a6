//! Saving off the UI thread: a keypress hands its changes over and returns at once;
//! a worker coalesces whatever has piled up into one locked, atomic write.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::Saving;
use crate::progress::{Changes, State, StateStore};
use crate::publish::Publisher;
use crate::session::EffectResult;
use crate::text::Text;

/// A batch of edits, numbered so the app knows which ones a report covers.
struct Batch {
    seq: u64,
    changes: Changes,
}

/// Handle on the save worker. Dropping it (or [`Saver::finish`]) waits until every
/// change handed over has been written or has failed, so nothing is lost on exit.
pub struct Saver {
    batches: Option<Sender<Batch>>,
    reports: Receiver<EffectResult>,
    worker: Worker,
}

/// What the worker needs, kept until the first save: a checklist opened only to be
/// read starts no thread (one less on the way to the first frame).
type Start = Box<dyn FnOnce() -> JoinHandle<Result<(), String>> + Send>;

enum Worker {
    NotYet(Start),
    Running(JoinHandle<Result<(), String>>),
    Finished,
}

impl Saver {
    /// The worker of the session's state as loaded, started at the first save; with a
    /// `publisher`, every save is also published to the shared folder.
    pub fn spawn(
        store: StateStore,
        state: State,
        publisher: Option<Publisher>,
        text: &'static Text,
    ) -> Saver {
        let (batches, inbox) = mpsc::channel();
        let (outbox, reports) = mpsc::channel();
        let start: Start = Box::new(move || {
            std::thread::spawn(move || {
                let saving = Saving::new(&store, publisher.as_ref(), text);
                work(saving, state, &inbox, &outbox)
            })
        });
        Saver {
            batches: Some(batches),
            reports,
            worker: Worker::NotYet(start),
        }
    }

    /// Queues changes without waiting for the disk.
    pub fn save(&mut self, seq: u64, changes: Changes) {
        if let Worker::NotYet(_) = self.worker
            && let Worker::NotYet(start) = std::mem::replace(&mut self.worker, Worker::Finished)
        {
            self.worker = Worker::Running(start());
        }
        if let Some(batches) = &self.batches {
            // The worker only stops once `batches` is dropped, so this cannot fail.
            let _ = batches.send(Batch { seq, changes });
        }
    }

    /// Outcomes of saves finished since the last call.
    pub fn reports(&self) -> impl Iterator<Item = EffectResult> + '_ {
        self.reports.try_iter()
    }

    /// Waits for every queued change to be written. `Err` says why some could not be.
    pub fn finish(&mut self) -> Result<(), String> {
        self.batches = None;
        match std::mem::replace(&mut self.worker, Worker::Finished) {
            Worker::NotYet(_) | Worker::Finished => Ok(()),
            Worker::Running(worker) => match worker.join() {
                Ok(result) => result,
                Err(_) => Err("the save worker crashed".into()),
            },
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// The worker: waits for a batch, drains whatever else is queued, saves once through
/// the one save sequence. It keeps the state the changes were made on (the UI's own
/// has moved on meanwhile), for the merge and to tell another window's ticks.
fn work(
    mut saving: Saving<'_>,
    mut mine: State,
    inbox: &Receiver<Batch>,
    reports: &Sender<EffectResult>,
) -> Result<(), String> {
    let mut outcome = Ok(());
    while let Ok(first) = inbox.recv() {
        let mut upto = first.seq;
        let mut changes = first.changes;
        for batch in inbox.try_iter() {
            upto = batch.seq;
            changes.extend(batch.changes);
        }
        mine.apply(&changes);
        for report in saving.save(upto, changes, &mine, crate::clock::now()) {
            match &report {
                EffectResult::Saved { merged, .. } => {
                    outcome = Ok(());
                    if let Some(merged) = merged {
                        mine.clone_from(merged);
                    }
                }
                EffectResult::SaveFailed { error, .. } => outcome = Err(error.clone()),
                _ => {}
            }
            // The app may already be gone; the file is what matters.
            let _ = reports.send(report);
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
        let mut saver = Saver::spawn(store.clone(), State::new("p", "1"), None, &crate::text::EN);
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
            EffectResult::Saved {
                upto: 3,
                merged: None
            }
        );
    }

    #[test]
    fn a_failed_save_is_reported_and_retried_with_the_next() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the folder should be: nothing can be written under it.
        let blocked = dir.path().join("config");
        std::fs::write(&blocked, "not a folder").unwrap();
        let store = StateStore::new(&blocked);
        let mut saver = Saver::spawn(store.clone(), State::new("p", "1"), None, &crate::text::EN);
        saver.save(1, changes(&["a"]));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let failed = loop {
            if let Some(report) = saver.reports().next() {
                break report;
            }
            assert!(std::time::Instant::now() < deadline, "no report");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(
            matches!(failed, EffectResult::SaveFailed { upto: 1, .. }),
            "{failed:?}"
        );
        std::fs::remove_file(&blocked).unwrap();
        saver.save(2, changes(&["b"]));
        assert_eq!(saver.finish(), Ok(()));
        let on_disk = std::fs::read_to_string(store.path("p")).unwrap();
        let state: State = serde_json::from_str(&on_disk).unwrap();
        assert_eq!(state.ticks.keys().collect::<Vec<_>>(), ["a", "b"]);
    }
}
