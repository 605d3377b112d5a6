//! An imported pack written as YAML a manager can read and refine: comments saying
//! where each node comes from, long texts as blocks, every string quoted unless it is
//! plainly a word.

use std::fmt::Write as _;

use super::shape::Draft;
use crate::pack::{Contact, Kind, Level};

/// The pack's own fields, beside its stages.
pub struct Head<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub lang: &'a str,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub completion_message: Option<&'a str>,
    pub repeatable: bool,
    pub contact: Option<&'a Contact>,
}

/// The comments a manager reads, already in their language.
pub struct Notes<'a> {
    /// Lines at the top (without `# `).
    pub header: &'a [String],
    /// "line {line}": where in the Markdown a node comes from.
    pub line: &'a str,
    /// Above `renamed:`.
    pub renamed: &'a str,
}

pub fn write(
    head: &Head<'_>,
    stages: &[Draft],
    renamed: &[(String, String)],
    notes: &Notes<'_>,
) -> String {
    let mut out = String::new();
    for line in notes.header {
        let _ = writeln!(out, "# {line}");
    }
    out.push('\n');
    let _ = writeln!(out, "id: {}", scalar(head.id));
    let _ = writeln!(out, "version: {}", quoted(head.version));
    let _ = writeln!(out, "lang: {}", scalar(head.lang));
    let _ = writeln!(out, "title: {}", quoted(head.title));
    if let Some(source) = head.source {
        field(&mut out, 0, "source", source);
    }
    if let Some(message) = head.completion_message {
        field(&mut out, 0, "completion_message", message);
    }
    if head.repeatable {
        out.push_str("repeatable: true\n");
    }
    if let Some(contact) = head.contact {
        out.push_str("contact:\n");
        let _ = writeln!(out, "  name: {}", quoted(&contact.name));
        if let Some(email) = &contact.email {
            let _ = writeln!(out, "  email: {}", quoted(email));
        }
        if let Some(url) = &contact.url {
            let _ = writeln!(out, "  url: {}", quoted(url));
        }
    }
    out.push_str("stages:\n");
    for stage in stages {
        node(&mut out, stage, 1, notes.line);
    }
    if !renamed.is_empty() {
        let _ = writeln!(out, "\n# {}", notes.renamed);
        out.push_str("renamed:\n");
        for (old, new) in renamed {
            let _ = writeln!(out, "  {}: {}", scalar(old), scalar(new));
        }
    }
    out
}

fn node(out: &mut String, draft: &Draft, depth: usize, line_note: &str) {
    let pad = "  ".repeat(depth * 2 - 1);
    let inner = "  ".repeat(depth * 2);
    let from = crate::text::fill(line_note, &[("line", &draft.line.to_string())]);
    let _ = writeln!(out, "{pad}- id: {}  # {from}", scalar(&draft.id));
    let _ = writeln!(out, "{inner}title: {}", quoted(&draft.title));
    if draft.kind == Kind::Info {
        let _ = writeln!(out, "{inner}kind: info");
    }
    let level = inner.len();
    if let Some(details) = &draft.details {
        field(out, level, "details", details);
    }
    if !draft.links.is_empty() {
        let _ = writeln!(out, "{inner}links:");
        for link in &draft.links {
            let _ = writeln!(out, "{inner}  - label: {}", quoted(&link.label));
            let _ = writeln!(out, "{inner}    url: {}", quoted(&link.url));
        }
    }
    if let Some(warning) = &draft.warning {
        field(out, level, "warning", warning);
    }
    if let Some(note) = &draft.note {
        field(out, level, "note", note);
    }
    if let Some((days, after)) = &draft.due {
        let _ = writeln!(out, "{inner}due:");
        let _ = writeln!(out, "{inner}  days: {days}");
        if let Some(after) = after {
            let _ = writeln!(out, "{inner}  after: {}", quoted(after));
        }
    }
    if draft.children.is_empty() {
        return;
    }
    let key = match draft.children[0].level {
        Level::Part => "parts",
        _ => "items",
    };
    let _ = writeln!(out, "{inner}{key}:");
    for child in &draft.children {
        node(out, child, depth + 1, line_note);
    }
}

/// `key: value` at `indent` spaces: a block when the text runs over several lines.
fn field(out: &mut String, indent: usize, key: &str, text: &str) {
    let pad = " ".repeat(indent);
    if text.contains('\n') && blockable(text) {
        let _ = writeln!(out, "{pad}{key}: |-");
        for line in text.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}  {line}");
            }
        }
    } else {
        let _ = writeln!(out, "{pad}{key}: {}", quoted(text));
    }
}

/// Whether a literal block keeps `text` exactly: no leading space on its first line
/// that is not empty (YAML takes that line's indentation for the block's), no trailing
/// spaces, nothing but printable characters.
fn blockable(text: &str) -> bool {
    text.lines()
        .find(|line| !line.is_empty())
        .is_none_or(|line| !line.starts_with([' ', '\t']))
        && text.lines().all(|line| line == line.trim_end())
        && !text.ends_with('\n')
        && text.chars().all(|c| c == '\n' || c == '\t' || printable(c))
}

/// What YAML lets a file hold as it is (its "printable" set, less the line separators
/// and the byte-order mark, which readers take for something else).
fn printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// A YAML double-quoted scalar, every character outside YAML's printable set escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if printable(c) => out.push(c),
            c => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// An id or language code bare when YAML reads it back as the same string.
fn scalar(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !matches!(
            text,
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    if plain {
        text.to_string()
    } else {
        quoted(text)
    }
}
