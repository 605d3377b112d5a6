//! `ticklist export --format ics`: the steps that have a due date, as all-day events a
//! calendar imports (RFC 5545), each with a reminder the day before and the step's link.
//! UIDs are made of the pack, the step and the run, so importing again updates the
//! events instead of adding copies. Settled steps are left out.
//!
//! Written here rather than with a calendar crate: the format needs only its escaping and
//! its line folding (below), where the crates of the field pull in a second date library.

use std::io::{self, Write};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::pack::Pack;
use crate::progress::{LeafState, Tracker, due_date, run_key};

/// Writes the calendar of `pack`'s due steps; `run` is the student's run, if any.
pub fn write_ics(
    out: &mut impl Write,
    pack: &Pack,
    tracker: &Tracker,
    run: Option<&str>,
    tz: &TimeZone,
    now: Timestamp,
) -> io::Result<()> {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let today = now.to_zoned(tz.clone()).date();
    let name = match run {
        Some(run) => format!("{} · {run}", pack.title),
        None => pack.title.clone(),
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        concat!(
            "PRODID:-//ticklist//ticklist ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        )
        .into(),
        "CALSCALE:GREGORIAN".into(),
        format!("X-WR-CALNAME:{}", escape(&name)),
    ];
    for index in (0..pack.nodes.len()).filter(|&i| pack.is_step(i)) {
        if tracker.leaf_state(pack, index) != LeafState::Todo {
            continue;
        }
        let Some(due) = due_date(pack, tracker, index, today, tz) else {
            continue;
        };
        let node = &pack.nodes[index];
        let Ok(next_day) = due.date.tomorrow() else {
            continue;
        };
        let run_part = run.map(|r| format!("-{}", run_key(r))).unwrap_or_default();
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}-{}{run_part}@ticklist", pack.id, node.id));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!(
            "DTSTART;VALUE=DATE:{}",
            due.date.strftime("%Y%m%d")
        ));
        lines.push(format!("DTEND;VALUE=DATE:{}", next_day.strftime("%Y%m%d")));
        lines.push(format!("SUMMARY:{}", escape(&node.title)));
        if let Some(details) = &node.details {
            lines.push(format!("DESCRIPTION:{}", escape(details)));
        }
        if let Some(link) = node.links.first() {
            lines.push(format!("URL:{}", link.url));
        }
        lines.push("BEGIN:VALARM".into());
        lines.push("ACTION:DISPLAY".into());
        lines.push(format!("DESCRIPTION:{}", escape(&node.title)));
        lines.push("TRIGGER:-P1D".into());
        lines.push("END:VALARM".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    for line in lines {
        out.write_all(fold(&line).as_bytes())?;
    }
    Ok(())
}

/// Text as a property value: backslash, semicolon, comma and line breaks escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a UTF-8 character), each
/// continuation starting with a space, every line ended by CRLF. Folds fall between two
/// characters that are not spaces where the line allows it: some readers trim the spaces
/// around a fold along with it.
fn fold(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let (mut start, mut first) = (0, true);
    while start < chars.len() {
        // The continuation's leading space counts in its 75 octets.
        let room = if first { 75 } else { 74 };
        let (mut end, mut used) = (start, 0);
        while end < chars.len() && used + chars[end].len_utf8() <= room {
            used += chars[end].len_utf8();
            end += 1;
        }
        if end < chars.len() {
            let safe = (start + 1..=end)
                .rev()
                .find(|&i| chars[i - 1] != ' ' && chars[i] != ' ');
            end = safe.filter(|&i| i > start).unwrap_or(end);
        }
        if !first {
            out.push(' ');
        }
        out.extend(&chars[start..end]);
        out.push_str("\r\n");
        start = end;
        first = false;
    }
    if chars.is_empty() {
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
        // No fold next to a space of the text.
        let spaced = format!("SUMMARY:{}", "mot ".repeat(40).trim_end());
        let folded = fold(&spaced);
        assert!(
            folded
                .split("\r\n")
                .all(|p| !p.ends_with(' ') && !p.starts_with("  ")),
            "{folded}"
        );
        assert_eq!(folded.replace("\r\n ", "").trim_end(), spaced);
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
