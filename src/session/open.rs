//! The one way a checklist is opened, for the full-screen UI, plain mode and every
//! command: its progress loaded (the run of a repeatable pack), what loading it has to
//! say, ticks moved by `renamed:` and steps a new version adds marked new, whether it
//! may be written at all, and the shared folder it is published to.

use std::sync::Arc;

use jiff::Timestamp;

use super::{Notice, Outcome, Session, Severity};
use crate::library::Library;
use crate::pack::Pack;
use crate::progress::{LoadOutcome, StateStore, Tracker, orphan_ticks};
use crate::publish::{Destination, Publisher};
use crate::remote::Remote;
use crate::settings::{PublishTo, Settings};
use crate::text::Text;

/// A checklist open on its progress.
pub struct Opened {
    pub session: Session,
    pub store: StateStore,
    /// The run's name, for a pack done once per student.
    pub run: Option<String>,
    /// What loading the progress has to say (a file moved aside, ticks left behind).
    pub notices: Vec<Notice>,
    /// Whether the progress was saved with another version of the pack: the new version
    /// is recorded at once, so that what it changed is told once, not at every start.
    pub upgraded: bool,
    /// Whether this checklist had no progress saved yet: its first opening.
    pub fresh: bool,
    /// Where every save is also published, if the mentor opted in (`ticklist publish`).
    pub publisher: Option<Publisher>,
}

/// An opened checklist ready to run under a front end.
pub struct Started {
    pub session: Session,
    pub store: StateStore,
    pub run: Option<String>,
    pub publisher: Option<Publisher>,
    /// The save that records a new pack version, if the progress was saved with another.
    pub startup: Outcome,
    /// What opening it has to say, in words, with how much it matters.
    pub said: Vec<(Severity, String)>,
}

impl Opened {
    /// Ready to run: what was opened on is recorded and said once, in `text`'s words.
    pub fn start(self, text: &'static Text) -> Started {
        let mut session = self.session;
        let startup = session.startup(self.upgraded);
        let said = self
            .notices
            .iter()
            .map(|n| (n.severity(), n.words(&session.pack, text)))
            .collect();
        Started {
            session,
            store: self.store,
            run: self.run,
            // What goes wrong while publishing is said in the words on screen.
            publisher: self.publisher.map(|p| p.speaking(text)),
            startup,
            said,
        }
    }
}

/// Opens `pack`'s progress in `store` (the run `run`, if the pack is repeatable).
pub fn open(
    pack: impl Into<Arc<Pack>>,
    store: StateStore,
    run: Option<String>,
    now: Timestamp,
) -> Opened {
    let pack: Arc<Pack> = pack.into();
    let loaded = store.load(&pack.id, &pack.version, now);
    let mut notices = Vec::new();
    let mut read_only = None;
    let fresh = matches!(loaded, LoadOutcome::Fresh(_));
    match &loaded {
        LoadOutcome::MovedAside {
            reason, moved_to, ..
        } => notices.push(Notice::MovedAside {
            reason: reason.clone(),
            path: moved_to.display().to_string(),
        }),
        LoadOutcome::Salvaged { lost, moved_to, .. } => notices.push(Notice::Salvaged {
            lost: lost.clone(),
            path: moved_to.display().to_string(),
        }),
        LoadOutcome::ReadOnly { reason, .. } => {
            notices.push(Notice::ReadOnly(reason.clone()));
            read_only = Some(reason.clone());
        }
        LoadOutcome::Fresh(_) | LoadOutcome::Loaded(_) => {}
    }
    let (tracker, upgraded) = open_progress(&pack, loaded, now);
    let orphans = if upgraded {
        orphan_ticks(&pack, tracker.state())
    } else {
        0
    };
    if orphans > 0 && notices.is_empty() {
        let removed = Library::from_platform()
            .map(|library| library.removed_titles(&pack))
            .unwrap_or_default();
        let steps = tracker
            .state()
            .ticks
            .keys()
            .filter_map(|id| removed.get(id).cloned())
            .collect();
        notices.push(Notice::OrphanTicks {
            count: orphans,
            version: pack.version.clone(),
            steps,
        });
    }
    // Storage that cannot be used (no credentials, say) is said once, here; the
    // progress is saved all the same.
    let publisher = match Settings::from_platform().map(|s| publisher(&s, &pack, run.clone())) {
        Some(Ok(publisher)) => publisher,
        Some(Err(e)) => {
            notices.push(Notice::PublishFailed(e));
            None
        }
        None => None,
    };
    Opened {
        session: Session::new(pack, tracker)
            .read_only(read_only)
            .for_student(run.clone()),
        store,
        run,
        notices,
        upgraded,
        fresh,
        publisher,
    }
}

/// The progress of `pack` from what was loaded, and whether it was saved with an older
/// version of the pack; if so, the steps that version added are marked new. A checklist
/// with no start gets one: the day it was first opened (the day of its first tick or
/// opened link, for progress from before starts were recorded), so that due dates and
/// the manager's "quiet" count from it.
fn open_progress(pack: &Pack, loaded: LoadOutcome, now: Timestamp) -> (Tracker, bool) {
    let upgraded = matches!(
        &loaded,
        LoadOutcome::Loaded(s) | LoadOutcome::Salvaged { state: s, .. }
            if s.pack_version != pack.version
    );
    let mut tracker = Tracker::new(pack, loaded.into_state());
    let state = tracker.state();
    let has_steps = (0..pack.nodes.len()).any(|i| pack.is_step(i));
    if state.start.is_none() && state.run.is_none() && has_steps {
        let tz = crate::clock::time_zone();
        let first = state.ticks.values().chain(state.opened.values()).min();
        let first = first.map_or(now, |at| (*at).min(now));
        tracker.record_start(first.to_zoned(tz).date());
    }
    if upgraded && let Some(library) = Library::from_platform() {
        tracker.mark_new(pack, &library.added_ids(pack));
    }
    (tracker, upgraded)
}

/// Where the mentor publishes, ready to write to.
pub fn destination(to: &PublishTo) -> Result<Destination, crate::remote::RemoteError> {
    Ok(match to {
        PublishTo::Folder(dir) => Destination::Folder(dir.clone()),
        PublishTo::Remote {
            address,
            endpoint,
            region,
        } => Destination::Remote(Box::new(Remote::parse(
            address,
            endpoint.as_deref(),
            region.as_deref(),
        )?)),
    })
}

/// Where and as whom `pack`'s progress (the run `run`) is published, when the mentor
/// opted in; why it cannot be, when storage cannot be used or a key to encrypt to is
/// not one (then nothing is published in the clear).
pub fn publisher(
    settings: &Settings,
    pack: &Arc<Pack>,
    run: Option<String>,
) -> Result<Option<Publisher>, String> {
    let (Some(to), Some(name)) = (settings.publish_to(), settings.mentor_name()) else {
        return Ok(None);
    };
    let destination = destination(&to).map_err(|e| e.to_string())?;
    let publisher = Publisher::new(destination, settings.author(&name), run, Arc::clone(pack))
        .recorded_in(settings.dir().to_path_buf());
    Ok(Some(match settings.publish_encrypt_to() {
        None => publisher,
        Some(given) => {
            let recipient = crate::sealed::recipient(&given).map_err(|e| e.to_string())?;
            publisher.sealed_for(recipient)
        }
    }))
}
