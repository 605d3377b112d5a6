//! The YAML shape of a pack, exactly as a manager writes it.
//!
//! Every value a semantic check may reject is `Spanned`, so the error can point at
//! the line and column where it was written.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A ticklist content pack (format v1): stages → (parts) → items → (sub-items), each
/// with a stable id. Rules beyond this shape: content/README.md; `ticklist validate`
/// checks them all.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ticklist content pack")]
pub struct RawPack {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub version: Spanned<String>,
    #[schemars(with = "String")]
    pub lang: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub completion_message: Option<Spanned<String>>,
    /// Whether the checklist is done again and again (once per student, say): each run
    /// has a name and its own progress.
    #[serde(default)]
    pub repeatable: bool,
    #[schemars(with = "Vec<RawNode>")]
    pub stages: Spanned<Vec<RawNode>>,
    /// Ids a new version renamed, old → new, so that ticks follow them.
    #[serde(default)]
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub renamed: Option<Spanned<BTreeMap<String, String>>>,
    /// Whom a mentor asks about a step (`m` in the app): a name, and an email address or a
    /// contact page.
    #[serde(default)]
    pub contact: Option<RawContact>,
}

/// The pack's contact: the mentorship manager, say.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// A contact page (a form), for a team without a mailbox of its own.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// One stage, part, item or sub-item: the level decides which children are allowed.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// `step` (the default: something to tick) or `info`: a reference card, its title a
    /// question and its `details` the answer, never ticked and left out of progress.
    #[serde(default)]
    #[schemars(with = "Option<RawKind>")]
    pub kind: Option<Spanned<RawKind>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub details: Option<Spanned<String>>,
    #[serde(default)]
    pub links: Vec<RawLink>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub warning: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    /// When the step is due: `days` after the run's start (`after: start`, the default)
    /// or after a stage was completed (`after: stage:<stage id>`).
    #[serde(default)]
    #[schemars(with = "Option<RawDue>")]
    pub due: Option<Spanned<RawDue>>,
    #[serde(default)]
    #[schemars(with = "Option<Vec<RawNode>>")]
    pub parts: Option<Spanned<Vec<RawNode>>>,
    #[serde(default)]
    #[schemars(with = "Option<Vec<RawNode>>")]
    pub items: Option<Spanned<Vec<RawNode>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDue {
    pub days: u32,
    /// `start` or `stage:<stage id>`.
    #[serde(default)]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawKind {
    Step,
    Info,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    #[schemars(with = "String")]
    pub label: Spanned<String>,
    #[schemars(with = "String")]
    pub url: Spanned<String>,
}
