//! Text cut to fit, an ellipsis where it was cut: one rule for the screen's columns, a
//! mail's length and a pack's limits. Cuts fall between graphemes, so an accent stays
//! on its letter and a family emoji is never split.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

/// What a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Terminal columns: a wide character counts two, a combining accent none.
    Columns,
    /// Characters, as a pack's limits and a link's length count them.
    Chars,
}

impl Measure {
    fn of(self, text: &str) -> usize {
        match self {
            Measure::Columns => text.width(),
            Measure::Chars => text.chars().count(),
        }
    }
}

/// The start of `text` within `max`, its last place the ellipsis; `text` itself
/// when it fits.
pub fn cut(text: &str, max: usize, measure: Measure, ellipsis: char) -> Cow<'_, str> {
    if measure.of(text) <= max {
        return Cow::Borrowed(text);
    }
    let mut used = 1;
    let kept: String = text
        .graphemes(true)
        .take_while(|g| {
            used += measure.of(g);
            used <= max
        })
        .collect();
    Cow::Owned(if max == 0 {
        String::new()
    } else {
        format!("{kept}{ellipsis}")
    })
}

/// The end of `text` within `max`, its first place the ellipsis (a typed line longer
/// than the screen shows where the typing is); `text` itself when it fits.
pub fn cut_start(text: &str, max: usize, measure: Measure, ellipsis: char) -> Cow<'_, str> {
    if measure.of(text) <= max {
        return Cow::Borrowed(text);
    }
    let mut used = 1;
    let mut kept: Vec<&str> = text
        .graphemes(true)
        .rev()
        .take_while(|g| {
            used += measure.of(g);
            used <= max
        })
        .collect();
    kept.reverse();
    Cow::Owned(if max == 0 {
        String::new()
    } else {
        format!("{ellipsis}{}", kept.concat())
    })
}

/// `text` within `max`, cut in the middle: its start, the ellipsis, its end (two
/// titles that begin alike still read apart); `text` itself when it fits, and its
/// start when `max` is too small for both ends.
pub fn cut_middle(text: &str, max: usize, measure: Measure, ellipsis: char) -> Cow<'_, str> {
    if measure.of(text) <= max || max < 3 {
        return cut(text, max, measure, ellipsis);
    }
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let room = max - 1;
    let (mut head, mut tail) = (Vec::new(), Vec::new());
    let (mut used, mut front, mut back) = (0, 0, graphemes.len());
    let (mut head_used, mut tail_used) = (0, 0);
    // Alternate: a grapheme from the start, one from the end, while there is room.
    while front < back {
        let take_front = head_used <= tail_used;
        let g = if take_front {
            graphemes[front]
        } else {
            graphemes[back - 1]
        };
        let size = measure.of(g);
        if used + size > room {
            break;
        }
        used += size;
        if take_front {
            head.push(g);
            head_used += size;
            front += 1;
        } else {
            tail.push(g);
            tail_used += size;
            back -= 1;
        }
    }
    tail.reverse();
    Cow::Owned(format!("{}{ellipsis}{}", head.concat(), tail.concat()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_between_graphemes_within_the_limit() {
        assert_eq!(cut("abcdef", 4, Measure::Chars, '…'), "abc…");
        assert_eq!(cut("abc", 3, Measure::Chars, '…'), "abc");
        assert_eq!(cut("abc", 0, Measure::Chars, '…'), "");
        // Columns: a wide character is never split, an accent stays on its letter.
        assert_eq!(cut("日本語", 4, Measure::Columns, '…'), "日…");
        assert_eq!(
            cut("e\u{301}te\u{301}", 2, Measure::Columns, '…'),
            "e\u{301}…"
        );
        // Characters: the accent counts.
        assert_eq!(
            cut("e\u{301}te\u{301}", 3, Measure::Chars, '…'),
            "e\u{301}…"
        );
        assert_eq!(cut_start("abcdef", 4, Measure::Columns, '<'), "<def");
        assert_eq!(cut_start("👩‍💻👩‍💻👩‍💻", 5, Measure::Columns, '…'), "…👩‍💻👩‍💻");
        assert_eq!(
            cut_middle("Partie avancer", 7, Measure::Columns, '…'),
            "Par…cer"
        );
        for max in 0..12 {
            for text in ["日本語のタイトル", "Re\u{301}sume\u{301} long", "🇫🇷🇫🇷🇫🇷"]
            {
                for measure in [Measure::Columns, Measure::Chars] {
                    assert!(measure.of(&cut(text, max, measure, '…')) <= max);
                    assert!(measure.of(&cut_start(text, max, measure, '…')) <= max);
                    assert!(measure.of(&cut_middle(text, max, measure, '…')) <= max);
                }
            }
        }
    }
}
