//! The OpenClassrooms mentor checklist, compiled into the binary.

use super::{Pack, PackError, load_str};

/// How errors and `--help` name the built-in pack.
/// The built-in pack's id, known without parsing it (checked by a test).
pub const BUILTIN_ID: &str = "openclassrooms-mentor";

pub const BUILTIN_NAME: &str = "<built-in>/openclassrooms-mentor.fr.yaml";

pub const BUILTIN_YAML: &str = include_str!("../../content/openclassrooms-mentor.fr.yaml");

/// The default pack. It is checked by the test suite, so an error here is a build defect,
/// still reported rather than panicking.
pub fn builtin() -> Result<Pack, PackError> {
    load_str(BUILTIN_YAML, BUILTIN_NAME)
}
