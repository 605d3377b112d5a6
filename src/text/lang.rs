//! Which catalogue speaks: the language asked for, the pack's, or the locale's.

use super::{Text, en, fr};

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &en::EN,
            Lang::Fr => &fr::FR,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language of a code such as `fr`, `en-GB` or a locale such as `fr_FR.UTF-8`;
    /// `None` for languages without a catalogue (and for `C`/`POSIX`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let language = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language of the user's locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set decides, as for every program that follows the locale.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|locale| Lang::from_code(&locale))
    }

    /// The interface language: `--lang`, then the mentor's locale (when ticklist speaks
    /// it), then the pack's `lang`, then English. A French mentor reading an English pack
    /// keeps a French interface.
    pub fn choose(cli: Option<Lang>, pack_lang: Option<&str>, locale: Option<Lang>) -> Lang {
        cli.or(locale)
            .or_else(|| pack_lang.and_then(Lang::from_code))
            .unwrap_or(Lang::En)
    }
}

/// The user's locale language, from the process environment.
pub fn locale_lang() -> Option<Lang> {
    Lang::from_locale(|name| std::env::var(name).ok())
}
