//! Plain mode: the checklist as sentences, one per line, driven by short typed commands
//! (the UI's letters, [`commands`]). For screen readers, braille displays and pipes,
//! where a full-screen interface that moves the cursor and draws boxes is noise. This
//! part is pure: a command goes in, lines and at most one [`Effect`] come out;
//! [`session`] does the reading and writing.

mod answers;
mod chooser;
mod commands;
mod io;
mod picker;
mod speech;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::keymap::Keymap;
use crate::safe_text::printable;
use crate::search::{Query, SearchIndex};
use crate::session::{Effect, Notice, Outcome, Session};
use crate::text::{Text, fill};
use commands::Verb;

pub use chooser::{Offer, choose_checklist};
pub use io::{Ended, Io, PlainError, run};
pub use picker::pick_run;

/// What a command produced: lines to print, work for the outside world, and whether
/// the session is over (or goes back to the list of runs).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub lines: Vec<String>,
    pub effects: Vec<Effect>,
    pub quit: bool,
    /// Back to the run picker: this run is left (saved), another may be opened.
    pub runs: bool,
    /// To the list of checklists: this one is left (saved), another may be opened.
    pub checklists: bool,
}

impl Reply {
    fn say(lines: Vec<String>) -> Self {
        Reply {
            lines,
            ..Reply::default()
        }
    }
}

/// A search kept between commands: `n` and `N` go from match to match.
#[derive(Debug, Clone)]
struct Found {
    text: String,
    matches: Vec<usize>,
}

/// A plain-mode reader on the checklist core: where they are, and how to say things.
pub struct Plain {
    pub session: Session,
    text: &'static Text,
    tz: TimeZone,
    /// The node being read, in pre-order (stages, parts, items, sub-items).
    current: usize,
    /// The steps to tick, in order: what "step 3 of 24" counts, as progress does.
    steps: Vec<usize>,
    /// The reference cards, counted apart.
    cards: Vec<usize>,
    search: Option<Found>,
    /// Built at the first search.
    index: Option<SearchIndex>,
    /// The run's name, for a pack done once per student.
    pub run: Option<String>,
    /// The day due dates are judged against (given, never read from the clock here).
    pub today: jiff::civil::Date,
    /// The keys in use: the mentor's own letters are plain mode's commands too.
    pub keymap: Keymap,
    /// The session's [`Session::fits`] that `steps`, `cards` and `current` follow.
    fits_seen: u32,
}

impl Plain {
    /// Starts where the full-screen UI does: on the first step still to do, else the
    /// first step or card (never on a heading, where a tick would tick it all).
    pub fn new(session: Session, text: &'static Text, tz: TimeZone) -> Self {
        let pack = &session.pack;
        let (steps, cards) = answers::steps_and_cards(pack);
        let first_leaf = (0..pack.nodes.len()).find(|&i| pack.is_leaf(i) && !pack.nodes[i].hidden);
        let current = session.first_todo().or(first_leaf).unwrap_or(0);
        Plain {
            fits_seen: session.fits(),
            session,
            text,
            tz,
            current,
            steps,
            cards,
            search: None,
            index: None,
            run: None,
            today: jiff::civil::Date::default(),
            keymap: Keymap::default(),
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The opening lines: the pack and its progress (or its cards), how to get help,
    /// the current step.
    pub fn intro(&self) -> Vec<String> {
        let t = self.text;
        let pack = &self.session.pack;
        let (done, total) = self.session.tracker().overall(pack);
        let title = match &self.run {
            Some(run) => fill(t.run_title, &[("title", &pack.title), ("run", run)]),
            None => pack.title.clone(),
        };
        let greeting = if total == 0 {
            let cards = fill(t.cards_count, &[("count", &self.cards.len().to_string())]);
            fill(t.plain_intro_cards, &[("title", &title), ("cards", &cards)])
        } else {
            let (done, total) = (done.to_string(), total.to_string());
            fill(
                t.plain_intro,
                &[("title", &title), ("done", &done), ("total", &total)],
            )
        };
        let mut lines = vec![greeting, t.plain_hint.to_string()];
        if !self.session.unasked().is_empty() {
            lines.extend(self.questions());
        }
        lines.extend(self.describe());
        lines
    }

    /// Runs one typed command.
    pub fn command(&mut self, line: &str, now: Timestamp) -> Reply {
        let mut reply = self.run_command(line, now);
        // An answer (or its undo) moved the current line: where the mentor now is.
        if self.follow_fits() {
            reply.lines.extend(self.describe());
        }
        reply
    }

    fn run_command(&mut self, line: &str, now: Timestamp) -> Reply {
        let Some((verb, rest)) = commands::parse(line, &self.keymap) else {
            return self.unknown(line);
        };
        let here = self.current;
        let pack = &self.session.pack;
        let nodes = pack.nodes.len();
        // Lines the mentor's answers rule out are passed over.
        let shown = |i: &usize| !pack.nodes[*i].hidden;
        let next = (here + 1..nodes).find(shown);
        let previous = (0..here).rev().find(shown);
        let (first, last) = ((0..nodes).find(shown), (0..nodes).rev().find(shown));
        match verb {
            Verb::Read => Reply::say(self.describe()),
            Verb::Down => match next {
                Some(next) => self.go(next),
                None => Reply::say(vec![self.text.plain_last.into()]),
            },
            Verb::Up => match previous {
                Some(previous) => self.go(previous),
                None => Reply::say(vec![self.text.plain_first.into()]),
            },
            Verb::Go if rest.is_empty() => self.go(first.unwrap_or(0)),
            Verb::Go => match rest.parse::<usize>().ok().and_then(|n| n.checked_sub(1)) {
                Some(n) if n < self.steps.len().max(self.cards.len()) => {
                    let list = if self.steps.is_empty() {
                        &self.cards
                    } else {
                        &self.steps
                    };
                    self.go(list[n])
                }
                Some(_) => Reply::say(vec![self.no_such_step()]),
                None => self.unknown(line),
            },
            Verb::Last => self.go(last.unwrap_or(0)),
            Verb::NextTodo if self.search.is_some() => self.next_match(true),
            Verb::NextTodo => match self.session.next_todo(here + 1) {
                Ok(next) => self.go(next),
                Err(notice) => Reply::say(vec![notice.words(&self.session.pack, self.text)]),
            },
            Verb::PrevMatch if self.search.is_some() => self.next_match(false),
            Verb::PrevMatch => Reply::say(vec![self.text.plain_no_search.into()]),
            Verb::Act(action) => match self.session.act(action, here, self.text, now) {
                Some(outcome) => {
                    if let Some(node) = outcome.undone() {
                        self.current = node;
                    }
                    self.changed(outcome)
                }
                None => self.unknown(line),
            },
            Verb::Skip => {
                let outcome = self.session.skip(here, rest, now);
                self.changed(outcome)
            }
            Verb::Note => {
                let outcome = self.session.note(here, rest, false);
                self.changed(outcome)
            }
            Verb::Answer => self.answer(rest, now),
            Verb::Search => self.find(rest),
            Verb::Open if rest.is_empty() => self.open(1, now),
            Verb::Open => match rest.parse::<usize>() {
                Ok(n) => self.open(n, now),
                Err(_) => self.unknown(line),
            },
            Verb::Progress => Reply::say(self.status()),
            Verb::Left => Reply::say(vec![self.left()]),
            Verb::Runs if self.session.pack.repeatable => Reply {
                runs: true,
                ..Reply::default()
            },
            Verb::Runs => Reply::say(vec![self.text.plain_no_runs_here.into()]),
            Verb::Checklists => Reply {
                checklists: true,
                ..Reply::default()
            },
            Verb::Help => {
                let ask = self.session.ask_words(self.text).1;
                Reply::say(commands::help(
                    self.text,
                    self.session.pack.repeatable,
                    &self.keymap,
                    &ask,
                ))
            }
            Verb::Quit => Reply {
                quit: true,
                ..Reply::default()
            },
        }
    }

    fn unknown(&self, line: &str) -> Reply {
        let command = printable(line.trim(), false);
        Reply::say(vec![fill(
            self.text.plain_unknown,
            &[("command", &command)],
        )])
    }

    fn no_such_step(&self) -> String {
        let count = self.steps.len().max(self.cards.len()).to_string();
        fill(self.text.plain_no_such_step, &[("count", &count)])
    }

    fn go(&mut self, index: usize) -> Reply {
        self.current = index;
        Reply {
            lines: self.describe(),
            effects: self.session.seen(index).effects,
            ..Reply::default()
        }
    }

    /// `/ words`: the matches, and the first one from here on; `/` alone clears.
    fn find(&mut self, text: &str) -> Reply {
        let t = self.text;
        let Some(query) = Query::new(text) else {
            let had = self.search.take().is_some();
            return Reply::say(vec![
                if had {
                    t.plain_search_cleared
                } else {
                    t.plain_no_search
                }
                .into(),
            ]);
        };
        let pack = &self.session.pack;
        let index = self.index.get_or_insert_with(|| SearchIndex::new(pack));
        let matches = index.find(pack, Some(self.session.tracker().state()), &query);
        if matches.is_empty() {
            self.search = None;
            return Reply::say(vec![fill(t.plain_search_none, &[("text", text)])]);
        }
        self.search = Some(Found {
            text: text.to_string(),
            matches,
        });
        self.next_match(true)
    }

    /// The next (or previous) match after the current node, round the end.
    fn next_match(&mut self, forward: bool) -> Reply {
        let Some(found) = &self.search else {
            return Reply::say(Vec::new());
        };
        let here = self.current;
        let position = if forward {
            found.matches.iter().position(|&m| m > here).unwrap_or(0)
        } else {
            found
                .matches
                .iter()
                .rposition(|&m| m < here)
                .unwrap_or(found.matches.len() - 1)
        };
        let (n, count) = ((position + 1).to_string(), found.matches.len().to_string());
        let said = fill(
            self.text.plain_match,
            &[("n", &n), ("count", &count), ("text", &found.text)],
        );
        let target = found.matches[position];
        let mut reply = self.go(target);
        reply.lines.insert(0, said);
        reply
    }

    /// The core's notices as lines; after a change, where the whole checklist stands,
    /// and last the completion message if this change completed it.
    fn changed(&self, outcome: Outcome) -> Reply {
        let pack = &self.session.pack;
        let (complete, said): (Vec<&Notice>, Vec<&Notice>) = outcome
            .notices
            .iter()
            .partition(|notice| **notice == Notice::Complete);
        let mut lines: Vec<String> = said.iter().map(|n| n.words(pack, self.text)).collect();
        // A note changes no count: the progress is only said again after a tick or skip.
        let counted = said
            .iter()
            .any(|n| !matches!(n, Notice::NoteSaved(_) | Notice::NoteCleared(_)));
        if outcome.save().is_some() && counted {
            lines.push(self.overall());
        }
        lines.extend(complete.iter().map(|n| n.words(pack, self.text)));
        Reply {
            lines,
            effects: outcome.effects,
            ..Reply::default()
        }
    }

    /// `o N`: the link is handed over; once it opened, that is recorded.
    fn open(&mut self, n: usize, now: Timestamp) -> Reply {
        let outcome = self.session.open(self.current, n, now);
        self.changed(outcome)
    }
}

#[cfg(test)]
mod tests;
