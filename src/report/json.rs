//! The report as JSON, for scripts: stable machine names, every text exactly as the
//! exports hold it, and yet nothing a terminal or an editor would act on written raw:
//! controls and bidirectional overrides go out as `\uXXXX` escapes, which every JSON
//! reader decodes back to the same text.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::Report;
use crate::safe_text::needs_replacing;

pub fn write_json(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Escaping::default());
    report.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// serde_json's pretty layout, with C1 controls and direction marks escaped too (serde
/// escapes only C0 controls).
#[derive(Default)]
struct Escaping(PrettyFormatter<'static>);

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| needs_replacing(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_and_c1_controls_are_escaped_and_read_back_the_same() {
        let mut report =
            crate::report::build(Vec::new(), Vec::new(), jiff::Timestamp::UNIX_EPOCH, 0);
        report.unread.push(crate::report::Unread {
            path: "evil\u{202e}live\u{9b}31m\u{1b}x.json".into(),
            why: crate::report::Why::NotJson,
        });
        let mut out = Vec::new();
        write_json(&mut out, &report).unwrap();
        let text = String::from_utf8(out).unwrap();
        for c in ['\u{202e}', '\u{9b}', '\u{1b}'] {
            assert!(!text.contains(c), "{c:?} raw in {text}");
        }
        assert!(
            text.contains("\\u202e") && text.contains("\\u009b"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back["unread"][0]["path"],
            "evil\u{202e}live\u{9b}31m\u{1b}x.json"
        );
        assert!(text.starts_with("{\n  \""), "pretty, as before: {text}");
    }
}
