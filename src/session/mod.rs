//! The checklist core that every front end drives: the full-screen UI (`app`), plain
//! mode (`plain`) and the commands (`cli`). It owns the pack, the progress, undo, the
//! numbering of saves and what is still being written, whether saving is possible at
//! all (a change that cannot be saved is refused, never shown as made), and the moment
//! the checklist is complete. An operation returns what to say
//! ([`Notice`]s) and what to write ([`Effect::Save`]); the front ends only choose
//! where to show the words. No rule about ticking lives anywhere else.

mod act;
mod answers;
mod ask;
mod effect;
mod links;
mod notice;
mod open;
mod outcome;
mod results;
mod shelf;
mod students;

use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::pack::{MAX_TEXT_CHARS, Pack};
use crate::progress::{Before, Changes, ReadOnlyWhy, SkipPlan, Tracker, UndoStack};
use crate::safe_text::printable;

pub use act::ACTIONS;
pub use effect::{Effect, EffectResult};
pub use notice::{Notice, Severity, completion_message};
pub use open::{Opened, Started, destination, open, publisher};
pub use outcome::Outcome;
pub use shelf::{HowFar, Shelved, shelf};
pub use students::{StudentError, Students, student_name};

/// A checklist open for one person: its pack and where they stand in it.
pub struct Session {
    /// The pack fitted to this mentor's answers (see `pack::fit`): what every front end
    /// shows. Shared, not copied: the UI's loop and the way back to this checklist hold
    /// the same one (a 10,000-step pack costs milliseconds to copy).
    pub pack: Arc<Pack>,
    /// The pack as its author wrote it, every step in it: what is fitted again when an
    /// answer changes, and what the publisher exports from.
    whole: Arc<Pack>,
    /// The student's checklist's name, for `{student}`.
    student: Option<String>,
    /// How many times answers changed which steps apply: a front end that counted
    /// fewer lays its rows out again.
    fits: u32,
    tracker: Tracker,
    /// Changes `undo` can take back, latest last: the node acted on and the change.
    undo: UndoStack<(usize, UndoStep)>,
    last_seq: u64,
    /// Saves handed out and not yet reported on, oldest first.
    in_flight: Vec<(u64, Changes)>,
    /// A link handed to the browser: its node and when, recorded once it opened.
    opening: Option<(usize, Timestamp)>,
    /// Why progress cannot be saved here, when it cannot.
    read_only: Option<ReadOnlyWhy>,
}

/// One change `undo` can take back.
#[derive(Debug, Clone)]
enum UndoStep {
    /// Ticks, unticks and skips: the leaves as they were, and what the change said.
    Leaves(Before, Notice),
    /// A note written: the one it replaced, and what the change said.
    Note(Option<String>, Notice),
    /// An answer given: the question's id, the answer it replaced, what it said.
    Answer(String, Option<crate::progress::Answer>, Notice),
}

impl Session {
    pub fn new(pack: impl Into<Arc<Pack>>, tracker: Tracker) -> Self {
        let pack: Arc<Pack> = pack.into();
        // Given a pack fitted to someone's answers, the session fits its original.
        let whole = pack.fitted_from.clone().unwrap_or(pack);
        let mut session = Session {
            pack: Arc::clone(&whole),
            whole,
            student: None,
            fits: 0,
            tracker,
            undo: UndoStack::default(),
            last_seq: 0,
            in_flight: Vec::new(),
            opening: None,
            read_only: None,
        };
        session.refit();
        session
    }

    /// The session on a student's checklist, named `student`.
    pub fn for_student(mut self, student: Option<String>) -> Self {
        if student.is_some() {
            self.student = student;
            self.refit();
        }
        self
    }

    /// How many times the pack was fitted to changed answers (see `fits`).
    pub fn fits(&self) -> u32 {
        self.fits
    }

    /// The pack as its author wrote it, steps the answers rule out included.
    pub fn whole(&self) -> &Arc<Pack> {
        &self.whole
    }

    /// The session on a progress file that must not be written, for `reason`.
    pub fn read_only(mut self, reason: Option<ReadOnlyWhy>) -> Self {
        self.read_only = reason;
        self
    }

    pub fn tracker(&self) -> &Tracker {
        &self.tracker
    }

    /// Why progress cannot be saved here, when it cannot.
    pub fn read_only_reason(&self) -> Option<&ReadOnlyWhy> {
        self.read_only.as_ref()
    }

    /// Whether saves are under way, so their outcome is worth waiting for.
    pub fn saving(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// A change refused, with the reason, when progress cannot be saved here: it is never
    /// shown as made, in any front end.
    fn refused(&self) -> Option<Outcome> {
        let reason = self.read_only.clone()?;
        Some(Outcome::say(Notice::ReadOnly(reason)))
    }

    /// The save of what opening the checklist changed (a new pack version recorded,
    /// ticks moved by `renamed:`), if anything did or `always`. Nothing when progress
    /// cannot be saved: opening already said so.
    pub fn startup(&mut self, always: bool) -> Outcome {
        if self.read_only.is_some() {
            return Outcome::default();
        }
        let changes = self.tracker.take_changes();
        if !always && changes.is_empty() {
            return Outcome::default();
        }
        Outcome::run(self.save_changes(changes))
    }

    /// Space on a node: ticks what is left under it, or unticks it all when done.
    pub fn toggle(&mut self, node: usize, now: Timestamp) -> Outcome {
        self.change(node, |session| {
            if !session.tracker.toggle(&session.pack, node, now) {
                return None;
            }
            Some(
                if session.tracker.check(node) == crate::progress::Check::Done {
                    Notice::Ticked(node)
                } else {
                    Notice::Unticked(node)
                },
            )
        })
    }

    /// `check`/`uncheck` of the commands: ticks (or unticks) every step under each node.
    /// A step named on its own is ticked even if skipped; a parent keeps its skips.
    pub fn set(&mut self, nodes: &[usize], on: bool, now: Timestamp) -> Outcome {
        let mut outcome = Outcome::default();
        for &node in nodes {
            let step = self.change(node, |session| {
                let pack = &session.pack;
                let changed = if on && session.tracker.skip_of(pack, node).is_some() {
                    session.tracker.toggle(pack, node, now)
                } else {
                    session.tracker.set(pack, node, on, now)
                };
                changed.then_some(if on {
                    Notice::Ticked(node)
                } else {
                    Notice::Unticked(node)
                })
            });
            outcome = outcome.then(step);
        }
        outcome
    }

    /// What marking `node` not applicable would do, for the front end to ask for a
    /// reason (and to say that ticks would be replaced) before it does.
    pub fn skip_plan(&self, node: usize) -> SkipPlan {
        self.tracker.skip_plan(&self.pack, node)
    }

    /// `s`: marks `node` not applicable for `reason`, as [`SkipPlan`] says: its steps to
    /// do, or else its ticked steps (the tick replaced). On a node already skipped,
    /// `reason` replaces theirs, and no reason takes the skip back.
    pub fn skip(&mut self, node: usize, reason: &str, now: Timestamp) -> Outcome {
        let reason = match clean(reason, false) {
            Ok(reason) => reason,
            Err(notice) => return Outcome::say(notice),
        };
        if reason.is_empty() && self.skip_plan(node) == SkipPlan::Reason {
            return self.unskip(node);
        }
        self.change(node, |session| {
            let changed = session.tracker.skip(&session.pack, node, &reason, now);
            changed.then_some(Notice::Skipped(node))
        })
    }

    /// `ticklist skip`: marks each node not applicable as [`Session::skip`] does; a node
    /// skipped already stays as it is (a script run twice changes nothing).
    pub fn skip_all(&mut self, nodes: &[usize], reason: &str, now: Timestamp) -> Outcome {
        let mut outcome = Outcome::default();
        for &node in nodes {
            if matches!(self.skip_plan(node), SkipPlan::Skip { .. }) {
                outcome = outcome.then(self.skip(node, reason, now));
            }
        }
        outcome
    }

    /// Makes the skipped steps under `node` to do again.
    pub fn unskip(&mut self, node: usize) -> Outcome {
        self.change(node, |session| {
            let changed = session.tracker.unskip(&session.pack, node);
            changed.then_some(Notice::Unskipped(node))
        })
    }

    /// Writes the mentor's note on `node`; an empty one clears it. `lines` keeps line
    /// breaks (the `note` command); a note typed on the status line has none.
    pub fn note(&mut self, node: usize, text: &str, lines: bool) -> Outcome {
        if let Some(refused) = self.refused() {
            return refused;
        }
        if self.pack.nodes[node].hidden {
            return Outcome::say(Notice::DoesNotApply(node));
        }
        let text = match clean(text, lines) {
            Ok(text) => text,
            Err(notice) => return Outcome::say(notice),
        };
        let note = (!text.is_empty()).then_some(text);
        let said = if note.is_some() {
            Notice::NoteSaved(node)
        } else {
            Notice::NoteCleared(node)
        };
        if self.tracker.state().notes.get(&self.pack.nodes[node].id) == note.as_ref() {
            // The same note again is said saved; no note to clear is nothing to say.
            return match note {
                Some(_) => Outcome::say(said),
                None => Outcome::default(),
            };
        }
        let before = self.tracker.set_note(&self.pack, node, note);
        self.undo.push((node, UndoStep::Note(before, said.clone())));
        self.saved(vec![said])
    }

    /// Takes back the last change (a tick, a skip, a note), and saves that.
    pub fn undo(&mut self) -> Outcome {
        if let Some(refused) = self.refused() {
            return refused;
        }
        let Some((node, step)) = self.undo.pop() else {
            return Outcome::say(Notice::NothingToUndo);
        };
        let change = match step {
            UndoStep::Leaves(before, change) => {
                self.tracker.restore(&self.pack, &before);
                change
            }
            UndoStep::Note(before, change) => {
                self.tracker.set_note(&self.pack, node, before);
                change
            }
            UndoStep::Answer(id, before, change) => {
                self.tracker.restore_answer(&id, before);
                self.refit();
                change
            }
        };
        self.saved(vec![Notice::Undone(Box::new(change))])
    }

    /// The mentor looked at `node`: a step marked new stops being new.
    pub fn seen(&mut self, node: usize) -> Outcome {
        if self.read_only.is_some() || !self.tracker.seen(&self.pack, node) {
            return Outcome::default();
        }
        self.saved(Vec::new())
    }

    /// The next step to do from `from` on, from the top again past the end; one that
    /// waits for another is passed over while any other is left.
    pub fn next_todo(&self, from: usize) -> Result<usize, Notice> {
        self.tracker
            .next_todo(&self.pack, from)
            .or_else(|| self.first_todo())
            .ok_or(Notice::AllTicked)
    }

    /// The first step to do, where a returning mentor left off.
    pub fn first_todo(&self) -> Option<usize> {
        self.tracker
            .next_todo(&self.pack, 0)
            .or_else(|| self.tracker.first_waiting(&self.pack))
    }

    /// The start date of the checklist, from which due dates count.
    pub fn start(&mut self, date: Date) -> Outcome {
        if let Some(refused) = self.refused() {
            return refused;
        }
        self.tracker.set_start(date);
        self.saved(vec![Notice::StartSet(date)])
    }

    /// Runs a change of the steps under `node` with the rules every change follows: a
    /// reference card has nothing to change, what changed can be undone and is saved,
    /// and the change that settles the last step says the checklist is complete.
    fn change(
        &mut self,
        node: usize,
        apply: impl FnOnce(&mut Session) -> Option<Notice>,
    ) -> Outcome {
        if self.pack.nodes[node].hidden {
            return Outcome::say(Notice::DoesNotApply(node));
        }
        if self.tracker.counts(node).1 == 0 {
            return Outcome::say(Notice::NotTickable);
        }
        if let Some(refused) = self.refused() {
            return refused;
        }
        let was_complete = self.tracker.is_complete(&self.pack);
        let waiting = self.tracker.waiting_for(&self.pack, node);
        let Some(notice) = apply(self) else {
            return Outcome::default();
        };
        let before = self.tracker.take_undo();
        let early = matches!(notice, Notice::Ticked(_)) && !waiting.is_empty();
        self.undo
            .push((node, UndoStep::Leaves(before, notice.clone())));
        let mut notices = vec![notice];
        if early {
            notices.push(Notice::TickedEarly(waiting));
        }
        if !was_complete && self.tracker.is_complete(&self.pack) {
            notices.push(Notice::Complete);
        }
        self.saved(notices)
    }

    fn saved(&mut self, notices: Vec<Notice>) -> Outcome {
        let changes = self.tracker.take_changes();
        Outcome {
            notices,
            effects: vec![self.save_changes(changes)],
        }
    }

    /// Hands edits to whoever saves, numbered, and remembers them until reported.
    fn save_changes(&mut self, changes: Changes) -> Effect {
        self.last_seq += 1;
        self.in_flight.push((self.last_seq, changes.clone()));
        Effect::Save {
            seq: self.last_seq,
            changes,
        }
    }
}

/// A note or reason as it is kept: trimmed, made printable, at most [`MAX_TEXT_CHARS`].
fn clean(text: &str, lines: bool) -> Result<String, Notice> {
    let text = printable(text.trim(), lines).into_owned();
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(Notice::TooLong(chars));
    }
    Ok(text)
}

#[cfg(test)]
mod tests;
