//! One line of text being typed (a search, a reason, a note), with a cursor that moves
//! and deletes by grapheme: a letter with its accents, or a whole emoji, is one step.

use unicode_segmentation::UnicodeSegmentation;

use crate::keymap::Edit;

/// The text and where the cursor is in it (a byte offset on a grapheme boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub cursor: usize,
}

impl Line {
    /// `text` with the cursor at its end.
    pub fn new(text: String) -> Self {
        let cursor = text.len();
        Line { text, cursor }
    }

    /// Applies a key that edits or moves; returns whether the text changed. At most
    /// `max` characters are kept.
    pub fn apply(&mut self, edit: Edit, max: usize) -> bool {
        match edit {
            Edit::Insert(c) if self.text.chars().count() < max => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                true
            }
            Edit::Delete => match self.before() {
                Some(start) => {
                    self.text.replace_range(start..self.cursor, "");
                    self.cursor = start;
                    true
                }
                None => false,
            },
            Edit::DeleteForward => match self.after() {
                Some(end) => {
                    self.text.replace_range(self.cursor..end, "");
                    true
                }
                None => false,
            },
            Edit::Left => {
                self.cursor = self.before().unwrap_or(self.cursor);
                false
            }
            Edit::Right => {
                self.cursor = self.after().unwrap_or(self.cursor);
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.text.len();
                false
            }
            Edit::Insert(_) | Edit::Confirm | Edit::Cancel | Edit::Previous | Edit::Next => false,
        }
    }

    /// Where the grapheme before the cursor starts.
    fn before(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(at, _)| at)
    }

    /// Where the grapheme after the cursor ends.
    fn after(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    /// The text split for display: before the cursor, the grapheme under it (`None` at
    /// the end), after it.
    pub fn split(&self) -> (&str, Option<&str>, &str) {
        let (before, rest) = self.text.split_at(self.cursor);
        match rest.graphemes(true).next() {
            Some(under) => (before, Some(under), &rest[under.len()..]),
            None => (before, None, ""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Edit]) -> Line {
        let mut line = Line::default();
        for &key in keys {
            line.apply(key, 10);
        }
        line
    }

    #[test]
    fn the_cursor_moves_and_edits_where_it_is() {
        use Edit::*;
        let line = typed(&[Insert('a'), Insert('c'), Left, Insert('b')]);
        assert_eq!(line.text, "abc", "typing after Left goes in at the cursor");
        assert_eq!(line.split(), ("ab", Some("c"), ""));
        let line = typed(&[
            Insert('a'),
            Insert('b'),
            Insert('c'),
            Home,
            DeleteForward,
            End,
            Delete,
        ]);
        assert_eq!(line.text, "b");
        let line = typed(&[Insert('x'), Right, Right, Home, Left, Delete]);
        assert_eq!(
            (line.text.as_str(), line.cursor),
            ("x", 0),
            "nothing past the ends"
        );
        let full = typed(&[Insert('a'); 12]);
        assert_eq!(full.text.len(), 10, "at most max characters");
    }

    #[test]
    fn a_grapheme_is_one_step() {
        let mut line = Line::new("Re\u{301}sume\u{301} 👩‍💻🇫🇷".into());
        line.apply(Edit::Delete, 100);
        assert_eq!(line.text, "Re\u{301}sume\u{301} 👩‍💻");
        line.apply(Edit::Left, 100);
        line.apply(Edit::Left, 100);
        line.apply(Edit::Delete, 100);
        assert_eq!(line.text, "Re\u{301}sum 👩‍💻", "é with its accent");
        line.apply(Edit::Home, 100);
        line.apply(Edit::Right, 100);
        line.apply(Edit::DeleteForward, 100);
        assert_eq!(line.text, "Rsum 👩‍💻");
    }
}
