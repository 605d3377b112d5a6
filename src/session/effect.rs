//! Work for the outside world, asked for by the core as data ([`Effect`]), and what came
//! of it ([`EffectResult`]). The `effects` module runs them; no front end does it its own way.

use crate::pack::url::UrlProblem;
use crate::progress::{Changes, State};

/// Work for the outside world, done by `effects`.
#[derive(Debug, Clone, PartialEq, Eq)]
// A handful a key, moved once: boxing the save's edits would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Effect {
    /// Write these edits to disk; `seq` numbers them for the [`EffectResult`] that follows.
    Save {
        seq: u64,
        changes: Changes,
    },
    OpenUrl(String),
    CopyUrl(String),
}

/// What came of an [`Effect`], told back to the core.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)]
pub enum EffectResult {
    Opened(String),
    /// Nothing could show a page here (no display); the URL is all we can give.
    NoBrowser(String),
    OpenFailed {
        url: String,
        error: String,
    },
    /// Not a link a browser may be handed (see `pack::url`).
    Refused {
        url: String,
        problem: UrlProblem,
    },
    Copied(String),
    CopyFailed {
        url: String,
        error: String,
    },
    /// Every save numbered up to `upto` is on disk. `merged` is the state written when
    /// it took in ticks made by another window, so the app can show them.
    Saved {
        upto: u64,
        merged: Option<State>,
    },
    /// Notes another window changed too: both texts were kept.
    NotesKept(Vec<crate::progress::KeptNote>),
    /// Saved, but the export could not be written to the shared folder (why).
    PublishFailed(String),
    /// Saves up to `upto` failed; their changes are retried with the next one.
    SaveFailed {
        upto: u64,
        error: String,
    },
}
