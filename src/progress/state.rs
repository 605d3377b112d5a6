//! The persisted progress of one mentor on one pack.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Version of the state file format; a file with a higher one is never overwritten.
pub const FORMAT_VERSION: u32 = 1;

/// Edits made by one session since its last save: an id ticked at a time, or
/// unticked (`None`). Saving applies them onto whatever is on disk, so two windows
/// on the same pack never undo each other's ticks.
pub type Changes = BTreeMap<String, Option<Timestamp>>;

/// What is saved: ticked ids with when they were ticked. Ticks whose id the pack no
/// longer has stay here untouched, so a pack update never loses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub format: u32,
    pub pack_id: String,
    /// The pack version this state was last used with.
    pub pack_version: String,
    #[serde(default)]
    pub ticks: BTreeMap<String, Timestamp>,
}

impl State {
    pub fn new(pack_id: &str, pack_version: &str) -> Self {
        State {
            format: FORMAT_VERSION,
            pack_id: pack_id.into(),
            pack_version: pack_version.into(),
            ticks: BTreeMap::new(),
        }
    }

    /// Replays `changes` on these ticks.
    pub fn apply(&mut self, changes: &Changes) {
        for (id, at) in changes {
            match at {
                Some(at) => self.ticks.insert(id.clone(), *at),
                None => self.ticks.remove(id),
            };
        }
    }
}
