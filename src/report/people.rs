//! Who a row is about: the person id an export carries, else (an export from before
//! ids) its name, cleaned so that one name written three ways is one person.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Longest person id taken from an export; anything longer, or holding other than
/// letters, digits and `-`, is not an id ticklist made and is ignored.
const MAX_ID: usize = 64;

/// A name as a person reads it: NFC, trimmed, every run of spaces one space. "Zoé
/// Martin" in NFC, in NFD and with a trailing space is one name.
pub fn clean_name(name: &str) -> String {
    let nfc: String = name.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What exports are grouped by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "value")]
pub enum Person {
    /// The random id the mentor's ticklist made once.
    Id(String),
    /// An export without an id: its cleaned name.
    Name(String),
}

impl Person {
    /// The export's id when it is one, else its cleaned name.
    pub fn of(id: Option<&str>, name: &str) -> Person {
        match id.filter(|id| is_id(id)) {
            Some(id) => Person::Id(id.to_string()),
            None => Person::Name(clean_name(name)),
        }
    }

    /// The first characters of the id: enough to tell two namesakes apart on a page.
    pub fn short(&self) -> Option<&str> {
        match self {
            Person::Id(id) => id.get(..6).or(Some(id)),
            Person::Name(_) => None,
        }
    }
}

fn is_id(id: &str) -> bool {
    (1..=MAX_ID).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_written_three_ways_is_one_person() {
        let nfc = "Zo\u{e9} Martin";
        let nfd = "Zoe\u{301} Martin";
        let spaced = " Zo\u{e9}  Martin \t";
        assert_eq!(Person::of(None, nfd), Person::of(None, nfc));
        assert_eq!(Person::of(None, spaced), Person::of(None, nfc));
        assert_eq!(clean_name(nfd), nfc);
    }

    #[test]
    fn an_id_wins_over_the_name_and_a_foreign_one_is_ignored() {
        let id = Person::of(Some("3f2a9c1d00aa77ee"), "Marie");
        assert_eq!(id, Person::Id("3f2a9c1d00aa77ee".into()));
        assert_eq!(id.short(), Some("3f2a9c"));
        let hostile = Person::of(Some("\u{1b}]0;x\u{7}"), "Marie");
        assert_eq!(hostile, Person::Name("Marie".into()));
        assert_eq!(
            Person::of(Some(&"a".repeat(65)), "M"),
            Person::Name("M".into())
        );
    }
}
