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

/// A URL as a person reads it: percent-encoded letters decoded (`d%C3%A9couvrez` reads
/// `découvrez`). Only sequences that make non-ASCII characters are decoded; ASCII ones
/// (`%20`, `%2F`, `%3F`) keep their meaning and stay as they are, and a URL whose
/// decoded text would hold a control, bidirectional or invisible character is shown as it
/// is. For display only: the browser, the clipboard and files get the exact URL.
pub fn readable_url(url: &str) -> Cow<'_, str> {
    if !url.contains('%') {
        return printable(url, false);
    }
    let bytes = url.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) if byte >= 0x80 => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(decoded)
            if !decoded
                .chars()
                .any(|c| needs_replacing(c) || is_invisible(c)) =>
        {
            Cow::Owned(decoded)
        }
        _ => printable(url, false),
    }
}

/// Characters that show nothing, so that two different URLs could read the same.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{a0}' | '\u{ad}'
    )
}

/// Whether a terminal or an editor could act on `c`: controls, direction marks and overrides.
pub fn needs_replacing(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_read_decoded_but_never_hide_anything() {
        let url = "https://example.org/articles/1-Candidats-d%C3%A9couvrez-la-mission";
        assert_eq!(
            readable_url(url),
            "https://example.org/articles/1-Candidats-découvrez-la-mission"
        );
        // ASCII escapes keep their meaning.
        assert_eq!(
            readable_url("https://e.org/a%20b%2Fc?q=%3F"),
            "https://e.org/a%20b%2Fc?q=%3F"
        );
        // Not UTF-8, a bidi override, an invisible space: shown as they are.
        assert_eq!(readable_url("https://e.org/%FF"), "https://e.org/%FF");
        assert_eq!(
            readable_url("https://e.org/%E2%80%AEgpj"),
            "https://e.org/%E2%80%AEgpj"
        );
        assert_eq!(
            readable_url("https://e.org/a%E2%80%8Bb"),
            "https://e.org/a%E2%80%8Bb"
        );
        assert_eq!(
            readable_url("https://e.org/%C3"),
            "https://e.org/%C3",
            "cut short"
        );
    }

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
