//! The YAML parser's own messages in the manager's language: serde-saphyr lets a
//! message formatter and a localizer word its errors, so the common ones ("missing
//! field", "unknown field", "did not find expected key", "at line 3, column 5") come from
//! the catalogue; a message the catalogue does not know stays as the parser wrote it.

use std::borrow::Cow;

use serde_saphyr::{
    DefaultMessageFormatter, Error, ExternalMessage, Localizer, Location, MessageFormatter,
};

use crate::text::{Text, fill};

/// The parser's words, in the language of `t`.
pub struct ParserWords {
    localizer: Words,
}

impl ParserWords {
    pub fn new(t: &'static Text) -> Self {
        ParserWords {
            localizer: Words(t),
        }
    }
}

struct Words(&'static Text);

impl MessageFormatter for ParserWords {
    fn localizer(&self) -> &dyn Localizer {
        &self.localizer
    }

    fn format_message<'a>(&self, err: &'a Error) -> Cow<'a, str> {
        let english = DefaultMessageFormatter.format_message(err);
        match translate(&english, self.localizer.0) {
            Some(said) => Cow::Owned(said),
            None => english,
        }
    }
}

impl Localizer for Words {
    fn attach_location<'a>(&self, base: Cow<'a, str>, loc: Location) -> Cow<'a, str> {
        if loc == Location::UNKNOWN {
            return base;
        }
        let (line, column) = (loc.line().to_string(), loc.column().to_string());
        let values = [
            ("base", base.as_ref()),
            ("line", &line),
            ("column", &column),
        ];
        Cow::Owned(fill(self.0.ym_at, &values))
    }

    fn snippet_location_prefix(&self, loc: Location) -> String {
        if loc == Location::UNKNOWN {
            return String::new();
        }
        let (line, column) = (loc.line().to_string(), loc.column().to_string());
        fill(
            self.0.ym_line_column,
            &[("line", &line), ("column", &column)],
        )
    }

    fn override_external_message<'a>(&self, msg: ExternalMessage<'a>) -> Option<Cow<'a, str>> {
        translate(msg.original, self.0).map(Cow::Owned)
    }
}

/// The catalogue's wording of an English parser message, if it knows it.
fn translate(english: &str, t: &Text) -> Option<String> {
    let quoted = |rest: &str| {
        rest.split_once('`')
            .map(|(name, after)| (name.to_string(), after.to_string()))
    };
    if let Some(rest) = english.strip_prefix("missing field `") {
        let (field, _) = quoted(rest)?;
        return Some(fill(t.ym_missing_field, &[("field", &field)]));
    }
    if let Some(rest) = english.strip_prefix("unknown field `") {
        let (field, after) = quoted(rest)?;
        let expected = after.split_once("expected one of ").map_or("", |(_, e)| e);
        // `titel`: did you mean `title`? The closest key allowed here, if one is close.
        // One edit for a short key, two for a longer one: `to` is not `id`.
        let most = if field.chars().count() <= 4 { 1 } else { 2 };
        let close = expected
            .split(", ")
            .map(|key| key.trim_matches('`'))
            .filter(|key| !key.is_empty())
            .map(|key| (crate::fold::edit_distance(key, &field), key))
            .filter(|(distance, _)| *distance <= most)
            .min();
        let values = [("field", field.as_str()), ("expected", expected)];
        return Some(match close {
            Some((_, key)) => fill(
                t.ym_unknown_field_close,
                &[values[0], values[1], ("close", key)],
            ),
            None => fill(t.ym_unknown_field, &values),
        });
    }
    if let Some(rest) = english.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return Some(fill(t.ym_duplicate_key, &[("key", key)]));
    }
    let number = ["u8", "u16", "u32", "u64", "usize", "i64"]
        .iter()
        .any(|kind| {
            english.contains(&format!("invalid {kind}"))
                || english.ends_with(&format!("expected {kind}"))
        });
    if number {
        return Some(t.ym_not_a_number.to_string());
    }
    let known = [
        ("did not find expected key", t.ym_expected_key),
        ("mapping values are not allowed", t.ym_mapping_values),
        (
            "found character that cannot start any token",
            t.ym_bad_character,
        ),
        ("did not find expected '-' indicator", t.ym_expected_dash),
        ("found a tab character", t.ym_tab),
        ("unexpected end of input", t.ym_end),
        ("unclosed quote", t.ym_unclosed_quote),
        ("expected mapping start", t.ym_not_a_mapping),
        ("expected sequence start", t.ym_not_a_list),
        ("budget breached: Depth", t.ym_too_deep),
        ("budget breached: Aliases", t.ym_too_many_aliases),
        ("budget breached", t.ym_too_big),
    ];
    known
        .iter()
        .find(|(words, _)| english.contains(words))
        .map(|(_, said)| said.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, FR};

    #[test]
    fn the_parsers_common_messages_are_worded_by_the_catalogue() {
        assert_eq!(
            translate("missing field `title`", &FR).as_deref(),
            Some("il manque le champ `title`")
        );
        assert_eq!(
            translate("unknown field `titel`, expected one of id, title", &FR).as_deref(),
            Some(
                "champ inconnu `titel` : vouliez-vous dire `title` ? (les champs possibles ici sont id, title)"
            )
        );
        assert_eq!(
            translate("missing field `title`", &EN).as_deref(),
            Some("missing field `title`")
        );
        assert_eq!(translate("something else entirely", &FR), None);
    }

    #[test]
    fn a_managers_yaml_slips_are_worded_with_what_to_change() {
        let said = |english: &str| translate(english, &FR).unwrap();
        assert_eq!(
            said("unknown field `titel`, expected one of `id`, `title`, `details`"),
            "champ inconnu `titel` : vouliez-vous dire `title` ? (les champs possibles ici \
             sont `id`, `title`, `details`)"
        );
        assert!(!said("unknown field `zzzzz`, expected one of `id`, `title`").contains("vouliez"));
        assert_eq!(
            said("duplicate mapping key: id, set DuplicateKeyPolicy in Options if acceptable"),
            "`id` est écrit deux fois dans ce bloc : n'en gardez qu'un"
        );
        for english in [
            "invalid u32",
            "invalid value: integer `-2`, expected u32",
            "unclosed quote",
            "expected sequence start",
            "budget breached: Depth { depth: 33 }",
            "budget breached: Aliases { aliases: 1001 }",
        ] {
            let said = said(english);
            for parser in ["u32", "quote", "sequence", "Depth", "budget", "Aliases"] {
                assert!(!said.contains(parser), "{said}");
            }
        }
    }
}
