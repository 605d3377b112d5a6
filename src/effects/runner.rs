//! The one effect runner under every front end. The core asks for work as data; the
//! runner does it — saves inline (plain mode, the commands: the next line waits for the
//! disk anyway) or in the background (the full-screen UI never waits) — and hands every
//! result back to the core, running whatever that asks for next (an opened link is
//! recorded, and saved).

use std::collections::VecDeque;
use std::io::Write;

use super::{Opener, Saver, Saving, osc52};
use crate::progress::State;
use crate::session::{Effect, EffectResult, Notice, Outcome, Session};

/// What the runner reports to: the core, as a front end holds it.
pub trait Core {
    /// The progress the core holds now: what an inline save is made on.
    fn state(&self) -> &State;
    /// Takes in what came of an effect; returns the effects that asks for.
    fn report(&mut self, result: EffectResult) -> Vec<Effect>;
}

/// The core alone, keeping what it said for a front end that tells it afterwards.
struct Telling<'s> {
    session: &'s mut Session,
    said: Vec<Notice>,
}

impl Core for Telling<'_> {
    fn state(&self) -> &State {
        self.session.tracker().state()
    }

    fn report(&mut self, result: EffectResult) -> Vec<Effect> {
        let outcome = self.session.report(result);
        self.said.extend(outcome.notices);
        outcome.effects
    }
}

/// How saves are run.
// One per session, made once: boxing the inline save would buy nothing.
#[allow(clippy::large_enum_variant)]
enum Saves<'a> {
    Inline(Saving<'a>),
    /// The worker keeps its own copy of the progress: see [`Saver`].
    Background(Saver),
}

/// Runs effects and reports their results back to the core.
pub struct Runner<'a> {
    saves: Saves<'a>,
    opener: Opener,
    /// The terminal a link is copied through (OSC 52); without one, copying is not offered.
    clipboard: Option<Box<dyn Write + Send + 'a>>,
}

impl<'a> Runner<'a> {
    /// Saves written before the next line is read.
    pub fn inline(saving: Saving<'a>, opener: Opener) -> Self {
        Runner {
            saves: Saves::Inline(saving),
            opener,
            clipboard: None,
        }
    }

    /// Saves handed to the worker; links copied through `terminal`.
    pub fn background(saver: Saver, opener: Opener, terminal: Box<dyn Write + Send + 'a>) -> Self {
        Runner {
            saves: Saves::Background(saver),
            opener,
            clipboard: Some(terminal),
        }
    }

    /// Runs `effects`, and every effect their results ask for, reporting each result to
    /// `core`. Results of background saves finished since the last call go first.
    pub fn run(&mut self, core: &mut impl Core, effects: impl IntoIterator<Item = Effect>) {
        let mut queue: VecDeque<Effect> = effects.into_iter().collect();
        if let Saves::Background(saver) = &self.saves {
            for result in saver.reports().collect::<Vec<_>>() {
                queue.extend(core.report(result));
            }
        }
        while let Some(effect) = queue.pop_front() {
            for result in self.perform(effect, core.state()) {
                queue.extend(core.report(result));
            }
        }
    }

    /// Runs what `outcome` asks of `session` to the end: its notices, then what every
    /// result said, in order.
    pub fn settle(&mut self, session: &mut Session, outcome: Outcome) -> Vec<Notice> {
        let mut core = Telling {
            session,
            said: outcome.notices,
        };
        self.run(&mut core, outcome.effects);
        core.said
    }

    /// Does one effect; what came of it, if known yet.
    fn perform(&mut self, effect: Effect, mine: &State) -> Vec<EffectResult> {
        match effect {
            Effect::Save { seq, changes } => match &mut self.saves {
                Saves::Inline(saving) => saving.save(seq, changes, mine, crate::clock::now()),
                Saves::Background(saver) => {
                    saver.save(seq, changes);
                    Vec::new()
                }
            },
            Effect::OpenUrl(url) => vec![self.opener.open(&url)],
            Effect::CopyUrl(url) => {
                let Some(out) = &mut self.clipboard else {
                    return Vec::new();
                };
                let written = out
                    .write_all(osc52(&url).as_bytes())
                    .and_then(|()| out.flush());
                vec![match written {
                    Ok(()) => EffectResult::Copied(url),
                    Err(e) => EffectResult::CopyFailed {
                        url,
                        error: e.to_string(),
                    },
                }]
            }
        }
    }

    /// Waits for every save handed over. `Err` says why some could not be written.
    pub fn finish(&mut self) -> Result<(), String> {
        match &mut self.saves {
            Saves::Inline(_) => Ok(()),
            Saves::Background(saver) => saver.finish(),
        }
    }

    /// Whether some changes never reached the disk (an inline save failed since the
    /// last one that worked).
    pub fn unsaved(&self) -> bool {
        match &self.saves {
            Saves::Inline(saving) => saving.unsaved(),
            Saves::Background(_) => false,
        }
    }
}
