//! Tests of `mod`.

use super::*;

const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

/// The `{name}` placeholders of a message, sorted.
fn placeholders(message: &str) -> Vec<&str> {
    let mut names: Vec<&str> = message
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        // `{count:step|steps}` chooses words for `count`: the placeholder is `count`.
        .map(|inner| inner.split_once(':').map_or(inner, |(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
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
    // The first of a month, as each language writes it.
    let first = jiff::civil::date(2026, 11, 1);
    assert_eq!(Lang::Fr.text().date(first), "1er novembre 2026");
    assert_eq!(Lang::En.text().date(first), "1 November 2026");
}

/// Placeholders that hold a number of things.
const COUNTS: &[&str] = &["count", "done", "total", "failed", "dead", "moved"];

/// Words that may follow a number without agreeing with it: prepositions, units.
const UNAGREEING: &[&str] = &[
    "of",
    "sur",
    "de",
    "on",
    "for",
    "pour",
    "in",
    "dans",
    "en",
    "s",
    "MiB",
    "Mio",
    "bytes",
    "octets",
    // "3/24 done": the participle agrees with the steps counted, not with 24.
    "done",
    "settled",
    "faites",
    "réglées",
    "dead",
    "redirected",
    "renamed",
];

#[test]
fn numbers_agree_with_their_words_in_every_language() {
    for lang in ALL {
        for (name, text) in lang.text().messages() {
            assert!(
                !text.contains("(s)") && !text.contains("(es)"),
                "{lang:?}: `{name}` writes a plural as (s): {text}"
            );
            // Words of the trade a mentor need not know (a digest only where a manager
            // asked for one with `--sha256`).
            for jargon in ["OSC", "sha256", "parcours"] {
                let asked = jargon == "sha256" && text.contains("--sha256");
                assert!(
                    asked || !text.contains(jargon),
                    "{lang:?}: `{name}` says “{jargon}”: {text}"
                );
            }
            for count in COUNTS {
                for (at, _) in text.match_indices(&format!("{{{count}}} ")) {
                    let word: String = text[at + count.len() + 3..]
                        .chars()
                        .take_while(|c| c.is_alphabetic())
                        .collect();
                    assert!(
                        word.is_empty() || UNAGREEING.contains(&word.as_str()),
                        "{lang:?}: `{name}`: “{word}” after {{{count}}} has no singular and \
                         plural forms ({{{count}:…|…}}): {text}"
                    );
                }
            }
            // French words agree by the French rule (singular for 0 and 1).
            let english_rule = text.match_indices(':').any(|(at, _)| {
                let before = &text[..at];
                let name = before.rsplit('{').next().unwrap_or_default();
                COUNTS.contains(&name) && !before.ends_with("fr") && !text[at..].starts_with(":fr:")
            });
            assert!(
                lang != Lang::Fr || !english_rule,
                "Fr: `{name}` chooses its words by the English rule (write {{count:fr:…|…}}): {text}"
            );
        }
    }
}

#[test]
fn plural_forms_follow_each_languages_rule_and_french_elides() {
    let en = |n: &str| {
        fill(
            Lang::En.text().cli_ticked,
            &[("count", n), ("done", "1"), ("total", "24")],
        )
    };
    assert_eq!(en("1"), "ticked 1 step; 1/24 done");
    assert_eq!(en("0"), "ticked 0 steps; 1/24 done");
    let fr = |n: &str| {
        fill(
            Lang::Fr.text().cli_ticked,
            &[("count", n), ("done", "1"), ("total", "24")],
        )
    };
    assert_eq!(fr("0"), "0 tâche cochée ; 1/24 faite");
    assert_eq!(fr("1"), "1 tâche cochée ; 1/24 faite");
    assert_eq!(fr("2"), "2 tâches cochées ; 1/24 faite");
    let written = |who: &str| {
        fill(
            Lang::Fr.text().cli_export_written,
            &[("mentor", who), ("path", "p")],
        )
    };
    assert_eq!(written("Alice"), "progression d'Alice écrite dans p");
    assert_eq!(written("Élodie"), "progression d'Élodie écrite dans p");
    assert_eq!(written("Bob"), "progression de Bob écrite dans p");
    // A title that ends its own sentence takes the message's full stop.
    let ticked = |title: &str| fill(Lang::En.text().notice_ticked, &[("title", title)]);
    assert_eq!(ticked("Why join Slack?"), "Ticked: Why join Slack?");
    assert_eq!(ticked("Join Slack"), "Ticked: Join Slack.");
    // A value is never read as a template, and unknown placeholders stay.
    assert_eq!(fill("{a} {b}", &[("a", "{b}")]), "{b} {b}");
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(
        fill(Lang::Fr.text().no_such_link, &[("n", "4"), ("count", "2")]),
        "Pas de lien n°4 : cette tâche en a 2."
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
fn the_flag_beats_the_locale_which_beats_the_pack() {
    let fr = Some(Lang::Fr);
    assert_eq!(Lang::choose(Some(Lang::En), Some("fr"), fr), Lang::En);
    assert_eq!(
        Lang::choose(None, Some("en"), fr),
        Lang::Fr,
        "a French mentor, an English pack"
    );
    assert_eq!(
        Lang::choose(None, Some("fr"), None),
        Lang::Fr,
        "a locale ticklist does not speak"
    );
    assert_eq!(Lang::choose(None, Some("de"), None), Lang::En);
    assert_eq!(Lang::choose(None, None, None), Lang::En);
}

/// Every message filled with the same number everywhere, for 0, 1, 2 and 12: no
/// placeholder is left, and a singular number is never followed by a plural word
/// ("1 steps", "1 étapes", "0 tâches"), nor a plural one by the singular word.
#[test]
fn every_message_agrees_with_0_1_2_and_12_in_both_languages() {
    // Words after a number that end like plurals but are not (or take no plural).
    const NOT_PLURALS: &[&str] = &["sur", "fois", "mois", "plus", "box"];
    const NUMBERS: &[&str] = &[
        "count", "done", "total", "failed", "dead", "moved", "n", "days", "steps", "stages",
        "links", "cards", "mentors",
    ];
    let mut problems = Vec::new();
    for lang in ALL {
        for (name, text) in lang.text().messages() {
            if name == "clap_template" {
                continue;
            }
            let names = placeholders(text);
            let words_after = |n: &str| -> Vec<String> {
                // Numbers in the numbers' places, a word elsewhere.
                let values: Vec<(&str, &str)> = names
                    .iter()
                    .map(|p| (*p, if NUMBERS.contains(p) { n } else { "X" }))
                    .collect();
                let filled = fill(text, &values);
                assert!(
                    !filled.contains(&format!("{{{}", names.first().copied().unwrap_or("~"))),
                    "{lang:?}: `{name}` left a placeholder: {filled}"
                );
                filled
                    .match_indices(&format!("{n} "))
                    .filter(|(at, _)| {
                        !filled[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '.')
                    })
                    .map(|(at, _)| {
                        filled[at + n.len() + 1..]
                            .chars()
                            .take_while(|c| c.is_alphabetic())
                            .collect()
                    })
                    .collect()
            };
            let plural = |word: &str| {
                !NOT_PLURALS.contains(&word) && (word.ends_with('s') || word.ends_with('x'))
            };
            let singular_numbers: &[&str] = match lang {
                Lang::En => &["1"],
                Lang::Fr => &["0", "1"],
            };
            for n in singular_numbers {
                for word in words_after(n) {
                    if plural(&word) {
                        problems.push(format!("{lang:?}: `{name}` says “{n} {word}”: {text}"));
                    }
                }
            }
            // Where the words agree with the number, 2 and 12 take the plural.
            if text.contains(":fr:") || text.contains('|') {
                for (one, many) in words_after("1").iter().zip(words_after("12")) {
                    if one == &many && plural(&many) && !one.is_empty() {
                        problems.push(format!("{lang:?}: `{name}`: “{one}” for 1 and 12"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// In French, "étape" names the packs' stages ("Étape 1 : …"); a step to tick is a
/// "tâche". Counts of steps and a step's position never say "étape".
#[test]
fn french_counts_steps_as_taches_and_never_as_etapes() {
    for (name, text) in Lang::Fr.text().messages() {
        for (at, _) in text.match_indices(":fr:") {
            let chooser = text[..at].rsplit('{').next().unwrap_or_default();
            let forms = text[at..].split('}').next().unwrap_or_default();
            assert!(
                chooser == "stages" || !forms.contains("étape"),
                "`{name}` counts steps as étapes: {text}"
            );
        }
    }
    let fr = Lang::Fr.text();
    for (name, text) in [
        ("plain_position", fr.plain_position),
        ("tree_title", fr.tree_title),
        ("cli_valid", fr.cli_valid),
        ("md_steps", fr.md_steps),
        ("report_col_step", fr.report_col_step),
    ] {
        assert!(!text.to_lowercase().contains("étape"), "`{name}`: {text}");
    }
}

#[test]
fn a_skip_without_a_reason_has_no_colon_before_nothing() {
    assert_eq!(FR.not_applicable("déjà fait"), "sans objet : déjà fait");
    assert_eq!(FR.not_applicable(" "), "sans objet");
    assert_eq!(EN.not_applicable(""), "not applicable");
}
