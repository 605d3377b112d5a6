//! Plain mode: the checklist as sentences, one per line, driven by short typed commands.
//! For screen readers, braille displays and pipes, where a full-screen interface that
//! moves the cursor and draws boxes is noise. This part is pure: a command goes in,
//! lines and at most one [`Effect`] come out; [`session`] does the reading and writing.

mod picker;
mod session;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::describe::describe;
use crate::progress::percent;
use crate::safe_text::printable;
use crate::session::{Effect, Notice, Outcome, Session};
use crate::text::{Text, fill};

pub use picker::pick_run;
pub use session::{Io, PlainError, run};

/// What a command produced: lines to print, work for the outside world, and whether
/// the session is over.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub lines: Vec<String>,
    pub effect: Option<Effect>,
    pub quit: bool,
}

impl Reply {
    fn say(lines: Vec<String>) -> Self {
        Reply {
            lines,
            ..Reply::default()
        }
    }
}

/// A plain-mode reader on the checklist core: where they are, and how to say things.
pub struct Plain {
    pub session: Session,
    text: &'static Text,
    tz: TimeZone,
    /// The node being read, in pre-order (stages, parts, items, sub-items).
    current: usize,
    /// The run's name, for a pack done once per student.
    pub run: Option<String>,
    /// The day due dates are judged against (given, never read from the clock here).
    pub today: jiff::civil::Date,
}

impl Plain {
    /// Starts where the full-screen UI does: on the first step still to do.
    pub fn new(session: Session, text: &'static Text, tz: TimeZone) -> Self {
        let current = session.first_todo().unwrap_or(0);
        Plain {
            session,
            text,
            tz,
            current,
            run: None,
            today: jiff::civil::Date::default(),
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The opening lines: the pack, the progress, the commands, the current item.
    pub fn intro(&self) -> Vec<String> {
        let pack = &self.session.pack;
        let (done, total) = self.session.tracker().overall(pack);
        let title = match &self.run {
            Some(run) => fill(self.text.run_title, &[("title", &pack.title), ("run", run)]),
            None => pack.title.clone(),
        };
        let mut lines = vec![
            fill(
                self.text.plain_intro,
                &[
                    ("title", &title),
                    ("done", &done.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
            self.text.plain_commands.to_string(),
        ];
        lines.extend(self.describe());
        lines
    }

    /// Runs one typed command.
    pub fn command(&mut self, line: &str, now: Timestamp) -> Reply {
        let mut words = line.split_whitespace();
        let verb = words.next().unwrap_or_default().to_lowercase();
        let argument = words.next();
        let rest = || {
            line.trim()
                .split_once(char::is_whitespace)
                .map_or("", |(_, rest)| rest)
        };
        let here = self.current;
        match verb.as_str() {
            "" => Reply::say(self.describe()),
            "n" | "next" => self.go(here + 1),
            "p" | "previous" => match here.checked_sub(1) {
                Some(previous) => self.go(previous),
                None => Reply::say(vec![self.text.plain_first.into()]),
            },
            "g" | "go" => match argument.and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n >= 1 => self.go(n - 1),
                _ => self.unknown(line),
            },
            "t" | "tick" => {
                let outcome = self.session.toggle(here, now);
                self.changed(outcome)
            }
            "u" | "undo" => {
                let outcome = self.session.undo();
                if let Some(node) = outcome.undone() {
                    self.current = node;
                }
                self.changed(outcome)
            }
            "-" | "skip" => {
                let outcome = self.session.skip(here, rest(), now);
                self.changed(outcome)
            }
            "e" | "note" => {
                let outcome = self.session.note(here, rest(), false);
                self.changed(outcome)
            }
            "o" | "open" => match argument.map(str::parse::<usize>) {
                None => self.open(1, now),
                Some(Ok(n)) => self.open(n, now),
                Some(Err(_)) => self.unknown(line),
            },
            "s" | "status" => Reply::say(self.status()),
            "h" | "help" | "?" => Reply::say(vec![self.text.plain_commands.into()]),
            "q" | "quit" => Reply {
                quit: true,
                ..Reply::default()
            },
            _ => self.unknown(line),
        }
    }

    fn unknown(&self, line: &str) -> Reply {
        let command = printable(line.trim(), false);
        Reply::say(vec![fill(
            self.text.plain_unknown,
            &[("command", &command)],
        )])
    }

    fn go(&mut self, index: usize) -> Reply {
        if index >= self.session.pack.nodes.len() {
            return Reply::say(vec![self.text.plain_last.into()]);
        }
        self.current = index;
        Reply {
            lines: self.describe(),
            effect: self.session.seen(index),
            quit: false,
        }
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
        if outcome.save.is_some() && counted {
            lines.push(self.overall());
        }
        lines.extend(complete.iter().map(|n| n.words(pack, self.text)));
        Reply {
            lines,
            effect: outcome.save,
            quit: false,
        }
    }

    /// `open N`: the link is handed over; once it opened, that is recorded.
    fn open(&mut self, n: usize, now: Timestamp) -> Reply {
        match self.session.open(self.current, n, now) {
            Ok(effect) => Reply {
                effect: Some(effect),
                ..Reply::default()
            },
            Err(notice) => Reply::say(vec![notice.words(&self.session.pack, self.text)]),
        }
    }

    fn overall(&self) -> String {
        let (done, total) = self.session.tracker().overall(&self.session.pack);
        fill(
            self.text.plain_status,
            &[
                ("done", &done.to_string()),
                ("total", &total.to_string()),
                ("percent", &percent(done, total).to_string()),
            ],
        )
    }

    /// The whole progress, then each stage's.
    pub fn status(&self) -> Vec<String> {
        let pack = &self.session.pack;
        let mut lines = vec![self.overall()];
        for stage in pack.children(None) {
            let (done, total) = self.session.tracker().counts(stage);
            lines.push(fill(
                self.text.plain_stage,
                &[
                    ("title", &pack.nodes[stage].title),
                    ("done", &done.to_string()),
                    ("total", &total.to_string()),
                ],
            ));
        }
        lines
    }

    /// The current node as sentences: where it is, its title, its state, its callouts,
    /// the mentor's note and its numbered links.
    pub fn describe(&self) -> Vec<String> {
        let t = self.text;
        let index = self.current;
        let pack = &self.session.pack;
        let node = &pack.nodes[index];
        let position = fill(
            t.plain_position,
            &[
                ("n", &(index + 1).to_string()),
                ("count", &pack.nodes.len().to_string()),
            ],
        );
        let mut lines = vec![match node.parent {
            Some(parent) => {
                let within = fill(t.plain_in, &[("parent", &pack.nodes[parent].title)]);
                format!("{position}, {within}")
            }
            None => position,
        }];
        lines.push(node.title.clone());
        let about = describe(pack, self.session.tracker(), index, t, &self.tz, self.today);
        lines.push(match about.counts {
            Some((done, total)) => {
                let below = fill(
                    t.plain_below,
                    &[("done", &done.to_string()), ("total", &total.to_string())],
                );
                format!("{}. {below}", about.state)
            }
            None => format!("{}.", about.state),
        });
        if let Some(due) = about.due {
            lines.push(format!("{}.", due.describe(t)));
        }
        if let Some(opened) = about.opened {
            lines.push(format!("{opened}."));
        }
        if let Some(warning) = &node.warning {
            lines.push(fill(t.plain_warning, &[("text", warning)]));
        }
        if let Some(details) = &node.details {
            lines.push(details.clone());
        }
        if let Some(note) = &node.note {
            lines.push(fill(t.plain_note, &[("text", note)]));
        }
        if let Some(mine) = about.my_note {
            let mine = mine.replace('\n', " ");
            lines.push(fill(t.plain_my_note, &[("text", &mine)]));
        }
        for (n, link) in node.links.iter().enumerate() {
            lines.push(fill(
                t.plain_link,
                &[
                    ("n", &(n + 1).to_string()),
                    ("label", &link.label),
                    ("url", &link.url),
                ],
            ));
        }
        lines
    }
}

#[cfg(test)]
mod tests;
