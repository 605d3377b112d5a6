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
    /// Asked once per checklist (per student's checklist in a repeatable pack): the
    /// answers decide which steps apply (`when:`), when some are due
    /// (`due: before: answer:<id>`) and fill `{answer:<id>}` in texts.
    #[serde(default)]
    pub questions: Vec<RawQuestion>,
}

/// A question asked once per checklist.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// `choice` (the default when `choices` are given), `yes-no`, `date` or `text`.
    #[serde(default)]
    #[schemars(with = "Option<RawQuestionKind>")]
    pub kind: Option<Spanned<RawQuestionKind>>,
    /// The answers to choose from, for a `choice` question.
    #[serde(default)]
    #[schemars(with = "Option<Vec<RawChoice>>")]
    pub choices: Option<Spanned<Vec<RawChoice>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RawQuestionKind {
    Choice,
    YesNo,
    Date,
    Text,
}

/// One answer to choose from: an id (what `when:` names) and its words.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub text: Spanned<String>,
}

/// The answers under which a node applies: one, or a list of them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RawAccepted {
    One(String),
    Many(Vec<String>),
    /// `yes` / `no` read by YAML as booleans.
    YesNo(bool),
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
    /// When the step is due: `days` after the run's start (`after: start`, the default),
    /// after a stage was completed (`after: stage:<stage id>`) or a step ticked
    /// (`after: step:<step id>`), or before an answered date (`before: answer:<id>`).
    #[serde(default)]
    #[schemars(with = "Option<RawDue>")]
    pub due: Option<Spanned<RawDue>>,
    /// Applies only under these answers, all of them: `{ billing: sole-trader }` or
    /// `{ billing: [sole-trader, company] }`.
    #[serde(default)]
    #[schemars(with = "Option<BTreeMap<String, RawAccepted>>")]
    pub when: Option<Spanned<BTreeMap<String, RawAccepted>>>,
    /// Ids of steps (or parts, stages) to settle before this one.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub waits_for: Option<Spanned<Vec<String>>>,
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
    /// `start`, `stage:<stage id>` or `step:<step id>` (counted from its tick).
    #[serde(default)]
    pub after: Option<String>,
    /// `answer:<id of a date question>`: due `days` before the date answered.
    #[serde(default)]
    pub before: Option<String>,
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
