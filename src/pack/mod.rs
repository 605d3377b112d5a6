//! Content packs: the YAML format, its validation, and the built-in pack.

mod answers;
mod builtin;
mod cache;
mod error;
mod fit;
mod generate;
mod layout;
mod model;
mod parser_words;
mod raw;
pub mod url;
mod validate;

use std::io::Read;
use std::path::Path;

use crate::safe_text::printable;
use crate::text::{EN, Text, fill};

pub use answers::{accepts, answer_words, parse_answer, read_date, takes};
pub use builtin::{BUILTIN_ID, BUILTINS, Builtin, builtin, find_builtin};
pub use cache::PackCache;
pub use error::{PackError, Problem};
#[cfg(test)]
pub(crate) use fit::QUESTIONS_PACK;
pub use fit::fit;
pub use generate::generate;
pub use model::{
    Choice, Condition, Contact, Due, DueAfter, Kind, Level, Link, Node, Pack, Question,
    QuestionKind,
};
pub use validate::{
    MAX_ID_LEN, MAX_LINKS, MAX_NODES, MAX_TEXT_CHARS, MAX_TITLE_CHARS, NO, Validated, YES,
    is_pack_id,
};

/// The JSON Schema of the pack format, generated from the types the loader reads, for
/// editors (e.g. yaml-language-server). Committed as `content/pack.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(raw::RawPack);
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}

/// The starter pack `ticklist pack new` writes, in `lang`, with `PACK_ID` for its id: its
/// guidance is in YAML comments, which mentors never see.
pub fn template(lang: crate::text::Lang) -> &'static str {
    match lang {
        crate::text::Lang::Fr => include_str!("../../content/template.fr.yaml"),
        crate::text::Lang::En => include_str!("../../content/template.en.yaml"),
    }
}

/// Every text of the starter packs: left in a pack, they are placeholders to replace.
fn template_texts() -> &'static std::collections::HashSet<String> {
    static TEXTS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut texts = std::collections::HashSet::new();
        for lang in [crate::text::Lang::Fr, crate::text::Lang::En] {
            let yaml = template(lang).replace("PACK_ID", "starter");
            // Loaded without warnings: this check does not run on the templates themselves.
            let Ok(pack) = load_str(&yaml, "template") else {
                continue;
            };
            for node in &pack.nodes {
                texts.insert(node.title.clone());
                texts.extend(node.details.iter().cloned());
                texts.extend(node.links.iter().map(|l| l.label.clone()));
            }
            texts.insert(pack.title);
            texts.extend(pack.completion_message);
        }
        texts
    })
}

/// Hard limits against hostile packs; a real checklist is far below them. The
/// others (steps, text lengths, links) are checked in validation.
pub const MAX_PACK_BYTES: usize = 16 * 1024 * 1024;

/// What the YAML parser may spend on one pack: no more nesting than the format
/// needs, and few aliases, so "billion laughs" bombs stop early.
fn budget() -> Option<serde_saphyr::Budget> {
    serde_saphyr::budget! {
        max_depth: 32,
        max_documents: 1,
        max_aliases: 1_000,
        max_anchors: 1_000,
        max_recorded_anchor_events: 100_000,
        max_recorded_anchor_bytes: MAX_PACK_BYTES,
        max_nodes: 4_000_000,
        max_events: 8_000_000,
        max_total_scalar_bytes: MAX_PACK_BYTES,
    }
}

/// Other YAML a manager hands in (a Markdown file's front matter), read within the
/// same limits as a pack.
pub fn read_yaml<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    let options = serde_saphyr::options! { budget: budget() };
    serde_saphyr::from_str_with_options(text, options).ok()
}

/// Loads and validates a pack file (problems in English).
pub fn load_file(path: &Path) -> Result<Pack, PackError> {
    load_file_in(path, &EN)
}

/// Loads and validates a pack file, problems written in the language of `t`.
pub fn load_file_in(path: &Path, t: &'static Text) -> Result<Pack, PackError> {
    read_file(path, false, t).map(|v| v.pack)
}

/// Loads a pack file for `ticklist validate`: the pack and its warnings (in English).
pub fn check_file(path: &Path) -> Result<Validated, PackError> {
    check_file_in(path, &EN)
}

/// The same, problems and warnings in the language of `t`.
pub fn check_file_in(path: &Path, t: &'static Text) -> Result<Validated, PackError> {
    read_file(path, true, t)
}

fn read_file(path: &Path, with_warnings: bool, t: &'static Text) -> Result<Validated, PackError> {
    let text = read_text(path, t)?;
    parse(&text, &path.display().to_string(), with_warnings, t)
}

/// A pack file's text, before it is parsed: at most [`MAX_PACK_BYTES`], UTF-8.
pub fn read_text(path: &Path, t: &'static Text) -> Result<String, PackError> {
    let io = |source| PackError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    // Read one byte past the limit: enough to know it is too big without reading 50 MB.
    let mut bytes = Vec::new();
    file.take(MAX_PACK_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    decode(bytes, &path.display().to_string(), t)
}

/// Downloaded or read bytes as pack text; `name` is how errors refer to the source.
pub fn decode(bytes: Vec<u8>, name: &str, t: &'static Text) -> Result<String, PackError> {
    check_size(bytes.len(), name, t)?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let (line, column) = position(&bytes[..at]);
        invalid(
            name,
            line,
            column,
            fill(t.pv_not_utf8, &[("at", &at.to_string())]),
        )
    })
}

/// Parses and validates pack text; `name` is how errors refer to the source.
pub fn load_str(text: &str, name: &str) -> Result<Pack, PackError> {
    load_str_in(text, name, &EN)
}

/// The same, problems written in the language of `t`.
pub fn load_str_in(text: &str, name: &str, t: &'static Text) -> Result<Pack, PackError> {
    parse(text, name, false, t).map(|v| v.pack)
}

fn parse(
    text: &str,
    name: &str,
    with_warnings: bool,
    t: &'static Text,
) -> Result<Validated, PackError> {
    check_size(text.len(), name, t)?;
    // Editors on Windows may start the file with a byte-order mark; it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // An address that gives a web page (a repository's page rather than the raw file).
    if text.trim_start().starts_with('<') {
        return Err(invalid(name, 1, 1, t.pv_web_page.to_string()));
    }
    let options = serde_saphyr::options! {
        budget: budget(),
        // Caught by the parser, a repeated key is reported where it is; left to serde it
        // would be an error without a location.
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
    };
    let raw: raw::RawPack = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        // The parser's words are about its grammar; a layout mistake a manager can fix
        // is said in theirs, at its own line.
        if let Some(mistake) = layout::diagnose(text, t) {
            return PackError::Syntax {
                line: mistake.line,
                column: mistake.column,
                rendered: format!("{}\n{}", located(name, text, &mistake), t.ym_first_only),
            };
        }
        let at = e.location();
        let words = parser_words::ParserWords::new(t);
        let Some(at) = at.filter(|l| l.line() >= 1) else {
            // Rare (found by fuzzing: a repeated key hidden behind a YAML tag): the parser
            // lost the place. Say so rather than invent one.
            return invalid(
                name,
                1,
                1,
                fill(
                    t.pv_unplaced,
                    &[("error", &printable(&e.to_string(), false))],
                ),
            );
        };
        let message = serde_saphyr::MessageFormatter::format_message(&words, &e).into_owned();
        // A field only the pack itself has is missing from the pack's first line, not
        // from where the parser noticed (its last key).
        let english = serde_saphyr::MessageFormatter::format_message(
            &serde_saphyr::DefaultMessageFormatter,
            &e,
        );
        let top = ["version", "stages", "lang"]
            .iter()
            .any(|field| english == format!("missing field `{field}`"));
        let (line, column) = match top {
            true => (first_line(text), 1),
            false => (at.line(), at.column()),
        };
        // One layout for every problem: `file:line:column: message`, then the line.
        let mistake = layout::Mistake {
            line,
            column,
            message,
        };
        PackError::Syntax {
            line,
            column,
            rendered: format!("{}\n{}", located(name, text, &mistake), t.ym_first_only),
        }
    })?;
    validate::validate(raw, with_warnings, t).map_err(|problems| PackError::Invalid {
        file: name.into(),
        problems,
    })
}

/// The number of the file's first line of content (after comments and blank lines).
fn first_line(text: &str) -> u64 {
    let skipped = text
        .lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .count();
    u64::try_from(skipped + 1).unwrap_or(1)
}

/// `file:line:column: message`, then the line itself with a caret under the column.
fn located(name: &str, text: &str, mistake: &layout::Mistake) -> String {
    let number = mistake.line.to_string();
    let source = text
        .lines()
        .nth(usize::try_from(mistake.line.saturating_sub(1)).unwrap_or(usize::MAX))
        .unwrap_or_default();
    let source = printable(source, false);
    let gutter = " ".repeat(number.len());
    let caret = " ".repeat(usize::try_from(mistake.column.saturating_sub(1)).unwrap_or(0));
    let message = printable(&mistake.message, false);
    format!(
        "{name}:{}:{}: {message}\n{gutter} |\n{number} | {source}\n{gutter} | {caret}^",
        mistake.line, mistake.column
    )
}

fn check_size(len: usize, name: &str, t: &Text) -> Result<(), PackError> {
    if len <= MAX_PACK_BYTES {
        return Ok(());
    }
    Err(invalid(
        name,
        1,
        1,
        fill(t.pv_too_big, &[("max", &MAX_PACK_BYTES.to_string())]),
    ))
}

fn invalid(name: &str, line: u64, column: u64, message: String) -> PackError {
    PackError::Invalid {
        file: name.into(),
        problems: vec![Problem {
            line,
            column,
            message,
        }],
    }
}

/// 1-based line and column just after `before`.
fn position(before: &[u8]) -> (u64, u64) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line as u64, column as u64)
}
