//! Headings and steps fitted to a pack's tree: the heading levels that occur become
//! stages and parts, boxes items and sub-items, text details, quotes notes; what does
//! not fit is said (`Lost`) and kept as near as it can be.

use url::Url;

use super::lost::Lost;
use super::markdown::Found;
use super::outline::{Body, Section, Step};
use crate::cut::{Measure, cut};
use crate::pack::url::{UrlProblem, check};
use crate::pack::{Kind, Level, Link, MAX_LINKS, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::safe_text::readable_url;

/// A node of the pack being made, before its id is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub level: Level,
    pub kind: Kind,
    pub id: String,
    pub title: String,
    /// Where it comes from in the Markdown.
    pub line: usize,
    pub details: Option<String>,
    pub links: Vec<Link>,
    pub note: Option<String>,
    pub warning: Option<String>,
    /// Kept from the previous version of the pack: days, and `stage:<id>` when not after
    /// the start.
    pub due: Option<(u32, Option<String>)>,
    pub children: Vec<Draft>,
}

impl Draft {
    pub(super) fn new(level: Level, title: String, line: usize) -> Draft {
        Draft {
            level,
            kind: Kind::Step,
            id: String::new(),
            title,
            line,
            details: None,
            links: Vec::new(),
            note: None,
            warning: None,
            due: None,
            children: Vec::new(),
        }
    }

    /// How many nodes this subtree holds, itself included.
    pub fn count(&self) -> usize {
        1 + self.children.iter().map(Draft::count).sum::<usize>()
    }
}

/// Fits the sections of a document into stages.
pub struct Shaper<'a> {
    pub base: Option<&'a Url>,
    pub lost: &'a mut Vec<Lost>,
    /// Boxes found ticked, and the first one's line.
    pub ticked: (usize, usize),
    /// The title of a part holding a stage's steps that come before its first part.
    pub lead_part: &'a str,
}

impl Shaper<'_> {
    /// The stages of the pack: `sections[0]` is the top of the document (with the title
    /// heading's content, if any), the others the headings in order. Stages are the
    /// shallowest level that occurs, parts the next; deeper headings are parts too.
    pub fn stages(&mut self, mut sections: Vec<Section>, pack_title: &str) -> Vec<Draft> {
        let mut top = sections.remove(0);
        let mut levels: Vec<usize> = sections.iter().map(|s| s.level).collect();
        levels.sort_unstable();
        levels.dedup();
        let stage_level = levels.first().copied().unwrap_or(1);
        let part_level = levels.get(1).copied().unwrap_or(usize::MAX);
        let mut groups: Vec<(Section, Vec<Section>)> = Vec::new();
        for mut section in sections {
            if section.title.is_empty() {
                // `##` alone: the stage is the checklist's, the part a general one.
                section.title = if section.level == stage_level {
                    pack_title.to_string()
                } else {
                    self.lead_part.to_string()
                };
            }
            if section.level == stage_level {
                groups.push((section, Vec::new()));
                continue;
            }
            if section.level > part_level {
                self.lost.push(Lost::DeepHeading { line: section.line });
            }
            if groups.is_empty() {
                let stage = Section {
                    level: stage_level,
                    title: pack_title.to_string(),
                    line: section.line,
                    body: Body::default(),
                };
                groups.push((stage, Vec::new()));
            }
            if let Some((_, parts)) = groups.last_mut() {
                parts.push(section);
            }
        }
        if !top.body.steps.is_empty() {
            top.title = pack_title.to_string();
            groups.insert(0, (top, Vec::new()));
        } else if let Some((first, _)) = groups.first_mut() {
            // Words before the first heading introduce the first stage.
            let body = &mut first.body;
            let text = std::mem::take(&mut body.text);
            body.text = top.body.text.into_iter().chain(text).collect();
            body.links.splice(0..0, top.body.links);
            body.notes.splice(0..0, top.body.notes);
            body.warnings.splice(0..0, top.body.warnings);
        }
        groups
            .into_iter()
            .filter_map(|(stage, parts)| self.stage(stage, parts))
            .collect()
    }

    fn stage(&mut self, stage: Section, parts: Vec<Section>) -> Option<Draft> {
        if parts.is_empty() {
            return self.group(stage, Level::Stage);
        }
        let Section {
            title, line, body, ..
        } = stage;
        let mut draft = Draft::new(Level::Stage, title, line);
        let steps = self.texts(&mut draft, body);
        if !steps.is_empty() {
            // Steps before the stage's first part: a part of their own.
            let lead = Section {
                level: 0,
                title: self.lead_part.to_string(),
                line,
                body: Body {
                    steps,
                    ..Body::default()
                },
            };
            draft.children.extend(self.group(lead, Level::Part));
        }
        for part in parts {
            draft.children.extend(self.group(part, Level::Part));
        }
        self.filled(draft)
    }

    /// A stage without parts, or a part: its steps as items.
    fn group(&mut self, section: Section, level: Level) -> Option<Draft> {
        let Section {
            title, line, body, ..
        } = section;
        let mut draft = Draft::new(level, title, line);
        let steps = self.texts(&mut draft, body);
        draft.children = steps
            .into_iter()
            .map(|step| self.item(step, Level::Item))
            .collect();
        self.filled(draft)
    }

    /// A stage or part with steps as it is; without, what it says becomes a reference
    /// card in it; with nothing at all, it is left out (said).
    fn filled(&mut self, mut draft: Draft) -> Option<Draft> {
        if !draft.children.is_empty() {
            return Some(draft);
        }
        let says = draft.details.is_some()
            || !draft.links.is_empty()
            || draft.note.is_some()
            || draft.warning.is_some();
        if !says {
            self.lost.push(Lost::EmptyHeading { line: draft.line });
            return None;
        }
        let card = self.card_of(&mut draft);
        draft.children.push(card);
        Some(draft)
    }

    /// A reference card holding what `group` says (it has no steps of its own).
    fn card_of(&mut self, group: &mut Draft) -> Draft {
        let mut card = Draft::new(Level::Item, group.title.clone(), group.line);
        card.kind = Kind::Info;
        card.links = std::mem::take(&mut group.links);
        card.note = group.note.take();
        card.warning = group.warning.take();
        card.details = group.details.take().or_else(|| {
            let labels: Vec<String> = card.links.iter().map(|l| l.label.clone()).collect();
            let text = labels.join("\n");
            Some(if text.is_empty() {
                card.title.clone()
            } else {
                text
            })
        });
        card
    }

    /// A step as an item (its boxes sub-items) or a sub-item (boxes nested deeper
    /// follow it, said).
    fn item(&mut self, step: Step, level: Level) -> Draft {
        if step.ticked {
            if self.ticked.0 == 0 {
                self.ticked.1 = step.line;
            }
            self.ticked.0 += 1;
        }
        let mut draft = Draft::new(level, step.title, step.line);
        let steps = self.texts(&mut draft, step.body);
        for child in steps {
            if level == Level::Item {
                let sub = self.item(child, Level::SubItem);
                draft.children.push(sub);
            } else {
                self.lost.push(Lost::DeepBox { line: child.line });
                let mut sub = self.item(child, Level::SubItem);
                let deeper = std::mem::take(&mut sub.children);
                draft.children.push(sub);
                draft.children.extend(deeper);
            }
        }
        if level == Level::SubItem {
            // A sub-item holds no steps: its own (already flattened) come after it.
            return draft;
        }
        let mut flat = Vec::new();
        for mut child in std::mem::take(&mut draft.children) {
            let deeper = std::mem::take(&mut child.children);
            flat.push(child);
            flat.extend(deeper);
        }
        draft.children = flat;
        draft
    }

    /// Sets a node's texts from what its Markdown says, within the pack's limits, and
    /// gives back the steps under it.
    fn texts(&mut self, draft: &mut Draft, body: Body) -> Vec<Step> {
        let Body {
            text,
            links,
            notes,
            warnings,
            steps,
        } = body;
        let line = draft.line;
        let mut details = text.join("\n\n");
        if draft.title.chars().count() > MAX_TITLE_CHARS {
            // The whole line goes to the details; the title is its start.
            self.lost.push(Lost::Cut {
                line,
                max: MAX_TITLE_CHARS,
            });
            details = format!("{}\n\n{details}", draft.title).trim().to_string();
            draft.title = cut(&draft.title, MAX_TITLE_CHARS, Measure::Chars, '…').into_owned();
        }
        draft.details = self.paragraph(details, line);
        draft.note = self.paragraph(notes.join("\n\n"), line);
        draft.warning = self.paragraph(warnings.join("\n\n"), line);
        draft.links = self.links(links, line);
        steps
    }

    fn paragraph(&mut self, text: String, line: usize) -> Option<String> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            self.lost.push(Lost::Cut {
                line,
                max: MAX_TEXT_CHARS,
            });
            return Some(cut(text, MAX_TEXT_CHARS, Measure::Chars, '…').into_owned());
        }
        Some(text.to_string())
    }

    /// The links a pack can carry: resolved against `--base-url`, checked as a pack's
    /// are, each once, at most [`MAX_LINKS`].
    pub(super) fn links(&mut self, found: Vec<Found>, line: usize) -> Vec<Link> {
        let mut links: Vec<Link> = Vec::new();
        for found in found {
            let Some(url) = self.resolve(&found) else {
                continue;
            };
            if links.iter().any(|link| link.url == url) {
                continue;
            }
            if links.len() == MAX_LINKS {
                self.lost.push(Lost::TooManyLinks {
                    line,
                    max: MAX_LINKS,
                });
                break;
            }
            let label = found.label.trim();
            let label = if label.is_empty() || label == url || label == found.url {
                address_label(&url)
            } else {
                label.to_string()
            };
            links.push(Link {
                label: cut(&label, MAX_TITLE_CHARS, Measure::Chars, '…').into_owned(),
                url,
            });
        }
        links
    }

    fn resolve(&mut self, found: &Found) -> Option<String> {
        let written = found.url.trim();
        let line = found.line;
        let url = match Url::parse(written) {
            Ok(_) => written.to_string(),
            Err(url::ParseError::RelativeUrlWithoutBase) => match self.base {
                Some(base) => base.join(written).map(String::from).ok()?,
                None => {
                    self.lost.push(Lost::Relative {
                        line,
                        url: written.to_string(),
                    });
                    return None;
                }
            },
            Err(_) => {
                let problem = check(written).err().unwrap_or(UrlProblem::NoHost);
                self.lost.push(Lost::BadLink {
                    line,
                    url: written.to_string(),
                    problem,
                });
                return None;
            }
        };
        match check(&url) {
            Ok(()) => Some(url),
            Err(problem) => {
                self.lost.push(Lost::BadLink { line, url, problem });
                None
            }
        }
    }
}

/// A label for a link written as a bare address: the address without its scheme, as
/// people say it ("openclassrooms.slack.com").
fn address_label(url: &str) -> String {
    let readable = readable_url(url);
    let bare = readable
        .split_once("://")
        .map_or(readable.as_ref(), |(_, rest)| rest)
        .trim_end_matches('/');
    bare.strip_prefix("www.").unwrap_or(bare).to_string()
}
