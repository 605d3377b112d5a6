//! Plain mode's commands. Wherever the full-screen UI has the action, the command is the
//! UI's letter (read from the keymap in use, the mentor's own keys included), so a mentor
//! learns one set of keys; the help lists the commands from this one table.

use crate::keymap::{Action, Key, Keymap};
use crate::session::ACTIONS;
use crate::text::{Text, fill};

/// What a typed line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// Enter alone: read the current line again.
    Read,
    NextTodo,
    Down,
    Up,
    /// `g N`: step N; `g` alone, the first line.
    Go,
    Last,
    /// A change the core makes by the action's name alone: tick, undo, ask, and any
    /// other in [`ACTIONS`] (with the UI's letters and the action's name as its word).
    Act(Action),
    Skip,
    Note,
    /// `a` alone: the questions and the answers given; `a N ANSWER`: an answer.
    Answer,
    Search,
    PrevMatch,
    Open,
    Progress,
    /// What is still to do in the current stage.
    Left,
    /// Back to the list of runs (a pack done once per student).
    Runs,
    /// The list of checklists, to open another.
    Checklists,
    Help,
    Quit,
}

impl Verb {
    /// The UI action with the same meaning: its keys are this command's letters.
    fn action(self) -> Option<Action> {
        Some(match self {
            Verb::NextTodo => Action::NextTodo,
            Verb::Down => Action::Down,
            Verb::Up => Action::Up,
            Verb::Go => Action::First,
            Verb::Last => Action::Last,
            Verb::Act(action) => action,
            Verb::Skip => Action::Skip,
            Verb::Note => Action::EditNote,
            Verb::Answer => Action::Answer,
            Verb::Search => Action::Search,
            Verb::PrevMatch => Action::PrevMatch,
            Verb::Open => Action::Open,
            Verb::Checklists => Action::Packs,
            Verb::Help => Action::Help,
            Verb::Quit => Action::Quit,
            Verb::Read | Verb::Progress | Verb::Left | Verb::Runs => return None,
        })
    }

    /// A letter of plain mode's own: the UI has no such key, or its key (Space) cannot
    /// be typed alone on a line.
    fn own_letter(self) -> Option<&'static str> {
        match self {
            Verb::Act(Action::Toggle) => Some("t"),
            Verb::Progress => Some("p"),
            Verb::Left => Some("w"),
            Verb::Runs => Some("r"),
            _ => None,
        }
    }

    /// The sentence the help gives it.
    fn help(self, t: &Text) -> &'static str {
        match self {
            Verb::Read => t.plain_help_read,
            Verb::NextTodo => t.plain_help_next,
            Verb::Down => t.plain_help_down,
            Verb::Up => t.plain_help_up,
            Verb::Go => t.plain_help_go,
            Verb::Last => t.plain_help_last,
            Verb::Act(Action::Toggle) => t.plain_help_tick,
            Verb::Act(Action::Undo) => t.plain_help_undo,
            // Said by whom the pack names (`help`'s `ask`).
            Verb::Act(Action::Ask) => "",
            Verb::Act(action) => action.words(t).1,
            Verb::Skip => t.plain_help_skip,
            Verb::Note => t.plain_help_note,
            Verb::Answer => t.plain_help_answer,
            Verb::Search => t.plain_help_search,
            Verb::PrevMatch => t.plain_help_prev_match,
            Verb::Open => t.plain_help_open,
            Verb::Progress => t.plain_help_progress,
            Verb::Left => t.plain_help_left,
            Verb::Runs => t.plain_help_runs,
            Verb::Checklists => t.plain_help_packs,
            Verb::Help => t.plain_help_help,
            Verb::Quit => t.plain_help_quit,
        }
    }
}

/// Every command, in the order the help lists them, with the words that may be typed
/// in full instead of the letter.
const VERBS: &[(Verb, &[&str])] = &[
    (Verb::Read, &[]),
    (Verb::NextTodo, &["next"]),
    (Verb::Down, &["down"]),
    (Verb::Up, &["up"]),
    (Verb::Go, &["go"]),
    (Verb::Last, &["last"]),
    (Verb::Act(Action::Toggle), &["tick"]),
    (Verb::Skip, &["skip"]),
    (Verb::Note, &["note"]),
    (Verb::Answer, &["answer"]),
    (Verb::Act(Action::Undo), &["undo"]),
    (Verb::Search, &["search"]),
    (Verb::PrevMatch, &[]),
    (Verb::Open, &["open"]),
    (Verb::Progress, &["progress"]),
    (Verb::Left, &["left"]),
    (Verb::Runs, &["runs"]),
    (Verb::Checklists, &["checklists"]),
    (Verb::Act(Action::Ask), &["ask"]),
    (Verb::Help, &["help"]),
    (Verb::Quit, &["quit"]),
];

/// Every command: [`VERBS`], then each change of the core's that has no row there,
/// typed by the UI's letters or by the action's name.
fn verbs() -> impl Iterator<Item = (Verb, Vec<String>)> {
    let listed = VERBS
        .iter()
        .map(|(verb, words)| (*verb, words.iter().map(|w| w.to_string()).collect()));
    let more = ACTIONS
        .iter()
        .filter(|&&action| !VERBS.iter().any(|(verb, _)| *verb == Verb::Act(action)))
        .map(|&action| (Verb::Act(action), action.name().into_iter().collect()));
    listed.chain(more)
}

/// The letters that type `verb`: the UI's keys in `keymap` that are printable
/// characters, else plain mode's own.
pub(super) fn letters(verb: Verb, keymap: &Keymap) -> Vec<String> {
    let mut letters: Vec<String> = verb
        .action()
        .and_then(|action| keymap.bindings().iter().find(|b| b.action == action))
        .map(|binding| {
            binding
                .keys
                .iter()
                .filter_map(|key| match key {
                    Key::Char(c) if !c.is_whitespace() => Some(c.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    letters.extend(verb.own_letter().map(str::to_string));
    letters
}

/// The command of a typed line and what follows it (a number, a reason, words).
/// Letters are case-sensitive (`n` and `N` differ, as in the UI); words are not. A
/// number alone opens that link, as the UI's digits do.
pub fn parse<'a>(line: &'a str, keymap: &Keymap) -> Option<(Verb, &'a str)> {
    let line = line.trim();
    if line.is_empty() {
        return Some((Verb::Read, ""));
    }
    if let Some(rest) = line.strip_prefix('/') {
        return Some((Verb::Search, rest.trim()));
    }
    let (word, rest) = line
        .split_once(char::is_whitespace)
        .map_or((line, ""), |(word, rest)| (word, rest.trim()));
    if word.len() == 1 && word.chars().all(|c| matches!(c, '1'..='9')) && rest.is_empty() {
        return Some((Verb::Open, word));
    }
    verbs()
        .find(|(verb, words)| {
            letters(*verb, keymap).iter().any(|l| l == word)
                || words.iter().any(|w| w.eq_ignore_ascii_case(word))
        })
        .map(|(verb, _)| (verb, rest))
}

/// The help: a line per command, "letters: what it does". Runs only for a pack done
/// once per student; `ask` says whom `m` reaches.
pub fn help(t: &Text, repeatable: bool, keymap: &Keymap, ask: &str) -> Vec<String> {
    let mut lines = vec![t.plain_help_title.to_string()];
    for (verb, _) in verbs() {
        if verb == Verb::Runs && !repeatable {
            continue;
        }
        let keys = match verb {
            Verb::Read => t.key_enter.to_string(),
            _ => letters(verb, keymap).join(" / "),
        };
        let text = match verb {
            Verb::Act(Action::Ask) => ask,
            verb => verb.help(t),
        };
        lines.push(fill(t.plain_help_line, &[("keys", &keys), ("text", text)]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::EN;

    fn parse_default(line: &str) -> Option<(Verb, &str)> {
        parse(line, &Keymap::default())
    }

    #[test]
    fn letters_are_the_uis_and_words_work_too() {
        assert_eq!(parse_default("n"), Some((Verb::NextTodo, "")));
        assert_eq!(parse_default("N"), Some((Verb::PrevMatch, "")));
        assert_eq!(
            parse_default("s already done"),
            Some((Verb::Skip, "already done"))
        );
        assert_eq!(
            parse_default("- already done"),
            Some((Verb::Skip, "already done"))
        );
        assert_eq!(parse_default("SKIP why"), Some((Verb::Skip, "why")));
        assert_eq!(parse_default("j"), Some((Verb::Down, "")));
        assert_eq!(parse_default("k"), Some((Verb::Up, "")));
        assert_eq!(parse_default("g 12"), Some((Verb::Go, "12")));
        assert_eq!(parse_default("G"), Some((Verb::Last, "")));
        assert_eq!(
            parse_default("/student  late "),
            Some((Verb::Search, "student  late"))
        );
        assert_eq!(parse_default("/"), Some((Verb::Search, "")));
        assert_eq!(parse_default("3"), Some((Verb::Open, "3")));
        assert_eq!(parse_default("o 2"), Some((Verb::Open, "2")));
        assert_eq!(parse_default("  "), Some((Verb::Read, "")));
        assert_eq!(parse_default("?"), Some((Verb::Help, "")));
        assert_eq!(
            parse_default("h"),
            None,
            "h folds in the UI: not a plain command"
        );
        assert_eq!(parse_default("y"), None, "no clipboard in plain mode");
    }

    #[test]
    fn rebound_keys_are_plain_modes_letters_too() {
        let keymap = Keymap::from_yaml("skip: x\ndown: [d, Down]\n", "keys.yaml", &EN).unwrap();
        assert_eq!(parse("x why", &keymap), Some((Verb::Skip, "why")));
        assert_eq!(parse("d", &keymap), Some((Verb::Down, "")));
        assert_eq!(parse("j", &keymap), None, "j is no longer down");
        assert_eq!(
            parse("skip why", &keymap),
            Some((Verb::Skip, "why")),
            "words stay"
        );
        let lines = help(&EN, true, &keymap, "ask");
        assert!(lines.iter().any(|l| l.starts_with("x: ")), "{lines:?}");
    }

    #[test]
    fn the_help_names_every_command_by_its_letters() {
        let lines = help(&EN, true, &Keymap::default(), "ask");
        assert_eq!(lines.len(), VERBS.len() + 1);
        assert!(lines.iter().any(|l| l.starts_with("s / -: ")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("t: ")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("Enter: ")), "{lines:?}");
        assert!(
            !help(&EN, false, &Keymap::default(), "ask")
                .iter()
                .any(|l| l.starts_with("r: "))
        );
    }
}
