//! The document as a checklist reads it: headings with what each holds (text, links,
//! notes, warnings) and the steps under them, steps nested as their boxes are.

use super::lost::Lost;
use super::markdown::{Found, ListItem, Piece};

/// What a heading, a step or the top of the document holds.
#[derive(Default)]
pub struct Body {
    /// Paragraphs, code and plain lists, in order.
    pub text: Vec<String>,
    pub links: Vec<Found>,
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
    pub steps: Vec<Step>,
}

/// A box (or, in a document without boxes, a list item).
pub struct Step {
    pub title: String,
    pub line: usize,
    pub ticked: bool,
    pub body: Body,
}

/// A heading and what comes under it until the next heading; level 0 is the top of the
/// document, before any heading.
pub struct Section {
    pub level: usize,
    pub title: String,
    pub line: usize,
    pub body: Body,
}

/// The sections in document order; `boxes` tells whether list items without a box are
/// steps (a document with no box at all) or text.
pub fn sections(pieces: Vec<Piece>, boxes: bool, lost: &mut Vec<Lost>) -> Vec<Section> {
    let mut sections = vec![Section {
        level: 0,
        title: String::new(),
        line: 1,
        body: Body::default(),
    }];
    for piece in pieces {
        match piece {
            Piece::Heading { level, text } => sections.push(Section {
                level,
                title: text.joined().replace('\n', " "),
                line: text.line,
                body: Body {
                    links: text.links,
                    ..Body::default()
                },
            }),
            piece => {
                if let Some(section) = sections.last_mut() {
                    absorb(&mut section.body, vec![piece], boxes, lost);
                }
            }
        }
    }
    sections
}

/// Whether the document has at least one box.
pub fn has_boxes(pieces: &[Piece]) -> bool {
    pieces.iter().any(|piece| match piece {
        Piece::List(items) => items
            .iter()
            .any(|item| item.task.is_some() || has_boxes(&item.pieces)),
        Piece::Quote { pieces, .. } => has_boxes(pieces),
        _ => false,
    })
}

/// Adds `pieces` to `body`: boxes as steps, the rest as its text.
fn absorb(body: &mut Body, pieces: Vec<Piece>, boxes: bool, lost: &mut Vec<Lost>) {
    for piece in pieces {
        match piece {
            Piece::Para(text) if is_quick_actions(&text.joined()) => {
                lost.push(Lost::QuickAction { line: text.line });
            }
            Piece::Para(text) | Piece::Heading { text, .. } => {
                let words = text.joined();
                body.links.extend(text.links);
                match warning_text(&words) {
                    Some(warning) => body.warnings.push(warning.to_string()),
                    None if !words.is_empty() => body.text.push(words),
                    None => {}
                }
            }
            Piece::List(items) => {
                let mut lines = Vec::new();
                list(body, items, boxes, 0, &mut lines, lost);
                if !lines.is_empty() {
                    body.text.push(lines.join("\n"));
                }
            }
            Piece::Quote { warning, pieces } => {
                let mut quoted = Body::default();
                absorb(&mut quoted, pieces, boxes, lost);
                body.links.append(&mut quoted.links);
                body.steps.append(&mut quoted.steps);
                body.warnings.append(&mut quoted.warnings);
                // A quote in the quote is part of it.
                let words = quoted
                    .text
                    .into_iter()
                    .chain(quoted.notes)
                    .collect::<Vec<_>>()
                    .join("\n");
                if words.is_empty() {
                    continue;
                }
                match warning_text(&words) {
                    Some(text) => body.warnings.push(text.to_string()),
                    None if warning => body.warnings.push(words),
                    None => body.notes.push(words),
                }
            }
            Piece::Code(code) if !code.is_empty() => body.text.push(code),
            Piece::Table(rows) if !rows.is_empty() => body.text.push(rows.join("\n")),
            Piece::Html(text) if !text.is_empty() => body.text.push(text),
            Piece::Code(_) | Piece::Table(_) | Piece::Html(_) => {}
        }
    }
}

/// The items of a list: steps into `body.steps`, plain items as `• ` lines of text
/// (indented as they are nested).
fn list(
    body: &mut Body,
    items: Vec<ListItem>,
    boxes: bool,
    indent: usize,
    lines: &mut Vec<String>,
    lost: &mut Vec<Lost>,
) {
    for item in items {
        if item.task.is_some() || !boxes {
            match step(item, boxes, lost) {
                Ok(step) => body.steps.push(step),
                Err(mut under) => body.steps.append(&mut under),
            }
            continue;
        }
        let mut pieces = item.pieces.into_iter().peekable();
        if let Some(Piece::Para(_)) = pieces.peek()
            && let Some(Piece::Para(text)) = pieces.next()
        {
            lines.push(format!("{}• {}", "  ".repeat(indent), text.joined()));
            body.links.extend(text.links);
        }
        for piece in pieces {
            match piece {
                Piece::List(inner) => list(body, inner, boxes, indent + 1, lines, lost),
                piece => {
                    let mut inner = Body::default();
                    absorb(&mut inner, vec![piece], boxes, lost);
                    lines.extend(inner.text);
                    body.links.append(&mut inner.links);
                    body.notes.append(&mut inner.notes);
                    body.warnings.append(&mut inner.warnings);
                    body.steps.append(&mut inner.steps);
                }
            }
        }
    }
}

/// A list item as a step: its first line the title, the rest its body. An empty box is
/// said; its text's first line becomes its title, or without text the steps under it
/// take its place (`Err`).
fn step(item: ListItem, boxes: bool, lost: &mut Vec<Lost>) -> Result<Step, Vec<Step>> {
    let mut pieces = item.pieces.into_iter().peekable();
    let mut body = Body::default();
    let mut title = String::new();
    if let Some(Piece::Para(_)) = pieces.peek()
        && let Some(Piece::Para(text)) = pieces.next()
    {
        title = text.first.clone();
        body.links.extend(text.links);
        match warning_text(&text.rest) {
            Some(warning) => body.warnings.push(warning.to_string()),
            None if !text.rest.is_empty() => body.text.push(text.rest),
            None => {}
        }
    }
    absorb(&mut body, pieces.collect(), boxes, lost);
    if title.is_empty() {
        lost.push(Lost::EmptyBox { line: item.line });
        if body.text.is_empty() {
            return Err(body.steps);
        }
        title = body.text.remove(0).replace('\n', " ");
    }
    Ok(Step {
        title,
        line: item.line,
        ticked: item.task == Some(true),
        body,
    })
}

/// Whether every line is a GitLab quick action (`/label ~onboarding`, `/assign @me`).
fn is_quick_actions(text: &str) -> bool {
    text.lines().all(|line| {
        line.strip_prefix('/').is_some_and(|rest| {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            !word.is_empty() && rest[word.len()..].chars().next().is_none_or(|c| c == ' ')
        })
    })
}

/// The text of a warning — "Warning: …", "Attention : …", "⚠ …" — without its mark;
/// `None` for other text.
pub fn warning_text(text: &str) -> Option<&str> {
    let text = text.trim_start();
    if let Some(rest) = text.strip_prefix('⚠') {
        let rest = rest.trim_start_matches('\u{fe0f}');
        return Some(strip_colon(rest));
    }
    let word_end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    let word = text[..word_end].to_lowercase();
    let marks = ["warning", "attention", "caution", "avertissement"];
    if !marks.contains(&word.as_str()) {
        return None;
    }
    let rest = &text[word_end..];
    // "Attention : …", "Warning! …", "Warning — …": the mark must be set apart.
    let rest_trimmed = rest.trim_start();
    if rest.is_empty() || rest_trimmed.starts_with([':', '!', '—', '-']) {
        Some(strip_colon(rest))
    } else {
        None
    }
}

fn strip_colon(rest: &str) -> &str {
    rest.trim_start()
        .trim_start_matches([':', '!', '—', '-'])
        .trim_start()
}
