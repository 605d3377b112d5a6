//! Text folded for matching, forgiving of case, accents and punctuation: the one rule
//! behind `/`, `ticklist search` and run names that must not collide. A leaf: it
//! imports nothing of the crate.

/// `text` folded for matching: lower case, accents dropped, every run of characters
/// that are not letters or digits made one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_combining_accent(c) {
            // "e" + U+0301 is "é" written in two: the accent goes, as it does from "é".
            continue;
        }
        if let Some(base) = unaccent(c) {
            out.push_str(base);
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            if !space {
                out.push(' ');
                space = true;
            }
            continue;
        }
        space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The combining diacritical marks (U+0300–U+036F) that decomposed text writes after
/// its letters.
fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The letter without its accent, for the accented Latin letters French and English
/// use (and their neighbours); `None` for any other character.
fn unaccent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// How many one-character edits turn `a` into `b`, two letters swapped counting as
/// one (the commonest slip: "Alcie" for "Alice"), for "did you mean".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // The rows of the two letters of `a` before the one being compared.
    let mut older: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let replace = last[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = (last[j] + 1).min(row[j - 1] + 1).min(replace);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(older[j - 2] + 1);
            }
            row[j] = best;
        }
        older = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// Text as an ASCII name part: folded (case, accents, "œ"), letters and digits kept,
/// every other run of characters one `-`, none at the ends, at most `max` characters.
/// Empty when nothing is left: the caller says what stands in.
pub fn slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(max);
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_ascii_words_joined_by_one_dash() {
        assert_eq!(slug("Élodie  N'Diaye", 40), "elodie-n-diaye");
        assert_eq!(
            slug("  --Créer son compte Zoom!--", 40),
            "creer-son-compte-zoom"
        );
        assert_eq!(slug("abc def", 4), "abc");
        assert_eq!(slug("日本", 40), "");
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("slack", "slack"), 0);
        assert_eq!(edit_distance("slack", "slak"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        // Two letters swapped are one slip.
        assert_eq!(edit_distance("alcie", "alice"), 1);
        assert_eq!(edit_distance("bbo", "bob"), 1);
        assert_eq!(edit_distance("", "bob"), 3);
        assert_eq!(edit_distance("bob", ""), 3);
    }

    #[test]
    fn folding_forgets_case_accents_and_punctuation() {
        assert_eq!(
            fold("Le fonctionnement des Évaluations !"),
            "le fonctionnement des evaluations"
        );
        assert_eq!(fold("no-show"), fold("No show"));
        assert_eq!(fold("L’article « Cœur »"), "l article coeur");
        assert_eq!(fold("  "), "");
        assert_eq!(fold("Straße 42"), "strasse 42");
        assert_eq!(
            fold("E\u{301}valuation re\u{301}sume\u{301}"),
            "evaluation resume"
        );
    }
}
