//! Plain mode: the checklist as sentences, one per line, driven by short typed commands.
//! For screen readers, braille displays and pipes, where a full-screen interface that
//! moves the cursor and draws boxes is noise. This part is pure: a command goes in,
//! lines and at most one [`Effect`] come out; [`session`] does the reading and writing.

mod picker;
mod session;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::app::Effect;
use crate::describe::describe;
use crate::pack::Pack;
use crate::progress::percent;
use crate::progress::{Before, Check, Tracker, UndoStack};
use crate::safe_text::printable;
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

/// A plain-mode session on one pack: where the reader is and what is ticked.
pub struct Plain {
    pub pack: Pack,
    pub tracker: Tracker,
    text: &'static Text,
    tz: TimeZone,
    /// The node being read, in pre-order (stages, parts, items, sub-items).
    current: usize,
    last_seq: u64,
    /// The run's name, for a pack done once per student.
    pub run: Option<String>,
    /// The day due dates are judged against (given, never read from the clock here).
    pub today: jiff::civil::Date,
    /// Ticks and unticks `u` can take back: the node and its leaves as they were.
    undo: UndoStack<(usize, Before)>,
}

impl Plain {
    /// Starts on the first node not yet done, so a returning mentor picks up where
    /// they stopped.
    pub fn new(pack: Pack, tracker: Tracker, text: &'static Text, tz: TimeZone) -> Self {
        // Where the full-screen UI opens too: the first step still to do.
        let current = tracker.next_todo(&pack, 0).unwrap_or(0);
        Plain {
            pack,
            tracker,
            text,
            tz,
            current,
            last_seq: 0,
            run: None,
            today: jiff::civil::Date::default(),
            undo: UndoStack::default(),
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The opening lines: the pack, the progress, the commands, the current item.
    pub fn intro(&self) -> Vec<String> {
        let (done, total) = self.tracker.overall(&self.pack);
        let title = match &self.run {
            Some(run) => fill(
                self.text.run_title,
                &[("title", &self.pack.title), ("run", run)],
            ),
            None => self.pack.title.clone(),
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
        match verb.as_str() {
            "" => Reply::say(self.describe()),
            "n" | "next" => self.go(self.current + 1),
            "p" | "previous" => match self.current.checked_sub(1) {
                Some(previous) => self.go(previous),
                None => Reply::say(vec![self.text.plain_first.into()]),
            },
            "g" | "go" => match argument.and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n >= 1 => self.go(n - 1),
                _ => self.unknown(line),
            },
            "t" | "tick" => self.toggle(now),
            "u" | "undo" => self.take_back(),
            "-" | "skip" => {
                let reason = line
                    .trim()
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, r)| r);
                self.skip(reason, now)
            }
            "o" | "open" => match argument.map(str::parse::<usize>) {
                None => self.open(1),
                Some(Ok(n)) => self.open(n),
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
        if index >= self.pack.nodes.len() {
            return Reply::say(vec![self.text.plain_last.into()]);
        }
        self.current = index;
        if self.tracker.seen(&self.pack, index) {
            let changes = self.tracker.take_changes();
            let mut reply = Reply::say(self.describe());
            reply.effect = Some(self.save(changes));
            return reply;
        }
        Reply::say(self.describe())
    }

    fn save(&mut self, changes: crate::progress::Changes) -> Effect {
        self.last_seq += 1;
        Effect::Save {
            seq: self.last_seq,
            changes,
        }
    }

    fn toggle(&mut self, now: Timestamp) -> Reply {
        let t = self.text;
        let index = self.current;
        if self.tracker.counts(index).1 == 0 {
            return Reply::say(vec![t.not_tickable.into()]);
        }
        if self.tracker.toggle(&self.pack, index, now) {
            self.undo.push((index, self.tracker.take_undo()));
        }
        let node = &self.pack.nodes[index];
        let said = if self.tracker.check(index) == Check::Done {
            t.plain_ticked
        } else {
            t.plain_unticked
        };
        let mut lines = vec![fill(said, &[("title", &node.title)])];
        lines.push(self.overall());
        if self.tracker.is_complete(&self.pack) {
            let message = self
                .pack
                .completion_message
                .as_deref()
                .unwrap_or(t.completion_default);
            lines.push(fill(t.plain_all_done, &[("message", message)]));
        }
        let changes = self.tracker.take_changes();
        Reply {
            lines,
            effect: Some(self.save(changes)),
            quit: false,
        }
    }

    /// `skip REASON`: marks the current steps not applicable, or takes that back.
    fn skip(&mut self, reason: &str, now: Timestamp) -> Reply {
        let t = self.text;
        let index = self.current;
        if self.tracker.counts(index).1 == 0 {
            return Reply::say(vec![t.not_tickable.into()]);
        }
        let reason = printable(reason, false);
        if self.tracker.skip(&self.pack, index, &reason, now) {
            self.undo.push((index, self.tracker.take_undo()));
        }
        let mut lines = self.describe();
        lines.truncate(3);
        lines.push(self.overall());
        let changes = self.tracker.take_changes();
        Reply {
            lines,
            effect: Some(self.save(changes)),
            quit: false,
        }
    }

    /// The current item's link opened at `now`: recorded, to be saved.
    pub fn opened(&mut self, now: Timestamp) -> Effect {
        self.tracker.opened(&self.pack, self.current, now);
        let changes = self.tracker.take_changes();
        self.save(changes)
    }

    fn take_back(&mut self) -> Reply {
        let Some((node, before)) = self.undo.pop() else {
            return Reply::say(vec![self.text.nothing_to_undo.into()]);
        };
        self.tracker.restore(&self.pack, &before);
        self.current = node;
        let title = &self.pack.nodes[node].title;
        let lines = vec![fill(self.text.undone, &[("title", title)]), self.overall()];
        let changes = self.tracker.take_changes();
        Reply {
            lines,
            effect: Some(self.save(changes)),
            quit: false,
        }
    }

    fn open(&self, n: usize) -> Reply {
        let links = &self.pack.nodes[self.current].links;
        match n.checked_sub(1).and_then(|i| links.get(i)) {
            Some(link) => Reply {
                effect: Some(Effect::OpenUrl(link.url.clone())),
                ..Reply::default()
            },
            None => Reply::say(vec![fill(
                self.text.plain_no_link,
                &[("n", &n.to_string())],
            )]),
        }
    }

    fn overall(&self) -> String {
        let (done, total) = self.tracker.overall(&self.pack);
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
        let mut lines = vec![self.overall()];
        for stage in self.pack.children(None) {
            let (done, total) = self.tracker.counts(stage);
            lines.push(fill(
                self.text.plain_stage,
                &[
                    ("title", &self.pack.nodes[stage].title),
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
        let node = &self.pack.nodes[index];
        let position = fill(
            t.plain_position,
            &[
                ("n", &(index + 1).to_string()),
                ("count", &self.pack.nodes.len().to_string()),
            ],
        );
        let mut lines = vec![match node.parent {
            Some(parent) => {
                let within = fill(t.plain_in, &[("parent", &self.pack.nodes[parent].title)]);
                format!("{position}, {within}")
            }
            None => position,
        }];
        lines.push(node.title.clone());
        let about = describe(&self.pack, &self.tracker, index, t, &self.tz, self.today);
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
mod tests {
    use super::*;
    use crate::progress::State;
    use crate::text::{EN, FR};

    fn plain(text: &'static Text) -> Plain {
        let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
        let state = State::new(&pack.id, &pack.version);
        let tracker = Tracker::new(&pack, state);
        Plain::new(pack, tracker, text, TimeZone::UTC)
    }

    fn at(hour: i8) -> Timestamp {
        jiff::civil::date(2026, 11, 22)
            .at(hour, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .unwrap()
            .timestamp()
    }

    #[test]
    fn the_reader_moves_and_hears_where_they_are() {
        let mut p = plain(&EN);
        let intro = p.intro();
        assert_eq!(
            intro[0],
            "Checklist to start your mentoring mission. 0 of 24 steps done."
        );
        assert!(intro[1].starts_with("Commands: n next"));
        // It opens where the full-screen UI does: on the first step to do.
        assert_eq!(
            intro[2],
            "Item 2 of 32, in Stage 1: During your recruitment process"
        );
        let stage = p.command("g 1", at(9));
        assert_eq!(stage.lines[0], "Item 1 of 32");
        assert_eq!(stage.lines[1], "Stage 1: During your recruitment process");
        assert_eq!(stage.lines[2], "To do. 0 of 6 steps below are done.");
        let reply = p.command("n", at(9));
        assert_eq!(
            reply.lines[0],
            "Item 2 of 32, in Stage 1: During your recruitment process"
        );
        assert_eq!(reply.lines[2], "To do.");
        assert!(
            reply.lines[3].starts_with("Link 1: Candidates, discover"),
            "{reply:?}"
        );
        assert_eq!(p.command("p", at(9)).lines[0], "Item 1 of 32");
        assert_eq!(p.command("p", at(9)).lines, ["This is the first item."]);
        assert_eq!(
            p.command("g 32", at(9)).lines[0].split(',').next(),
            Some("Item 32 of 32")
        );
        assert_eq!(p.command("n", at(9)).lines, ["This is the last item."]);
        assert_eq!(
            p.command("", at(9)).lines[0].split(',').next(),
            Some("Item 32 of 32")
        );
    }

    #[test]
    fn ticking_says_what_changed_and_asks_for_a_save() {
        let mut p = plain(&EN);
        p.command("g 1", at(9));
        let reply = p.command("t", at(9));
        assert_eq!(
            reply.lines,
            [
                "Ticked: Stage 1: During your recruitment process.",
                "6 of 24 steps done, 25 %."
            ]
        );
        let Some(Effect::Save { seq: 1, changes }) = reply.effect else {
            panic!("{reply:?}")
        };
        assert_eq!(changes.ticks.len(), 6);
        assert_eq!(
            p.describe()[2],
            "Ticked on 22 November 2026 at 09:00. 6 of 6 steps below are done."
        );
        let again = p.command("tick", at(10));
        assert_eq!(
            again.lines[0],
            "Unticked: Stage 1: During your recruitment process."
        );
        p.command("n", at(10));
        let undone = p.command("u", at(11));
        assert_eq!(
            undone.lines,
            [
                "Undone: Stage 1: During your recruitment process",
                "6 of 24 steps done, 25 %."
            ]
        );
        assert_eq!(p.current(), 0, "back on the node the undo changed");
        assert!(matches!(undone.effect, Some(Effect::Save { .. })));
        p.command("u", at(11));
        assert_eq!(p.command("u", at(11)).lines, ["Nothing to undo."]);
    }

    #[test]
    fn the_last_tick_brings_the_completion_message() {
        let mut p = plain(&EN);
        p.command("g 1", at(9));
        p.command("t", at(9));
        let stage_2 = p.pack.find("etape-2").unwrap();
        p.command(&format!("g {}", stage_2 + 1), at(9));
        let reply = p.command("t", at(9));
        assert_eq!(reply.lines[1], "24 of 24 steps done, 100 %.");
        assert!(reply.lines[2].starts_with("Every step is ticked. If you have ticked"));
    }

    #[test]
    fn links_open_by_number_and_missing_ones_are_said() {
        let mut p = plain(&EN);
        let reply = p.command("o", at(9));
        assert!(matches!(reply.effect, Some(Effect::OpenUrl(url)) if url.contains("360001457117")));
        assert_eq!(p.command("o 2", at(9)).lines, ["This item has no link 2."]);
        assert_eq!(
            p.command("o two", at(9)).lines,
            ["Unknown command: “o two”. Type h for help."]
        );
    }

    #[test]
    fn skip_marks_the_item_not_applicable_with_its_reason() {
        let mut p = plain(&EN);
        p.command("n", at(9));
        let reply = p.command("skip already seen it", at(9));
        assert_eq!(
            reply.lines[2],
            "Not applicable since 22 November 2026 at 09:00: already seen it."
        );
        assert_eq!(reply.lines[3], "1 of 24 steps done, 4 %.");
        assert!(matches!(reply.effect, Some(Effect::Save { .. })));
        let again = p.command("-", at(9));
        assert_eq!(again.lines[2], "To do.", "skip again takes it back");
        let opened = p.opened(at(10));
        let Effect::Save { changes, .. } = opened else {
            panic!("{opened:?}")
        };
        assert_eq!(changes.opened.len(), 1);
        assert!(
            p.describe()
                .contains(&"Link opened on 22 November 2026 at 10:00.".to_string())
        );
    }

    #[test]
    fn a_hand_edited_skip_reason_cannot_reach_the_terminal() {
        let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
        let mut state = State::new(&pack.id, &pack.version);
        let skip = crate::progress::Skip {
            reason: "x\u{1b}]0;pwned\u{7}".into(),
            at: at(9),
        };
        state.skipped.insert("video-candidats".into(), skip);
        let tracker = Tracker::new(&pack, state);
        let mut p = Plain::new(pack, tracker, &EN, TimeZone::UTC);
        let line = &p.command("g 2", at(9)).lines[2];
        assert!(line.contains("x␛]0;pwned"), "{line}");
        assert!(!line.contains('\u{1b}'));
    }

    #[test]
    fn status_lists_each_stage_and_quit_ends() {
        let mut p = plain(&FR);
        let lines = p.command("s", at(9)).lines;
        assert_eq!(lines[0], "0 étapes faites sur 24, soit 0 %.");
        assert_eq!(lines.len(), 3);
        assert!(p.command("q", at(9)).quit);
        assert!(p.command("x\u{1b}[31m", at(9)).lines[0].contains('␛'));
    }

    #[test]
    fn a_returning_mentor_starts_on_the_first_step_not_done() {
        let mut p = plain(&EN);
        p.command("g 1", at(9));
        p.command("t", at(9));
        let state = p.tracker.state().clone();
        let pack = p.pack.clone();
        let back = Plain::new(pack.clone(), Tracker::new(&pack, state), &EN, TimeZone::UTC);
        assert_eq!(
            back.current(),
            pack.find("video-introduction-role").unwrap()
        );
    }

    #[test]
    fn undo_goes_back_at_most_a_hundred_changes_as_in_the_ui() {
        let mut p = plain(&EN);
        for _ in 0..101 {
            p.command("t", at(9));
        }
        for _ in 0..100 {
            assert_ne!(p.command("u", at(9)).lines, ["Nothing to undo."]);
        }
        assert_eq!(p.command("u", at(9)).lines, ["Nothing to undo."]);
        assert_eq!(
            p.tracker.overall(&p.pack),
            (1, 24),
            "the first change stays"
        );
    }
}
