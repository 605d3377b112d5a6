//! Plain mode's chooser: every checklist within reach as numbered lines, with how far
//! the mentor is in each, then a number to open one; Enter stays.

use std::io::{BufRead, Write};

use super::PlainError;
use crate::session::Shelved;
use crate::text::{Text, fill};

/// What a typed line asks of the chooser.
#[derive(Debug, PartialEq, Eq)]
enum Choice {
    Open(String),
    Stay,
    Again(String),
}

/// The checklists offered: every one within reach, the one open now, and why the list
/// may be short.
pub struct Offer<'a> {
    pub shelf: &'a [Shelved],
    pub current: &'a str,
    pub problem: Option<&'a str>,
}

fn choose(line: &str, chooser: &Offer<'_>) -> Choice {
    let line = line.trim();
    if line.is_empty() || line.eq_ignore_ascii_case("q") {
        return Choice::Stay;
    }
    let chosen = line.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
    match chosen.and_then(|i| chooser.shelf.get(i)) {
        Some(shelved) if shelved.id == chooser.current => Choice::Stay,
        Some(shelved) => Choice::Open(shelved.id.clone()),
        None => Choice::Again(crate::safe_text::printable(line, false).into_owned()),
    }
}

/// Lists the checklists and reads answers until one is chosen (its id) or the mentor
/// stays on this one (`None`, also at the end of input).
pub fn choose_checklist(
    chooser: &Offer<'_>,
    text: &Text,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Option<String>, PlainError> {
    let mut lines = vec![text.chooser_title.to_string()];
    lines.extend(chooser.problem.map(str::to_string));
    for (i, shelved) in chooser.shelf.iter().enumerate() {
        let mut line = fill(
            text.chooser_line,
            &[
                ("n", &(i + 1).to_string()),
                ("title", &shelved.title_words(text)),
                ("how_far", &shelved.how_far.words(text)),
            ],
        );
        if shelved.id == chooser.current {
            line = format!("{line} {}", text.chooser_current);
        }
        lines.push(line);
    }
    lines.push(text.plain_choose.into());
    super::io::write_lines(out, &lines)?;
    let mut line = String::new();
    loop {
        if !super::io::next_line(input, &mut line)? {
            return Ok(None);
        }
        match choose(&line, chooser) {
            Choice::Open(id) => return Ok(Some(id)),
            Choice::Stay => return Ok(None),
            Choice::Again(typed) => {
                let count = chooser.shelf.len().to_string();
                let said = fill(
                    text.plain_choose_again,
                    &[("text", &typed), ("count", &count)],
                );
                writeln!(out, "{said}").map_err(PlainError::Output)?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::HowFar;
    use crate::text::EN;

    fn chooser(shelf: &[Shelved]) -> Offer<'_> {
        Offer {
            shelf,
            current: "a",
            problem: None,
        }
    }

    fn shelf() -> Vec<Shelved> {
        let shelved = |id: &str| Shelved {
            id: id.into(),
            title: id.to_uppercase(),
            written_in: None,
            how_far: HowFar::Steps { done: 1, total: 2 },
        };
        vec![shelved("a"), shelved("b")]
    }

    #[test]
    fn a_number_opens_enter_stays_and_anything_else_is_asked_again() {
        let shelf = shelf();
        let chooser = chooser(&shelf);
        let mut out = Vec::new();
        let mut input: &[u8] = b"3\n?\nb\n2\n";
        let chosen = choose_checklist(&chooser, &EN, &mut input, &mut out).unwrap();
        assert_eq!(chosen, Some("b".into()));
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("1. A: 1 of 2 steps ticked (open now)\n2. B: 1 of 2"),
            "{out}"
        );
        assert_eq!(out.matches("is not in the list").count(), 3, "{out}");
        assert_eq!(choose("\n", &chooser), Choice::Stay);
        assert_eq!(choose("1", &chooser), Choice::Stay, "the one open now");
        assert_eq!(choose("q", &chooser), Choice::Stay);
        let mut empty: &[u8] = b"";
        let chosen = choose_checklist(&chooser, &EN, &mut empty, &mut Vec::new()).unwrap();
        assert_eq!(chosen, None, "the end of input stays");
    }
}
