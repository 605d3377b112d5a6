//! Semantic checks that turn a parsed [`RawPack`] into a [`Pack`], collecting every problem.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::error::Problem;
use super::model::{Due, DueAfter, Kind, Level, Link, Node, Pack};
use super::raw::{RawKind, RawLink, RawNode, RawPack};
use super::url;

use crate::safe_text::printable;

/// Longest id accepted: ids are typed on command lines and used in file names.
const MAX_ID_LEN: usize = 64;
/// Limits against hostile or runaway packs, far above any real checklist; documented in
/// `content/README.md`. Titles are one screen line, details a few screens.
/// The furthest a step can be due: ten years.
pub const MAX_DUE_DAYS: u32 = 3650;

pub const MAX_NODES: usize = 200_000;
pub const MAX_TITLE_CHARS: usize = 1_000;
pub const MAX_TEXT_CHARS: usize = 20_000;
pub const MAX_LINKS: usize = 50;

/// What validation found: the pack, and (when asked for) what is allowed but probably
/// unintended, for `ticklist validate` to print.
pub struct Validated {
    pub pack: Pack,
    pub warnings: Vec<Problem>,
}

pub fn validate(raw: RawPack, with_warnings: bool) -> Result<Validated, Vec<Problem>> {
    let mut v = Validator {
        with_warnings,
        ..Validator::default()
    };
    v.pack_id(&raw.id);
    v.non_empty(
        &raw.version,
        "the pack `version` is empty: write one, e.g. \"1.0\"",
    );
    v.non_empty(
        &raw.lang,
        "the pack `lang` is empty: write a language code, e.g. fr or en",
    );
    v.non_empty(
        &raw.title,
        "the pack `title` is empty: give the checklist a title",
    );
    if raw.stages.value.is_empty() {
        v.problem(
            &raw.stages,
            "the pack has no stages: add at least one entry under `stages:`".into(),
        );
    }
    for stage in raw.stages.value {
        v.node(stage, Level::Stage, None, 0);
    }
    let renamed = v.renamed(raw.renamed);
    v.resolve_due_stages();
    let version = v.line(raw.version, "version", MAX_ID_LEN);
    let lang = v.line(raw.lang, "lang", MAX_ID_LEN);
    let title = v.line(raw.title, "title", MAX_TITLE_CHARS);
    let source = v.paragraph(raw.source, "source");
    let completion_message = v.paragraph(raw.completion_message, "completion_message");
    if v.problems.is_empty() {
        v.warnings.sort_by_key(|p| (p.line, p.column));
        let pack = Pack {
            id: raw.id.value,
            version,
            lang,
            title,
            source,
            completion_message,
            repeatable: raw.repeatable,
            groups: (0..v.nodes.len())
                .filter(|&i| matches!(v.nodes[i].level, Level::Stage | Level::Part))
                .collect(),
            nodes: v.nodes,
            renamed,
        };
        Ok(Validated {
            pack,
            warnings: v.warnings,
        })
    } else {
        v.problems.sort_by_key(|p| (p.line, p.column));
        Err(v.problems)
    }
}

#[derive(Default)]
struct Validator {
    nodes: Vec<Node>,
    problems: Vec<Problem>,
    /// Where each id was first defined, to name both places in a duplicate error.
    seen: HashMap<String, (u64, u64)>,
    /// Set once the node limit is hit, so it is reported once.
    too_many: bool,
    /// Warnings cost time and memory on big packs: only `validate` asks for them.
    with_warnings: bool,
    warnings: Vec<Problem>,
    /// Where each URL was first linked, to point at repeats.
    urls: HashMap<String, u64>,
    /// `due: after: stage:<id>` to resolve once every stage is known: the node, the
    /// stage id and where it was written.
    due_stages: Vec<(usize, String, (u64, u64))>,
}

impl Validator {
    fn warning<T>(&mut self, at: &Spanned<T>, message: String) {
        if !self.with_warnings {
            return;
        }
        self.warnings.push(Problem {
            line: at.referenced.line(),
            column: at.referenced.column(),
            message,
        });
    }

    fn problem<T>(&mut self, at: &Spanned<T>, message: String) {
        self.problems.push(Problem {
            line: at.referenced.line(),
            column: at.referenced.column(),
            message,
        });
    }

    fn non_empty(&mut self, value: &Spanned<String>, message: &str) {
        if value.value.trim().is_empty() {
            self.problem(value, message.into());
        }
    }

    /// Points each `due: after: stage:<id>` at its stage, now that all are known.
    fn resolve_due_stages(&mut self) {
        for (node, stage, (line, column)) in std::mem::take(&mut self.due_stages) {
            let found = self
                .nodes
                .iter()
                .position(|n| n.id == stage && n.level == Level::Stage);
            match found {
                Some(index) => {
                    if let Some(due) = &mut self.nodes[node].due {
                        due.after = DueAfter::Stage(index);
                    }
                }
                None => self.problems.push(Problem {
                    line,
                    column,
                    message: format!("`due: after: stage:{stage}`: no stage has the id {stage:?}; name a stage of this pack"),
                }),
            }
        }
    }

    /// `renamed:` pairs: each new id must be in the pack and each old one gone from it.
    fn renamed(
        &mut self,
        renamed: Option<Spanned<std::collections::BTreeMap<String, String>>>,
    ) -> Vec<(String, String)> {
        let Some(map) = renamed else {
            return Vec::new();
        };
        for (old, new) in &map.value {
            if !self.seen.contains_key(new) {
                self.problem(
                    &map,
                    format!("`renamed: {old}: {new}`: no step has the id {new:?}; name an id of this pack"),
                );
            }
            if let Some(&(line, _)) = self.seen.get(old) {
                self.problem(
                    &map,
                    format!("`renamed: {old}: {new}`: {old:?} is still an id here (line {line}); a renamed id must be gone"),
                );
            }
        }
        map.value.into_iter().collect()
    }

    /// One-line text: checked against `max` characters, made safe to print.
    fn line(&mut self, value: Spanned<String>, field: &str, max: usize) -> String {
        self.text(value, field, max, false)
    }

    /// Optional multi-line text (details, callouts): same, keeping its line breaks.
    fn paragraph(&mut self, value: Option<Spanned<String>>, field: &str) -> Option<String> {
        value.map(|value| self.text(value, field, MAX_TEXT_CHARS, true))
    }

    fn text(&mut self, value: Spanned<String>, field: &str, max: usize, multiline: bool) -> String {
        let chars = value.value.chars().count();
        if chars > max {
            self.problem(
                &value,
                format!(
                    "`{field}` is {chars} characters long, more than the {max} allowed: shorten it"
                ),
            );
        }
        match printable(&value.value, multiline) {
            std::borrow::Cow::Borrowed(_) => value.value,
            std::borrow::Cow::Owned(safe) => safe,
        }
    }

    fn pack_id(&mut self, id: &Spanned<String>) {
        let ok = !id.value.is_empty()
            && id.value.len() <= MAX_ID_LEN
            && id
                .value
                .starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id.value.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')
            });
        if !ok {
            self.problem(
                id,
                format!(
                    "the pack id {:?} is not usable as a file name: use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit, at most {MAX_ID_LEN} characters",
                    id.value
                ),
            );
        }
    }

    fn node_id(&mut self, id: &Spanned<String>) {
        let value = &id.value;
        if value.trim().is_empty() {
            self.problem(
                id,
                "the id is empty: give this step a short stable id, e.g. `read-the-guide`".into(),
            );
            return;
        }
        if value.len() > MAX_ID_LEN
            || value.starts_with('-')
            || !value
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        {
            self.problem(
                id,
                format!(
                    "the id {value:?} is not a plain word: use letters, digits, '-', '_', '.' or ':' (no spaces, not starting with '-'), at most {MAX_ID_LEN} characters"
                ),
            );
        }
        let here = (id.referenced.line(), id.referenced.column());
        if let Some(&(line, column)) = self.seen.get(value) {
            self.problem(
                id,
                format!(
                    "duplicate id {value:?}, first used at line {line}, column {column}: ids must be unique in the pack, rename one of them"
                ),
            );
        } else {
            self.seen.insert(value.clone(), here);
        }
    }

    fn links(&mut self, links: Vec<RawLink>) -> Vec<Link> {
        if let Some(extra) = links.get(MAX_LINKS) {
            self.problem(
                &extra.url,
                format!("more than {MAX_LINKS} links on one step: split the step"),
            );
        }
        links
            .into_iter()
            .map(|link| {
                self.non_empty(
                    &link.label,
                    "the link `label` is empty: say what the link opens",
                );
                if let Err(why) = url::check(&link.url.value) {
                    self.problem(&link.url, format!("bad URL {:?}: {why}", link.url.value));
                }
                let label = link.label.value.trim();
                if label == link.url.value || label.starts_with("http://") || label.starts_with("https://") {
                    self.warning(
                        &link.label,
                        "the label is a bare URL: say what the link opens, e.g. \"Article: getting paid\"".into(),
                    );
                }
                if self.with_warnings {
                    let line = link.url.referenced.line();
                    match self.urls.get(&link.url.value) {
                        Some(&first) => self.warning(
                            &link.url,
                            format!(
                                "this URL is already linked at line {first}: is it the same step twice?"
                            ),
                        ),
                        None => {
                            self.urls.insert(link.url.value.clone(), line);
                        }
                    }
                }
                Link {
                    label: self.line(link.label, "label", MAX_TITLE_CHARS),
                    url: link.url.value,
                }
            })
            .collect()
    }

    fn node(&mut self, raw: RawNode, level: Level, parent: Option<usize>, depth: usize) {
        if self.nodes.len() >= MAX_NODES {
            if !self.too_many {
                self.too_many = true;
                self.problem(
                    &raw.id,
                    format!(
                        "the pack has more than {MAX_NODES} steps: split it into several packs"
                    ),
                );
            }
            return;
        }
        self.node_id(&raw.id);
        self.non_empty(
            &raw.title,
            "the `title` is empty: write the text of this step",
        );
        let index = self.nodes.len();
        let kind = match &raw.kind {
            Some(kind) if kind.value == RawKind::Info => {
                if !matches!(level, Level::Item | Level::SubItem) {
                    self.problem(kind, format!("{:?} is a stage or part: only items and sub-items can be `kind: info` cards", raw.id.value));
                } else if raw
                    .items
                    .as_ref()
                    .is_some_and(|items| !items.value.is_empty())
                {
                    self.problem(kind, format!("{:?} is a `kind: info` card and cannot hold `items`: a card is read, not broken into steps", raw.id.value));
                }
                if raw.details.is_none() {
                    self.problem(
                        kind,
                        format!(
                            "{:?} is a `kind: info` card without `details`: write its answer there",
                            raw.id.value
                        ),
                    );
                }
                Kind::Info
            }
            _ => Kind::Step,
        };
        let only_title = raw.details.is_none()
            && raw.links.is_empty()
            && raw.warning.is_none()
            && raw.note.is_none()
            && raw
                .items
                .as_ref()
                .is_none_or(|items| items.value.is_empty())
            // Sub-items are lines of a list their item introduces.
            && level == Level::Item
            && kind == Kind::Step;
        if only_title {
            self.warning(
                &raw.title,
                "this step has only a title: add `details` or a link so the mentor knows what to do".into(),
            );
        }
        let due = raw.due.as_ref().and_then(|due| {
            if kind == Kind::Info {
                self.problem(due, format!("{:?} is a `kind: info` card: a card is never due, drop its `due`", raw.id.value));
                return None;
            }
            if due.value.days > MAX_DUE_DAYS {
                self.problem(due, format!("`due: days: {}` is over {MAX_DUE_DAYS} (ten years): write a number of days", due.value.days));
            }
            let after = match due.value.after.as_deref().map(str::trim) {
                None | Some("start") => DueAfter::Start,
                Some(after) => match after.strip_prefix("stage:") {
                    Some(stage) => {
                        let place = (due.referenced.line(), due.referenced.column());
                        self.due_stages.push((index, stage.trim().to_string(), place));
                        DueAfter::Stage(0)
                    }
                    None => {
                        self.problem(due, format!("`due: after: {after}` is not a starting point: write `start` or `stage:<stage id>`"));
                        DueAfter::Start
                    }
                },
            };
            Some(Due {
                days: due.value.days,
                after,
            })
        });
        let node = Node {
            id: raw.id.value.clone(),
            level,
            kind,
            due,
            title: self.line(raw.title, "title", MAX_TITLE_CHARS),
            details: self.paragraph(raw.details, "details"),
            links: self.links(raw.links),
            warning: self.paragraph(raw.warning, "warning"),
            note: self.paragraph(raw.note, "note"),
            parent,
            depth,
            end: index + 1,
        };
        self.nodes.push(node);
        let children = self.children(&raw.id, level, raw.parts, raw.items);
        if let Some((child_level, nodes)) = children {
            for child in nodes {
                self.node(child, child_level, Some(index), depth + 1);
            }
        }
        self.nodes[index].end = self.nodes.len();
    }

    /// Which children this level may hold, reporting the ones it may not.
    fn children(
        &mut self,
        id: &Spanned<String>,
        level: Level,
        parts: Option<Spanned<Vec<RawNode>>>,
        items: Option<Spanned<Vec<RawNode>>>,
    ) -> Option<(Level, Vec<RawNode>)> {
        let name = &id.value;
        match (level, parts, items) {
            (Level::Stage, Some(parts), None) if !parts.value.is_empty() => {
                Some((Level::Part, parts.value))
            }
            (Level::Stage | Level::Part, None, Some(items)) if !items.value.is_empty() => {
                Some((Level::Item, items.value))
            }
            (Level::Item, None, items) => items.map(|items| (Level::SubItem, items.value)),
            (Level::Stage, Some(parts), Some(_)) => {
                self.problem(&parts, format!("stage {name:?} has both `parts` and `items`: put its items inside a part, or drop the parts"));
                None
            }
            (Level::Stage | Level::Part, _, _) => {
                self.problem(
                    id,
                    format!(
                        "{name:?} has no steps: give it a non-empty `items:` list{}",
                        if level == Level::Stage {
                            " (or `parts:`)"
                        } else {
                            ""
                        }
                    ),
                );
                None
            }
            (Level::Item | Level::SubItem, Some(parts), _) => {
                self.problem(&parts, format!("{name:?} is an item and cannot hold `parts`: parts belong directly under a stage"));
                None
            }
            (Level::SubItem, None, Some(items)) => {
                self.problem(&items, format!("{name:?} is a sub-item and cannot hold `items`: the tree stops at sub-items"));
                None
            }
            (Level::SubItem, None, None) => None,
        }
    }
}
