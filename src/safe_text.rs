//! Making untrusted text safe to print: a pack (or an error quoting one) must never
//! be able to send escape sequences to the terminal.

use std::borrow::Cow;

/// Replaces every character a terminal could act on with a visible stand-in: C0
/// controls and DEL become their Unicode "control pictures" (ESC shows as `␛`), C1
/// controls and bidirectional overrides become `�`, tabs become a space. Newlines are
/// kept only with `keep_newlines`; otherwise they become a space too.
pub fn printable(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let safe = |c: char| !needs_replacing(c) || (keep_newlines && c == '\n');
    if text.chars().all(safe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| c != '\r')
            .map(|c| match c {
                c if safe(c) => c,
                '\t' | '\n' => ' ',
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('�'),
                '\u{7f}' => '␡',
                _ => '�',
            })
            .collect(),
    )
}

fn needs_replacing(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        assert!(matches!(
            printable("Étape 1 — « café »", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{1b}[2Jc\u{9b}31md\u{7f}\u{202e}e";
        let shown = printable(hostile, false);
        assert_eq!(shown, "a␛]52;c;aGk=␇b␛[2Jc�31md␡�e");
        assert!(!shown.chars().any(char::is_control));
    }

    #[test]
    fn newlines_are_kept_only_where_asked_and_tabs_become_spaces() {
        assert_eq!(printable("a\r\nb\tc", true), "a\nb c");
        assert_eq!(printable("a\r\nb\tc", false), "a b c");
    }
}
