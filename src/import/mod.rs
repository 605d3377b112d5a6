//! `ticklist pack import`: a Markdown checklist — an issue template, a wiki or handbook
//! page, a mentor's export — made into a pack that validates, written as commented YAML
//! for the manager to refine. With the previous version of the pack, steps keep their
//! ids (or get a `renamed:` entry), so a checklist kept in Markdown can be imported again
//! without losing a tick. Pure: the command reads and writes the files.

mod exported;
mod ids;
mod lost;
mod markdown;
mod matching;
mod outline;
mod shape;
mod yaml;

use serde::Deserialize;
use url::Url;

pub use exported::{Marker, marker_comment};
pub use ids::Assigned;
pub use lost::Lost;

use crate::pack::{self, Kind, MAX_NODES, Pack, PackError, find_builtin};
use crate::safe_text::printable;
use crate::text::{Lang, Text, fill};
use shape::{Draft, Shaper};

/// What the manager asked for, beside the Markdown itself.
pub struct Options<'a> {
    /// How the Markdown file is named in messages and in the pack's comments.
    pub file_name: &'a str,
    /// How the pack will be named (`ticklist validate …` in its comments).
    pub output_name: &'a str,
    /// The title when the document has none (the file name without extension).
    pub fallback_title: &'a str,
    pub id: Option<&'a str>,
    pub lang: Option<&'a str>,
    /// The manager's language: the pack's when nothing else says.
    pub manager_lang: &'a str,
    pub previous: Option<&'a Pack>,
    pub base_url: Option<&'a Url>,
}

/// The pack made, and what the manager should know about it.
pub struct Imported {
    pub yaml: String,
    pub pack: Pack,
    /// What could not be carried, by line.
    pub lost: Vec<Lost>,
    pub assigned: Assigned,
}

/// Why nothing could be made.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("no box or list item to make a step of")]
    NoSteps,
    #[error("{count} steps: a pack holds at most {max}")]
    TooMany { count: usize, max: usize },
    /// The pack made does not validate (an id given with `--id`, say).
    #[error("{0}")]
    Invalid(PackError),
}

impl ImportError {
    pub fn message(&self, t: &Text) -> String {
        match self {
            ImportError::NoSteps => t.imp_no_steps.into(),
            ImportError::TooMany { count, max } => fill(
                t.imp_too_many,
                &[("count", &count.to_string()), ("max", &max.to_string())],
            ),
            ImportError::Invalid(e) => e.message(t),
        }
    }
}

/// The front matter fields an import reads (GitHub issue templates have `name`,
/// `about`, `title`; other tools `title`, `description`, `lang`).
#[derive(Default, Deserialize)]
struct FrontMatter {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    about: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

/// A Markdown checklist as a pack, problems in the language of `t`.
pub fn import(
    markdown: &str,
    options: &Options<'_>,
    t: &'static Text,
) -> Result<Imported, ImportError> {
    let doc = markdown::read(markdown.strip_prefix('\u{feff}').unwrap_or(markdown));
    let mut lost = doc.lost;
    let front: FrontMatter = match &doc.front_matter {
        Some((yaml, line)) => pack::read_yaml(yaml).unwrap_or_else(|| {
            lost.push(Lost::FrontMatter { line: *line });
            FrontMatter::default()
        }),
        None => FrontMatter::default(),
    };
    let marker = exported::find(&doc.comments);
    for (comment, line) in &doc.comments {
        if !exported::is_marker(comment) {
            lost.push(Lost::Comment { line: *line });
        }
    }
    let previous = options.previous;
    let lang = options
        .lang
        .map(str::to_string)
        .or_else(|| previous.map(|p| p.lang.clone()))
        .or_else(|| non_empty(&front.lang))
        .or_else(|| written_in(markdown).map(str::to_string))
        .unwrap_or_else(|| options.manager_lang.to_string());
    // Words the pack itself says are in its own language.
    let pack_words = Lang::from_code(&lang).unwrap_or(Lang::En).text();
    let mut shaper = Shaper {
        base: options.base_url,
        lost: &mut lost,
        ticked: (0, 0),
        lead_part: pack_words.imp_lead_part,
    };
    let (title, mut stages) = match &marker {
        Some(marker) => {
            let stages = exported::stages(doc.pieces, marker, &mut shaper);
            (marker.title.clone(), stages)
        }
        None => {
            let boxes = outline::has_boxes(&doc.pieces);
            let mut sections = outline::sections(doc.pieces, boxes, shaper.lost);
            let heading = title_heading(&mut sections);
            let title = heading
                .or_else(|| non_empty(&front.title))
                .or_else(|| non_empty(&front.name))
                .unwrap_or_else(|| options.fallback_title.to_string());
            (title.clone(), shaper.stages(sections, &title))
        }
    };
    let ticked = shaper.ticked;
    if stages.is_empty() {
        return Err(ImportError::NoSteps);
    }
    let count: usize = stages.iter().map(Draft::count).sum();
    if count > MAX_NODES {
        return Err(ImportError::TooMany {
            count,
            max: MAX_NODES,
        });
    }
    let assigned = ids::assign(&mut stages, previous);
    if previous.is_some_and(asks_or_waits) {
        lost.push(Lost::Conditions);
    }
    if previous.is_none()
        && let Some(marker) = &marker
        && !marker.ids.is_empty()
        && !ids::keep(&mut stages, &marker.ids)
    {
        lost.push(Lost::IdsNotKept);
    }
    if marker.is_some() {
        complete_from(&mut stages, previous, &mut lost);
    } else if ticked.0 > 0 {
        lost.push(Lost::Ticked {
            line: ticked.1,
            count: ticked.0,
        });
    }
    lost.sort_by_key(Lost::line);
    lost.dedup();
    let id = options
        .id
        .map(str::to_string)
        .or_else(|| previous.map(|p| p.id.clone()))
        .or_else(|| marker.as_ref().map(|m| m.id.clone()))
        .unwrap_or_else(|| pack_id(&title, options.fallback_title));
    let about = non_empty(&front.about).or_else(|| non_empty(&front.description));
    let version = match (previous, &marker) {
        (Some(previous), _) => next_version(&previous.version),
        (None, Some(marker)) => marker.version.clone(),
        (None, None) => "1".to_string(),
    };
    let write = |version: &str| {
        let head = yaml::Head {
            id: &id,
            version,
            lang: &lang,
            title: &title,
            source: previous.and_then(|p| p.source.as_deref()),
            completion_message: previous.and_then(|p| p.completion_message.as_deref()),
            repeatable: previous.is_some_and(|p| p.repeatable),
            contact: previous.and_then(|p| p.contact.as_ref()),
        };
        let header = header(options, about.as_deref(), t);
        let notes = yaml::Notes {
            header: &header,
            line: t.imp_yaml_line,
            renamed: t.imp_yaml_renamed,
        };
        let text = yaml::write(&head, &stages, &assigned.renamed, &notes);
        let pack =
            pack::load_str_in(&text, options.output_name, t).map_err(ImportError::Invalid)?;
        Ok((text, pack))
    };
    let (mut text, mut pack) = write(&version)?;
    // Nothing changed since the previous version: it keeps its number.
    if let Some(previous) = previous
        && pack.nodes == previous.nodes
        && pack.title == previous.title
        && pack.renamed == previous.renamed
    {
        (text, pack) = write(&previous.version)?;
    }
    Ok(Imported {
        yaml: text,
        pack,
        lost,
        assigned,
    })
}

/// The language a checklist is plainly written in, by its commonest words: "fr", "en",
/// or `None` when too short or mixed to tell.
fn written_in(markdown: &str) -> Option<&'static str> {
    const FR: &[&str] = &[
        "le", "la", "les", "des", "du", "un", "une", "et", "pour", "vous", "votre", "vos", "est",
        "avec", "dans", "sur", "au", "aux", "à", "de",
    ];
    const EN: &[&str] = &[
        "the", "and", "to", "your", "you", "of", "for", "with", "is", "in", "on", "a", "an",
    ];
    let (mut fr, mut en) = (0usize, 0usize);
    for word in markdown.split(|c: char| !c.is_alphabetic()) {
        let word = word.to_lowercase();
        fr += usize::from(FR.contains(&word.as_str()));
        en += usize::from(EN.contains(&word.as_str()));
    }
    match (fr, en) {
        (fr, en) if fr >= 3 && fr > 2 * en => Some("fr"),
        (fr, en) if en >= 3 && en > 2 * fr => Some("en"),
        _ => None,
    }
}

fn non_empty(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
}

/// The document's title heading, taken out of `sections`: its first heading when it is
/// shallower than every other one ("# Onboarding" over "## Week 1"…). What it holds
/// joins the top of the document.
fn title_heading(sections: &mut Vec<outline::Section>) -> Option<String> {
    let first = sections.get(1)?;
    let alone = sections[2..].iter().all(|s| s.level > first.level);
    // A heading after the first steps is one of the checklist's, not its title.
    if !alone || !sections[0].body.steps.is_empty() {
        return None;
    }
    let heading = sections.remove(1);
    let top = &mut sections[0].body;
    top.text.extend(heading.body.text);
    top.links.extend(heading.body.links);
    top.notes.extend(heading.body.notes);
    top.warnings.extend(heading.body.warnings);
    top.steps.extend(heading.body.steps);
    Some(heading.title).filter(|t| !t.is_empty())
}

/// A pack id from the title (else the file name): a slug, never a built-in pack's id.
fn pack_id(title: &str, file: &str) -> String {
    let id = [ids::slug(title), ids::slug(file)]
        .into_iter()
        .find(|id| !id.is_empty())
        .unwrap_or_else(|| "checklist".to_string());
    if find_builtin(&id).is_some() {
        format!("{id}-2")
    } else {
        id
    }
}

/// The version after `version`: its last number plus one ("2026.11" → "2026.12",
/// "v3" → "v4", "1.9" → "1.10"), or ".1" added when it has no number.
pub fn next_version(version: &str) -> String {
    let end = version.rfind(|c: char| c.is_ascii_digit()).map(|i| i + 1);
    let Some(end) = end else {
        return format!("{version}.1");
    };
    let start = version[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let digits = &version[start..end];
    let next = match digits.parse::<u64>() {
        Ok(n) => format!("{:0width$}", n.saturating_add(1), width = digits.len()),
        Err(_) => format!("{digits}1"),
    };
    format!("{}{next}{}", &version[..start], &version[end..])
}

/// An export carries titles and links only: what the previous version says of each step
/// (details, notes, warnings, a card's answer) comes back from it.
fn complete_from(stages: &mut [Draft], previous: Option<&Pack>, lost: &mut Vec<Lost>) {
    for stage in stages {
        complete(stage, previous, lost);
    }
}

fn complete(draft: &mut Draft, previous: Option<&Pack>, lost: &mut Vec<Lost>) {
    let before = previous.and_then(|p| p.find(&draft.id).map(|i| &p.nodes[i]));
    if let Some(node) = before {
        draft.details = draft.details.take().or_else(|| node.details.clone());
        draft.note = draft.note.take().or_else(|| node.note.clone());
        draft.warning = draft.warning.take().or_else(|| node.warning.clone());
    }
    if draft.kind == Kind::Info && draft.details.is_none() {
        // Without its answer a card cannot be a card: a step to tick, said.
        lost.push(Lost::CardAnswer { line: draft.line });
        draft.kind = Kind::Step;
    }
    for child in &mut draft.children {
        complete(child, previous, lost);
    }
}

/// The comments at the top of the pack, in the manager's language.
fn header(options: &Options<'_>, about: Option<&str>, t: &Text) -> Vec<String> {
    let file = printable(options.file_name, false);
    let out = printable(options.output_name, false);
    let mut lines = vec![
        fill(t.imp_header_made, &[("file", &file)]),
        fill(t.imp_header_check, &[("out", &out)]),
        fill(t.imp_header_again, &[("out", &out), ("file", &file)]),
    ];
    if let Some(about) = about {
        lines.push(fill(
            t.imp_header_about,
            &[("text", &printable(about, false))],
        ));
    }
    lines
}

/// Whether `pack` asks questions or has what answers or other steps decide (`when:`,
/// `waits_for:`, a date before an answer): a Markdown import carries none of it.
fn asks_or_waits(pack: &Pack) -> bool {
    !pack.questions.is_empty()
        || pack.nodes.iter().any(|n| {
            !n.when.is_empty()
                || !n.waits_for.is_empty()
                || matches!(
                    n.due,
                    Some(crate::pack::Due {
                        after: crate::pack::DueAfter::Before(_),
                        ..
                    })
                )
        })
}

#[cfg(test)]
mod tests;
