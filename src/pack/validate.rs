//! Semantic checks that turn a parsed [`RawPack`] into a [`Pack`], collecting every problem.

mod circle;
mod conditions;
mod ids;

pub use conditions::{NO, YES, placeholder_names};
pub use ids::is_pack_id;

use std::collections::HashMap;

use serde_saphyr::Spanned;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::error::Problem;
use super::model::{Kind, Level, Node, Pack, Question};
use super::raw::{RawKind, RawNode, RawPack};

use crate::safe_text::printable;
use crate::text::{Text, fill};

/// Longest id accepted: ids are typed on command lines and used in file names.
pub const MAX_ID_LEN: usize = 64;
/// The furthest a step can be due: ten years.
pub const MAX_DUE_DAYS: u32 = 3650;

/// Limits against hostile or runaway packs, far above any real checklist; documented in
/// `content/README.md`. Titles are one screen line, details a few screens.
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

/// Checks `raw`, writing problems in the language of `t`.
pub fn validate(
    raw: RawPack,
    with_warnings: bool,
    t: &'static Text,
) -> Result<Validated, Vec<Problem>> {
    let mut v = Validator {
        with_warnings,
        t,
        nodes: Vec::new(),
        problems: Vec::new(),
        seen: HashMap::new(),
        too_many: false,
        warnings: Vec::new(),
        urls: HashMap::new(),
        pending: Vec::new(),
        waits_lines: HashMap::new(),
        questions: Vec::new(),
        placeholders: false,
    };
    v.pack_id(&raw.id);
    v.questions(raw.questions);
    v.non_empty(&raw.version, t.pv_version_empty);
    v.non_empty(&raw.lang, t.pv_lang_empty);
    v.non_empty(&raw.title, t.pv_title_empty);
    if raw.stages.value.is_empty() {
        v.problem(&raw.stages, t.pv_no_stages.into());
    }
    for stage in raw.stages.value {
        v.node(stage, Level::Stage, None, 0);
    }
    let renamed = v.renamed(raw.renamed);
    v.resolve_pending();
    let version = v.line(raw.version, "version", MAX_ID_LEN);
    let lang = v.line(raw.lang, "lang", MAX_ID_LEN);
    let title = v.line(raw.title, "title", MAX_TITLE_CHARS);
    let source = v.paragraph(raw.source, "source");
    let completion_message = v.paragraph(raw.completion_message, "completion_message");
    let contact = raw.contact.and_then(|contact| v.contact(contact));
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
            contact,
            questions: v.questions,
            placeholders: v.placeholders,
            fitted_from: None,
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

struct Validator {
    /// The language problems are written in.
    t: &'static Text,
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
    /// Ids named by `due: after:` and `waits_for:`, to resolve once every node is
    /// known, with where they were written.
    pending: Vec<(conditions::Pending, (u64, u64))>,
    /// Where each node's `waits_for:` was written, to point at a circle.
    waits_lines: HashMap<usize, (u64, u64)>,
    /// The pack's questions, read before its nodes.
    questions: Vec<Question>,
    /// Whether any text holds a placeholder, for [`Pack::placeholders`].
    placeholders: bool,
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
                    fill(self.t.pv_renamed_missing, &[("old", old), ("new", new)]),
                );
            }
            if let Some(&(line, _)) = self.seen.get(old) {
                self.problem(
                    &map,
                    fill(
                        self.t.pv_renamed_still,
                        &[("old", old), ("new", new), ("line", &line.to_string())],
                    ),
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
        let at = (value.referenced.line(), value.referenced.column());
        let chars = value.value.chars().count();
        if chars > max {
            self.problem(
                &value,
                fill(
                    self.t.pv_too_long,
                    &[
                        ("field", field),
                        ("chars", &chars.to_string()),
                        ("max", &max.to_string()),
                    ],
                ),
            );
        }
        // One form for every accented letter (NFC), so that "é" written as "e" + U+0301
        // looks, cuts and is found like the "é" typed on a keyboard.
        let text = if is_nfc(&value.value) {
            value.value
        } else {
            value.value.nfc().collect()
        };
        if self.with_warnings && super::template_texts().contains(&text) {
            let example = printable(&text, false).into_owned();
            let place = Problem {
                line: at.0,
                column: at.1,
                message: fill(self.t.pv_placeholder, &[("text", &example)]),
            };
            self.warnings.push(place);
        }
        if text.contains('{') {
            self.placeholders(&text, at);
        }
        match printable(&text, multiline) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(safe) => safe,
        }
    }

    fn node(&mut self, raw: RawNode, level: Level, parent: Option<usize>, depth: usize) {
        if self.nodes.len() >= MAX_NODES {
            if !self.too_many {
                self.too_many = true;
                self.problem(
                    &raw.id,
                    fill(self.t.pv_too_many_steps, &[("max", &MAX_NODES.to_string())]),
                );
            }
            return;
        }
        self.node_id(&raw.id);
        self.non_empty(&raw.title, self.t.pv_title_step_empty);
        let index = self.nodes.len();
        let id = printable(&raw.id.value, false).into_owned();
        let kind = match &raw.kind {
            Some(kind) if kind.value == RawKind::Info => {
                if !matches!(level, Level::Item | Level::SubItem) {
                    self.problem(kind, fill(self.t.pv_info_level, &[("id", &id)]));
                } else if raw
                    .items
                    .as_ref()
                    .is_some_and(|items| !items.value.is_empty())
                {
                    self.problem(kind, fill(self.t.pv_info_items, &[("id", &id)]));
                }
                if raw.details.is_none() {
                    self.problem(kind, fill(self.t.pv_info_details, &[("id", &id)]));
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
            self.warning(&raw.title, self.t.pv_only_title.into());
        }
        let due = self.due(raw.due.as_ref(), index, &id, kind);
        let when = self.when(raw.when);
        if let Some(waits) = raw.waits_for {
            let place = (waits.referenced.line(), waits.referenced.column());
            self.waits_lines.insert(index, place);
            let names = waits
                .value
                .into_iter()
                .map(|w| w.trim().to_string())
                .collect();
            self.pending
                .push((conditions::Pending::Waits(index, names), place));
        }
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
            when,
            waits_for: Vec::new(),
            hidden: false,
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
        let name = printable(&id.value, false).into_owned();
        match (level, parts, items) {
            (Level::Stage, Some(parts), None) if !parts.value.is_empty() => {
                Some((Level::Part, parts.value))
            }
            (Level::Stage | Level::Part, None, Some(items)) if !items.value.is_empty() => {
                Some((Level::Item, items.value))
            }
            (Level::Item, None, items) => items.map(|items| (Level::SubItem, items.value)),
            (Level::Stage, Some(parts), Some(_)) => {
                self.problem(&parts, fill(self.t.pv_parts_and_items, &[("id", &name)]));
                None
            }
            (Level::Stage | Level::Part, _, _) => {
                let template = if level == Level::Stage {
                    self.t.pv_no_steps_stage
                } else {
                    self.t.pv_no_steps
                };
                self.problem(id, fill(template, &[("id", &name)]));
                None
            }
            (Level::Item | Level::SubItem, Some(parts), _) => {
                self.problem(&parts, fill(self.t.pv_item_parts, &[("id", &name)]));
                None
            }
            (Level::SubItem, None, Some(items)) => {
                self.problem(&items, fill(self.t.pv_subitem_items, &[("id", &name)]));
                None
            }
            (Level::SubItem, None, None) => None,
        }
    }
}
