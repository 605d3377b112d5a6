//! Tests of `mod`.

use super::*;

const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

/// The `{name}` placeholders of a message, sorted.
fn placeholders(message: &str) -> Vec<&str> {
    let mut names: Vec<&str> = message
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn every_message_exists_in_every_language_with_the_same_placeholders() {
    let reference = Lang::En.text().messages();
    for lang in ALL {
        let messages = lang.text().messages();
        assert_eq!(messages.len(), reference.len());
        for ((name, text), (_, english)) in messages.iter().zip(&reference) {
            assert!(!text.trim().is_empty(), "{lang:?}: `{name}` is empty");
            assert_eq!(text.trim(), *text, "{lang:?}: `{name}` has outer spaces");
            let (mut mine, mut theirs) = (placeholders(text), placeholders(english));
            if *name == "clap_template" {
                // clap's "Usage:" heading is English: other languages write their own.
                mine.retain(|p| *p != "usage-heading");
                theirs.retain(|p| *p != "usage-heading");
            }
            assert_eq!(
                mine, theirs,
                "{lang:?}: `{name}` has other placeholders than in English"
            );
        }
        assert!(lang.text().months.iter().all(|m| !m.is_empty()));
    }
}

#[test]
fn the_two_catalogues_are_translations_not_copies() {
    let same: Vec<&str> = Lang::En
        .text()
        .messages()
        .into_iter()
        .zip(Lang::Fr.text().messages())
        .filter(|((_, en), (_, fr))| {
            // Words outside placeholders: `{title} · {run}` is the same everywhere.
            let words: String = en
                .split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                .collect();
            en == fr && words.chars().any(char::is_alphabetic)
        })
        .map(|((name, _), _)| name)
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}

#[test]
fn dates_use_the_languages_month_names() {
    let at = jiff::civil::date(2026, 11, 22).at(9, 5, 0, 0);
    assert_eq!(Lang::Fr.text().date_time(at), "22 novembre 2026 à 09:05");
    assert_eq!(Lang::En.text().date_time(at), "22 November 2026 at 09:05");
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(
        fill(Lang::Fr.text().no_such_link, &[("n", "4"), ("count", "2")]),
        "Pas de lien n°4 : cette étape en a 2."
    );
    assert_eq!(placeholders("a {x} b {y}"), ["x", "y"]);
}

#[test]
fn languages_come_from_codes_and_locales() {
    assert_eq!(Lang::from_code("fr_FR.UTF-8"), Some(Lang::Fr));
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("EN"), Some(Lang::En));
    assert_eq!(Lang::from_code("de_DE.UTF-8"), None);
    assert_eq!(Lang::from_code("C"), None);
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        Lang::from_locale(env(&[("LANG", "fr_FR.UTF-8")])),
        Some(Lang::Fr)
    );
    // The first variable set decides, even when it names no catalogue.
    let c_first = env(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")]);
    assert_eq!(Lang::from_locale(c_first), None);
    let messages = env(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")]);
    assert_eq!(Lang::from_locale(messages), Some(Lang::En));
    assert_eq!(Lang::from_locale(env(&[("LANG", "")])), None);
}

#[test]
fn the_flag_beats_the_pack_which_beats_the_locale() {
    let fr = Some(Lang::Fr);
    assert_eq!(Lang::choose(Some(Lang::En), Some("fr"), fr), Lang::En);
    assert_eq!(Lang::choose(None, Some("en"), fr), Lang::En);
    assert_eq!(Lang::choose(None, Some("de"), fr), Lang::Fr);
    assert_eq!(Lang::choose(None, None, None), Lang::En);
}
