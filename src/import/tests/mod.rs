//! Tests of `import`: real-world checklists (`templates.rs`), each rule of reading
//! (`reading.rs`), ids across versions (`versions.rs`), the YAML written (`writing.rs`).

mod reading;
mod templates;
mod versions;
mod writing;

use super::*;
use crate::pack::{Level, Node};
use crate::progress::{State, Tracker};
use crate::text::{EN, FR};

pub(super) fn options() -> Options<'static> {
    Options {
        file_name: "onboarding.md",
        output_name: "onboarding.yaml",
        fallback_title: "onboarding",
        id: None,
        lang: None,
        manager_lang: "en",
        previous: None,
        base_url: None,
    }
}

/// `markdown` imported again over `previous`, as `--previous` does.
pub(super) fn import_over(previous: &Pack, markdown: &str) -> Imported {
    let options = Options {
        previous: Some(previous),
        ..options()
    };
    import(markdown, &options, &EN).unwrap()
}

pub(super) fn import_en(markdown: &str) -> Imported {
    import(markdown, &options(), &EN).unwrap()
}

/// Each node as `level id "title"`, indented by depth: the tree at a glance.
pub(super) fn tree(pack: &Pack) -> Vec<String> {
    pack.nodes
        .iter()
        .map(|node| {
            let level = match node.level {
                Level::Stage => "stage",
                Level::Part => "part",
                Level::Item => "item",
                Level::SubItem => "sub",
            };
            let card = if node.kind == Kind::Info {
                " (card)"
            } else {
                ""
            };
            format!(
                "{}{level} {} {:?}{card}",
                "  ".repeat(node.depth),
                node.id,
                node.title
            )
        })
        .collect()
}

pub(super) fn node<'a>(pack: &'a Pack, id: &str) -> &'a Node {
    &pack.nodes[pack.find(id).unwrap_or_else(|| panic!("no node {id}"))]
}

pub(super) fn lost_lines(imported: &Imported) -> Vec<(usize, String)> {
    imported
        .lost
        .iter()
        .map(|lost| (lost.line(), lost.message(&EN)))
        .collect()
}

pub(super) fn github() -> &'static str {
    include_str!("../../../tests/fixtures/import/github-onboarding.md")
}
