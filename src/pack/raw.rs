//! The YAML shape of a pack, exactly as a manager writes it.
//!
//! Every value a semantic check may reject is `Spanned`, so the error can point at
//! the line and column where it was written.

use serde::Deserialize;
use serde_saphyr::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    pub lang: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    #[serde(default)]
    pub completion_message: Option<Spanned<String>>,
    pub stages: Spanned<Vec<RawNode>>,
    /// Ids a new version renamed, old → new, so that ticks follow them.
    #[serde(default)]
    pub renamed: Option<Spanned<std::collections::BTreeMap<String, String>>>,
}

/// One stage, part, item or sub-item: the level decides which children are allowed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub details: Option<Spanned<String>>,
    #[serde(default)]
    pub links: Vec<RawLink>,
    #[serde(default)]
    pub warning: Option<Spanned<String>>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
    #[serde(default)]
    pub parts: Option<Spanned<Vec<RawNode>>>,
    #[serde(default)]
    pub items: Option<Spanned<Vec<RawNode>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub label: Spanned<String>,
    pub url: Spanned<String>,
}
