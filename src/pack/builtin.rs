//! The packs compiled into the binary: the OpenClassrooms mentor checklist (French and
//! English, sharing every id and link, so one progress file serves both and ticks carry
//! over when a mentor switches language), the first-session guide and the handbook.

use super::{Pack, PackError, load_str};
use crate::text::Lang;

/// The default pack's id, known without parsing it (checked by a test).
pub const BUILTIN_ID: &str = "openclassrooms-mentor";

/// One built-in pack: its id and its translations (source, and how errors name it).
pub struct Builtin {
    pub id: &'static str,
    translations: &'static [(Lang, &'static str, &'static str)],
}

/// Every built-in pack, the default first.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        id: BUILTIN_ID,
        translations: &[
            (
                Lang::Fr,
                include_str!("../../content/openclassrooms-mentor.fr.yaml"),
                "<built-in>/openclassrooms-mentor.fr.yaml",
            ),
            (
                Lang::En,
                include_str!("../../content/openclassrooms-mentor.en.yaml"),
                "<built-in>/openclassrooms-mentor.en.yaml",
            ),
        ],
    },
    Builtin {
        id: "first-session",
        translations: &[(
            Lang::Fr,
            include_str!("../../content/first-session.fr.yaml"),
            "<built-in>/first-session.fr.yaml",
        )],
    },
    Builtin {
        id: "mentor-handbook",
        translations: &[
            (
                Lang::En,
                include_str!("../../content/mentor-handbook.en.yaml"),
                "<built-in>/mentor-handbook.en.yaml",
            ),
            (
                Lang::Fr,
                include_str!("../../content/mentor-handbook.fr.yaml"),
                "<built-in>/mentor-handbook.fr.yaml",
            ),
        ],
    },
];

impl Builtin {
    /// The pack in `lang`, or in its first language when it has no such translation.
    /// Built-in packs are checked by the test suite, so an error here is a build defect,
    /// still reported rather than panicking.
    pub fn load(&self, lang: Lang) -> Result<Pack, PackError> {
        let (yaml, name) = self.source(lang);
        load_str(yaml, name)
    }

    /// The YAML text and source name of the translation [`Builtin::load`] would use.
    pub fn source(&self, lang: Lang) -> (&'static str, &'static str) {
        let chosen = self
            .translations
            .iter()
            .find(|(l, _, _)| *l == lang)
            .or(self.translations.first());
        chosen.map_or(("", "<built-in>"), |&(_, yaml, name)| (yaml, name))
    }
}

/// The built-in pack with this id.
pub fn find_builtin(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}

/// The default pack in `lang`.
pub fn builtin(lang: Lang) -> Result<Pack, PackError> {
    BUILTINS[0].load(lang)
}
