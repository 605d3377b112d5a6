//! The YAML layout mistakes managers really make, found in the text itself when the
//! parser gives up (or reads something else than was meant): a key one or two spaces off
//! its siblings, a tab, a missing colon or space after it, a value that needs quotes. The
//! parser would say "missing field `title`" on the line above, or "did not find expected
//! key"; this says which line, what is wrong and how to fix it.

use crate::text::{Text, fill};

/// A mistake: where (1-based line and column) and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub line: u64,
    pub column: u64,
    pub message: String,
}

/// The pack format's keys: a word that is one of them is meant as a key.
const KEYS: &[&str] = &[
    "id",
    "version",
    "lang",
    "title",
    "source",
    "completion_message",
    "repeatable",
    "stages",
    "parts",
    "items",
    "details",
    "links",
    "label",
    "url",
    "warning",
    "note",
    "kind",
    "due",
    "days",
    "after",
    "renamed",
];

/// One line with content: its indentation, whether it starts a list item, its key and
/// whether a value follows the key on the same line.
struct Entry<'a> {
    number: usize,
    /// Column of the key (after `- ` for a list item), from 0.
    column: usize,
    /// Column of the `-`, for a list item.
    dash: Option<usize>,
    key: Option<&'a str>,
    /// Something after `key:` on the same line (a scalar, a flow collection).
    inline: bool,
}

/// The first layout mistake in `text`, if there is one the format lets us recognise.
pub fn diagnose(text: &str, t: &Text) -> Option<Mistake> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut block_scalar: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let indent = raw.len() - raw.trim_start_matches([' ', '\t']).len();
        let content = raw[indent..].trim_end();
        // The lines of a `|` or `>` block belong to their key, whatever they hold.
        if let Some(owner) = block_scalar {
            if content.is_empty() || indent > owner {
                continue;
            }
            block_scalar = None;
        }
        if content.is_empty() || content.starts_with('#') || content == "---" {
            continue;
        }
        if raw[..indent].contains('\t') {
            let column = raw.find('\t').unwrap_or(0) + 1;
            return Some(mistake(number, column, t.yl_tab.to_string()));
        }
        let (dash, rest, column) = match content.strip_prefix("- ") {
            Some(rest) => {
                let inner = rest.len() - rest.trim_start().len();
                (Some(indent), rest.trim_start(), indent + 2 + inner)
            }
            None if content == "-" => (Some(indent), "", indent + 2),
            None => (None, content, indent),
        };
        let key = rest
            .split_once(':')
            .map(|(k, _)| k.trim())
            .filter(|k| is_key(k) && !k.contains(' '));
        // A plain value may go on over lines indented deeper: those lines are its text.
        let continues = entries
            .last()
            .is_some_and(|p: &Entry| p.inline && p.key.is_some() && column > p.column);
        let format_key = key.is_some_and(|k| KEYS.contains(&k));
        if dash.is_none() && continues && !format_key {
            continue;
        }
        if let Some(found) = key_problem(number, column, rest, t) {
            return Some(found);
        }
        let value = rest.split_once(':').map_or("", |(_, v)| v.trim());
        if key.is_some() && (value.starts_with('|') || value.starts_with('>')) {
            block_scalar = Some(column);
        }
        entries.push(Entry {
            number,
            column,
            dash,
            key,
            inline: key.is_some() && !value.is_empty(),
        });
    }
    misaligned(&entries, text, t)
}

fn mistake(line: usize, column: usize, message: String) -> Mistake {
    Mistake {
        line: line as u64,
        column: column as u64,
        message,
    }
}

fn is_key(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// `title:Foo` (no space), `title Foo` (no colon), `title: Stage 1: before` (a colon in
/// a plain value): each on a known key of the format.
fn key_problem(number: usize, column: usize, rest: &str, t: &Text) -> Option<Mistake> {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '_')
        .collect();
    if !KEYS.contains(&word.as_str()) {
        return None;
    }
    let after = &rest[word.len()..];
    let at = column + word.len() + 1;
    if let Some(value) = after.strip_prefix(':') {
        if !value.is_empty() && !value.starts_with([' ', '\t']) {
            return Some(mistake(number, at, fill(t.yl_no_space, &[("key", &word)])));
        }
        let value = value.trim();
        let quoted = value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']);
        if !quoted && (value.contains(": ") || value.ends_with(':')) {
            let colon = value.find(':').unwrap_or(0);
            let column = column + word.len() + 2 + colon + 1;
            return Some(mistake(number, column, fill(t.yl_quote, &[("key", &word)])));
        }
        return None;
    }
    if after.starts_with(' ') && !after.trim().is_empty() {
        return Some(mistake(number, at, fill(t.yl_no_colon, &[("key", &word)])));
    }
    None
}

/// A key that is not at the column of its siblings: after a key with a value on its
/// line, the next key is a sibling (same column) or closes blocks (the column of an open
/// one); anything else is one or two spaces off.
fn misaligned(entries: &[Entry], text: &str, t: &Text) -> Option<Mistake> {
    // Columns of the mappings (and lists) open at this point, innermost last, with the
    // line that opened each.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut previous: Option<&Entry> = None;
    for entry in entries {
        let starts_block = previous.is_some_and(|p| p.key.is_some() && !p.inline);
        let column = entry.dash.unwrap_or(entry.column);
        if starts_block {
            let parent = open.last().map_or(0, |&(c, _)| c);
            if column > parent || entry.dash.is_some() {
                open.push((column, entry.number));
            }
        } else if let Some(&(current, _)) = open.last() {
            if column > current {
                let prev = previous?;
                return Some(off_by(entry, prev, &lines, t));
            }
            while open.last().is_some_and(|&(c, _)| c > column) {
                open.pop();
            }
            match open.last() {
                Some(&(c, _)) if c == column => {}
                _ => {
                    let sibling = entries
                        .iter()
                        .rev()
                        .filter(|e| e.number < entry.number)
                        .find(|e| e.column > column)?;
                    return Some(off_by(entry, sibling, &lines, t));
                }
            }
        } else {
            open.push((column, entry.number));
        }
        if let Some(dash) = entry.dash {
            // The item's own keys sit two columns right of its dash.
            if open.last().is_none_or(|&(c, _)| c != dash) {
                open.push((dash, entry.number));
            }
            open.push((entry.column, entry.number));
        }
        previous = Some(entry);
    }
    None
}

/// "`title` on line 36 is indented by 7 spaces where `id` on line 35 has 8".
fn off_by(entry: &Entry, sibling: &Entry, lines: &[&str], t: &Text) -> Mistake {
    let key = entry
        .key
        .map_or_else(|| first_word(lines, entry.number), str::to_string);
    let other = sibling
        .key
        .map_or_else(|| first_word(lines, sibling.number), str::to_string);
    let (mine, theirs) = (entry.dash.unwrap_or(entry.column), sibling.column);
    let values = [
        ("key", key.as_str()),
        ("spaces", &mine.to_string()),
        ("other", other.as_str()),
        ("other_line", &sibling.number.to_string()),
        ("other_spaces", &theirs.to_string()),
    ];
    mistake(entry.number, mine + 1, fill(t.yl_indent, &values))
}

fn first_word(lines: &[&str], number: usize) -> String {
    lines
        .get(number - 1)
        .map(|l| l.trim_start().trim_start_matches("- "))
        .and_then(|l| l.split([':', ' ']).next())
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests;
