//! Semantic checks that turn a parsed [`RawPack`] into a [`Pack`], collecting every problem.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use super::error::Problem;
use super::model::{Level, Link, Node, Pack};
use super::raw::{RawLink, RawNode, RawPack};
use super::url;

/// Longest id accepted: ids are typed on command lines and used in file names.
const MAX_ID_LEN: usize = 64;

pub fn validate(raw: RawPack) -> Result<Pack, Vec<Problem>> {
    let mut v = Validator::default();
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
    if v.problems.is_empty() {
        Ok(Pack {
            id: raw.id.value,
            version: raw.version.value,
            lang: raw.lang.value,
            title: raw.title.value,
            source: raw.source,
            completion_message: raw.completion_message,
            groups: (0..v.nodes.len())
                .filter(|&i| matches!(v.nodes[i].level, Level::Stage | Level::Part))
                .collect(),
            nodes: v.nodes,
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
}

impl Validator {
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
                Link {
                    label: link.label.value,
                    url: link.url.value,
                }
            })
            .collect()
    }

    fn node(&mut self, raw: RawNode, level: Level, parent: Option<usize>, depth: usize) {
        self.node_id(&raw.id);
        self.non_empty(
            &raw.title,
            "the `title` is empty: write the text of this step",
        );
        let index = self.nodes.len();
        let links = self.links(raw.links);
        self.nodes.push(Node {
            id: raw.id.value.clone(),
            level,
            title: raw.title.value,
            details: raw.details,
            links,
            warning: raw.warning,
            note: raw.note,
            parent,
            depth,
            end: index + 1,
        });
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
