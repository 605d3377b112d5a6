//! The OpenClassrooms mentor checklist, compiled into the binary in French and English.
//! Both translations share every id and link (checked by a test), so one progress file
//! serves both and ticks carry over when a mentor switches language.

use super::{Pack, PackError, load_str};
use crate::text::Lang;

/// The built-in pack's id, known without parsing it (checked by a test).
pub const BUILTIN_ID: &str = "openclassrooms-mentor";

/// The built-in pack's source and how errors name it, per language.
pub fn builtin_source(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => (
            include_str!("../../content/openclassrooms-mentor.fr.yaml"),
            "<built-in>/openclassrooms-mentor.fr.yaml",
        ),
        Lang::En => (
            include_str!("../../content/openclassrooms-mentor.en.yaml"),
            "<built-in>/openclassrooms-mentor.en.yaml",
        ),
    }
}

/// The default pack in `lang`. It is checked by the test suite, so an error here is a
/// build defect, still reported rather than panicking.
pub fn builtin(lang: Lang) -> Result<Pack, PackError> {
    let (yaml, name) = builtin_source(lang);
    load_str(yaml, name)
}
