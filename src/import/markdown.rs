//! Markdown read into the few shapes a checklist is made of: headings, paragraphs, lists
//! with their boxes, quotes and code, plus what a pack cannot hold (tables, raw HTML,
//! images), each with its line. The parser (pulldown-cmark, CommonMark + GFM) does the
//! reading; this module only keeps what matters and says what it leaves out.

use std::iter::Peekable;
use std::ops::Range;

mod inline;

use inline::is_inline;
pub use inline::{Found, Inline};

use super::lost::Lost;

use pulldown_cmark::{BlockQuoteKind, BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Nesting past this (lists in quotes in lists…) is read as text: no checklist goes
/// near it, and a hostile file cannot exhaust the stack.
const MAX_NESTING: usize = 32;

/// A Markdown document, as far as a checklist goes.
pub struct Doc {
    /// The YAML front matter (`---` … `---` at the top) and the line it starts on.
    pub front_matter: Option<(String, usize)>,
    pub pieces: Vec<Piece>,
    /// What could not be carried, in the order it was met.
    pub lost: Vec<Lost>,
    /// Each block HTML comment (`<!-- … -->`) and its line.
    pub comments: Vec<(String, usize)>,
}

/// One block of the document.
pub enum Piece {
    Heading {
        level: usize,
        text: Inline,
    },
    Para(Inline),
    List(Vec<ListItem>),
    /// A blockquote; `warning` when GitHub's `> [!WARNING]` or `> [!CAUTION]` marks it.
    Quote {
        warning: bool,
        pieces: Vec<Piece>,
    },
    Code(String),
    /// A table's rows, each row's cells joined.
    Table(Vec<String>),
    /// The text of a block of raw HTML, tags left out.
    Html(String),
}

/// A list item; `task` is `Some(ticked)` when it starts with a box.
pub struct ListItem {
    pub line: usize,
    pub task: Option<bool>,
    pub pieces: Vec<Piece>,
}

/// Reads `text` (CommonMark with GFM tables, task lists, strikethrough, alerts and YAML
/// front matter).
pub fn read(text: &str) -> Doc {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_GFM;
    // `[label][name]`, `[name][]` or `[name]` with no `[name]: url` anywhere: read as a
    // link to nowhere, so that its text is kept without its brackets and the link is
    // said lost, with its line.
    let callback = |_: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        Some((CowStr::Borrowed(""), CowStr::Borrowed("")))
    };
    let parser = Parser::new_with_broken_link_callback(text, options, Some(callback));
    let mut reader = Reader {
        events: parser.into_offset_iter().peekable(),
        starts: line_starts(text),
        lost: Vec::new(),
        comments: Vec::new(),
        front_matter: None,
    };
    let pieces = reader.blocks(None, 0);
    let Reader {
        lost,
        comments,
        front_matter,
        ..
    } = reader;
    Doc {
        front_matter,
        pieces,
        lost,
        comments,
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The 1-based line holding byte `at`.
fn line_of(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&start| start <= at).max(1)
}

struct Reader<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> {
    events: Peekable<I>,
    starts: Vec<usize>,
    lost: Vec<Lost>,
    comments: Vec<(String, usize)>,
    front_matter: Option<(String, usize)>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Reader<'a, I> {
    fn line(&self, at: usize) -> usize {
        line_of(&self.starts, at)
    }

    /// Blocks up to `end` (the end of the container they are in), or to the end.
    fn blocks(&mut self, end: Option<TagEnd>, depth: usize) -> Vec<Piece> {
        let mut pieces = Vec::new();
        while let Some((event, range)) = self.events.peek().cloned() {
            let line = self.line(range.start);
            if is_inline(&event) {
                // A tight list item's text comes without a paragraph around it.
                pieces.push(Piece::Para(self.inline(line)));
                continue;
            }
            self.events.next();
            match event {
                Event::End(tag) if Some(tag) == end => break,
                Event::Start(_) if depth >= MAX_NESTING => {
                    self.lost.push(Lost::TooDeep { line });
                    self.skip();
                }
                Event::Start(Tag::Paragraph) => {
                    let text = self.inline(line);
                    self.events.next();
                    pieces.push(Piece::Para(text));
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    let text = self.inline(line);
                    self.events.next();
                    pieces.push(Piece::Heading {
                        level: level as usize,
                        text,
                    });
                }
                Event::Start(Tag::List(_)) => pieces.push(Piece::List(self.list(depth))),
                Event::Start(Tag::BlockQuote(kind)) => {
                    let inner = self.blocks(Some(TagEnd::BlockQuote(kind)), depth + 1);
                    let warning = matches!(
                        kind,
                        Some(BlockQuoteKind::Warning | BlockQuoteKind::Caution)
                    );
                    pieces.push(Piece::Quote {
                        warning,
                        pieces: inner,
                    });
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    let code = self.raw_text(|e| matches!(e, TagEnd::CodeBlock));
                    pieces.push(Piece::Code(code.trim_end().to_string()));
                }
                Event::Start(Tag::HtmlBlock) => {
                    let html = self.raw_text(|e| matches!(e, TagEnd::HtmlBlock));
                    pieces.extend(self.html(&html, line));
                }
                Event::Start(Tag::MetadataBlock(_)) => {
                    let yaml = self.raw_text(|e| matches!(e, TagEnd::MetadataBlock(_)));
                    self.front_matter = Some((yaml, line));
                }
                Event::Start(Tag::Table(_)) => {
                    self.lost.push(Lost::Table { line });
                    pieces.push(Piece::Table(self.table()));
                }
                Event::Start(tag) => {
                    // Footnotes and definition lists are not enabled; anything else
                    // is read for its text.
                    let end = tag.to_end();
                    pieces.extend(self.blocks(Some(end), depth + 1));
                }
                _ => {}
            }
        }
        pieces
    }

    /// Consumes a whole element without reading it.
    fn skip(&mut self) {
        let mut open = 1usize;
        for (event, _) in self.events.by_ref() {
            match event {
                Event::Start(_) => open += 1,
                Event::End(_) => {
                    open -= 1;
                    if open == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn list(&mut self, depth: usize) -> Vec<ListItem> {
        let mut items = Vec::new();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let line = self.line(range.start);
                    let pieces = self.blocks(Some(TagEnd::Item), depth + 1);
                    let task = match pieces.first() {
                        Some(Piece::Para(text)) => text.task,
                        _ => None,
                    };
                    items.push(ListItem { line, task, pieces });
                }
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        items
    }

    /// The text of a code, HTML or front-matter block, as written.
    fn raw_text(&mut self, is_end: impl Fn(&TagEnd) -> bool) -> String {
        let mut text = String::new();
        for (event, _) in self.events.by_ref() {
            match event {
                Event::End(end) if is_end(&end) => break,
                Event::Text(t) | Event::Html(t) => text.push_str(&t),
                _ => {}
            }
        }
        text
    }

    /// A block of raw HTML: an HTML comment (kept aside), or text whose tags are left out.
    fn html(&mut self, html: &str, line: usize) -> Option<Piece> {
        let trimmed = html.trim();
        if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            self.comments.push((trimmed.to_string(), line));
            return None;
        }
        self.lost.push(Lost::Html { line });
        Some(Piece::Html(without_tags(html).trim().to_string()))
    }

    fn table(&mut self) -> Vec<String> {
        let mut rows = Vec::new();
        let mut row: Vec<String> = Vec::new();
        while let Some((event, range)) = self.events.next() {
            match event {
                Event::Start(Tag::TableCell) => {
                    let line = self.line(range.start);
                    let cell = self.inline(line);
                    row.push(cell.joined());
                }
                Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                    let cells: Vec<String> = std::mem::take(&mut row)
                        .into_iter()
                        .filter(|cell| !cell.is_empty())
                        .collect();
                    if !cells.is_empty() {
                        rows.push(cells.join(" · "));
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        rows
    }
}

/// The text of raw HTML: tags left out, entities decoded.
fn without_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let lines: Vec<String> = text
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    html_escape::decode_html_entities(&lines.join("\n")).into_owned()
}
