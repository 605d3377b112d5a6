//! The one save sequence under every front end: changes written over the progress on
//! disk (locked and merged), those of a failed save kept and retried with the next, the
//! export published after each save, and a [`EffectResult`] back to the core for each. Run
//! inline by plain mode and the commands, where the next line waits for the disk
//! anyway, and by the full-screen UI's worker ([`super::Saver`]).

use jiff::Timestamp;

use crate::progress::{Changes, State, StateStore};
use crate::publish::{PublishError, Publisher};
use crate::remote::RemoteError;
use crate::session::EffectResult;
use crate::text::Text;

pub struct Saving<'a> {
    store: &'a StateStore,
    publisher: Option<&'a Publisher>,
    /// The words a failure is said in.
    text: &'a Text,
    /// Changes not on disk yet: those of failed saves.
    pending: Changes,
    /// Whether the last publish failed: the next save publishes the whole export again,
    /// and the failure is said once, not at every change while the network is down.
    publish_failing: bool,
    /// When storage over the network last failed: for [`NETWORK_BACKOFF`] after it, saves
    /// are not held up by more attempts (a network that drops packets costs a wait each).
    network_failed: Option<std::time::Instant>,
}

/// How long after storage failed the next attempt waits (the change is saved at once).
const NETWORK_BACKOFF: std::time::Duration = std::time::Duration::from_secs(30);

impl<'a> Saving<'a> {
    /// With a `publisher`, every save is also published to the shared folder.
    pub fn new(store: &'a StateStore, publisher: Option<&'a Publisher>, text: &'a Text) -> Self {
        Saving {
            store,
            publisher,
            text,
            pending: Changes::new(),
            publish_failing: false,
            network_failed: None,
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
                let resting = self
                    .network_failed
                    .is_some_and(|at| at.elapsed() < NETWORK_BACKOFF);
                let publisher = self
                    .publisher
                    .filter(|_| self.pending.touches_progress())
                    .filter(|p| !(resting && p.over_network()));
                self.pending = Changes::new();
                let published = publisher.map(|p| {
                    p.publish(&saved.state, now).or_else(|e| match e {
                        // Another window (or computer) wrote since: the progress on disk,
                        // merged from every window, is the newest this machine has.
                        PublishError::Remote(RemoteError::Changed { .. }) => {
                            let latest = self
                                .store
                                .load(&saved.state.pack_id, &saved.state.pack_version, now)
                                .into_state();
                            p.publish_over(&latest, now)
                        }
                        e => Err(e),
                    })
                });
                let notes_kept = saved.notes_kept;
                let mut reports = vec![EffectResult::Saved {
                    upto,
                    merged: saved.merged_foreign.then_some(saved.state),
                }];
                if !notes_kept.is_empty() {
                    reports.push(EffectResult::NotesKept(notes_kept));
                }
                match published {
                    Some(Err(e)) if !self.publish_failing => {
                        self.publish_failing = true;
                        if publisher.is_some_and(Publisher::over_network) {
                            self.network_failed = Some(std::time::Instant::now());
                        }
                        let said = publisher.map_or_else(|| e.to_string(), |p| p.words(&e));
                        reports.push(EffectResult::PublishFailed(said));
                    }
                    Some(Ok(_)) => {
                        self.publish_failing = false;
                        self.network_failed = None;
                    }
                    _ => {}
                }
                reports
            }
            Err(e) => vec![EffectResult::SaveFailed {
                upto,
                error: e.words(self.text),
            }],
        }
    }

    /// Whether some changes never reached the disk.
    pub fn unsaved(&self) -> bool {
        !self.pending.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Author;
    use crate::text::Lang;

    #[test]
    fn a_failed_save_is_said_in_the_mentors_words() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("config");
        std::fs::write(&taken, "a file where the folder goes").unwrap();
        let store = StateStore::new(taken.join("ticklist"));
        let pack = crate::pack::builtin(Lang::Fr).unwrap();
        let mut saving = Saving::new(&store, None, &crate::text::FR);
        let mine = State::new(&pack.id, &pack.version);
        let changes = Changes::from([("slack".to_string(), Some(crate::clock::now()))]);
        let reports = saving.save(1, changes, &mine, crate::clock::now());
        let [EffectResult::SaveFailed { upto: 1, error }] = reports.as_slice() else {
            panic!("{reports:?}");
        };
        assert!(error.starts_with("impossible de créer "), "{error}");
        assert!(!error.contains("cannot"), "{error}");
        assert!(saving.unsaved());
    }

    #[test]
    fn a_failing_publish_is_said_once_and_retried_at_each_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let pack = crate::pack::builtin(Lang::En).unwrap();
        let shared = dir.path().join("shared");
        let author = Author {
            name: "Anne".into(),
            person: None,
            email: None,
        };
        let publisher = Publisher::new(shared.clone(), author, None, pack.clone());
        let mut saving = Saving::new(&store, Some(&publisher), &crate::text::EN);
        let mine = State::new(&pack.id, &pack.version);
        let now = crate::clock::now();
        let tick = |id: &str| Changes::from([(id.to_string(), Some(now))]);
        let failures = |reports: &[EffectResult]| {
            reports
                .iter()
                .filter(|r| matches!(r, EffectResult::PublishFailed(_)))
                .count()
        };
        // No shared folder yet: said at the first save, not at the second.
        assert_eq!(failures(&saving.save(1, tick("slack"), &mine, now)), 1);
        assert_eq!(
            failures(&saving.save(2, tick("video-candidats"), &mine, now)),
            0
        );
        // The folder is back: the next save publishes everything.
        std::fs::create_dir_all(&shared).unwrap();
        assert_eq!(failures(&saving.save(3, tick("etape-1"), &mine, now)), 0);
        assert_eq!(std::fs::read_dir(&shared).unwrap().count(), 1);
        // And a new failure is said again.
        std::fs::remove_dir_all(&shared).unwrap();
        assert_eq!(failures(&saving.save(4, tick("slack"), &mine, now)), 1);
    }
}
