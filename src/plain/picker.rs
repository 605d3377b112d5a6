//! Plain mode's run picker: the runs as numbered lines, then a number to open one or a
//! name to start one, read from the same line input as the rest of plain mode.

use std::io::{BufRead, Write};

use super::PlainError;
use crate::pack::Pack;
use crate::progress::{RunSummary, StateStore, find_run};
use crate::session::Students;
use crate::text::{Text, fill};

/// What a typed line asks of the picker.
#[derive(Debug, PartialEq, Eq)]
pub enum Choice {
    Open(String),
    Start(String),
    Quit,
    /// An empty line: ask again.
    Again,
    /// Not a name nor a student's number (`?`, a command letter, no letter, a number no
    /// student has): said, and asked again.
    NotAName(String),
}

/// Reads one answer: a listed number, `q`, or a name (an existing run's opens it; a
/// new one is asked about before it starts).
pub fn choose(line: &str, runs: &[&RunSummary]) -> Choice {
    let line = line.trim();
    if line.is_empty() {
        return Choice::Again;
    }
    if line.eq_ignore_ascii_case("q") {
        return Choice::Quit;
    }
    if let Ok(n) = line.parse::<usize>() {
        return match n.checked_sub(1).and_then(|i| runs.get(i)) {
            Some(run) => Choice::Open(run.key.clone()),
            // Said, with what to type instead: no student has that number.
            None => Choice::NotAName(line.to_string()),
        };
    }
    let owned: Vec<RunSummary> = runs.iter().map(|r| (*r).clone()).collect();
    if let Some(run) = find_run(&owned, line) {
        return Choice::Open(run.key.clone());
    }
    // A command letter or `?` typed out of habit is never a student.
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return Choice::NotAName(line.to_string());
    }
    Choice::Start(line.to_string())
}

/// Lists the runs and reads answers until one opens or starts a run (its key and name)
/// or the mentor quits (`None`, also at the end of input).
pub fn pick_run(
    pack: &Pack,
    store: &StateStore,
    text: &Text,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Option<(String, String)>, PlainError> {
    let students = Students::new(store, pack);
    let all = students.list();
    let runs: Vec<&RunSummary> = all.iter().filter(|r| !r.run.archived).collect();
    let mut lines = vec![fill(text.picker_title, &[("title", &pack.title)])];
    if runs.is_empty() {
        lines.push(text.plain_no_runs.into());
    }
    for (i, run) in runs.iter().enumerate() {
        lines.push(format!("{}. {}", i + 1, run.describe(text)));
    }
    if let Err(e) = students.writable() {
        lines.push(e.words(text));
    }
    lines.push(text.plain_pick.into());
    super::io::write_lines(out, &lines)?;
    let mut line = String::new();
    loop {
        if !super::io::next_line(input, &mut line)? {
            return Ok(None);
        }
        match choose(&line, &runs) {
            Choice::Quit => return Ok(None),
            Choice::Again => {
                writeln!(out, "{}", text.plain_pick).map_err(PlainError::Output)?;
            }
            Choice::Open(key) => {
                let name = all
                    .iter()
                    .find(|r| r.key == key)
                    .map(|r| r.run.name.clone());
                return Ok(Some((key, name.unwrap_or_default())));
            }
            Choice::NotAName(typed) => {
                let said = fill(text.plain_pick_not_a_name, &[("text", &typed)]);
                writeln!(out, "{said}").map_err(PlainError::Output)?;
            }
            Choice::Start(name) => {
                // An archived student's name is theirs still: it opens their checklist.
                if let Some(run) = find_run(&all, &name) {
                    return Ok(Some((run.key.clone(), run.run.name.clone())));
                }
                writeln!(out, "{}", fill(text.plain_pick_confirm, &[("name", &name)]))
                    .map_err(PlainError::Output)?;
                if !super::io::next_line(input, &mut line)? {
                    return Ok(None);
                }
                let yes = matches!(
                    line.trim().to_lowercase().as_str(),
                    "y" | "yes" | "o" | "oui"
                );
                if !yes {
                    writeln!(out, "{}", text.plain_pick).map_err(PlainError::Output)?;
                    continue;
                }
                match students.open_or_start(&name, None, crate::clock::now()) {
                    Ok(student) => return Ok(Some((student.key().to_string(), name))),
                    // Said, and asked again: nothing was started.
                    Err(e) => {
                        let said = [e.words(text), text.plain_pick.to_string()];
                        super::io::write_lines(out, &said)?;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Run;

    fn run(key: &str, name: &str) -> RunSummary {
        RunSummary {
            key: key.into(),
            run: Run {
                name: name.into(),
                created: jiff::Timestamp::UNIX_EPOCH,
                archived: false,
            },
            start: None,
            done: 0,
            total: 51,
        }
    }

    #[test]
    fn a_number_opens_a_name_opens_or_starts_q_quits() {
        let (a, b) = (run("alice", "Alice"), run("bob", "Bob"));
        let runs = [&a, &b];
        assert_eq!(choose("2\n", &runs), Choice::Open("bob".into()));
        assert_eq!(choose("3", &runs), Choice::NotAName("3".into()));
        assert_eq!(choose("  ", &runs), Choice::Again);
        assert_eq!(choose("ALICE", &runs), Choice::Open("alice".into()));
        assert_eq!(choose("Chloé\n", &runs), Choice::Start("Chloé".into()));
        assert_eq!(choose("q", &runs), Choice::Quit);
        // Never a student: `?`, a command letter, no letter at all.
        for not_a_name in ["?", "t", "s ", "-", "42", "#1"] {
            assert_eq!(
                choose(not_a_name, &runs),
                Choice::NotAName(not_a_name.trim().into()),
                "{not_a_name:?}"
            );
        }
    }
}
