//! Markdown read into the few shapes a checklist is made of: headings, paragraphs, lists
//! with their boxes, quotes and code, plus what a pack cannot hold (tables, raw HTML,
//! images), each with its line. The parser (pulldown-cmark, CommonMark + GFM) does the
//! reading; this module only keeps what matters and says what it leaves out.

use std::cell::RefCell;
use std::iter::Peekable;
use std::ops::Range;

use super::lost::Lost;

use pulldown_cmark::{
    BlockQuoteKind, BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};

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

/// A paragraph or heading's text, emphasis and code marks left out.
#[derive(Default)]
pub struct Inline {
    pub line: usize,
    /// Up to the first line break (soft, hard or `<br>`): a step's title.
    pub first: String,
    /// What follows it: soft breaks as spaces, hard ones as new lines.
    pub rest: String,
    pub links: Vec<Found>,
    /// The box at its start, when it is a list item's first line.
    pub task: Option<bool>,
    /// Whether the first line ends with a hard break (or `<br>`) rather than a soft one.
    pub hard: bool,
}

impl Inline {
    /// The whole text, first line and the rest.
    pub fn joined(&self) -> String {
        match (self.first.trim(), self.rest.trim()) {
            (first, "") => first.to_string(),
            ("", rest) => rest.to_string(),
            (first, rest) if self.hard => format!("{first}\n{rest}"),
            (first, rest) => format!("{first} {rest}"),
        }
    }
}

/// A link as written: its text and target, resolved and checked later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub label: String,
    pub url: String,
    pub line: usize,
}

/// Reads `text` (CommonMark with GFM tables, task lists, strikethrough, alerts and YAML
/// front matter).
pub fn read(text: &str) -> Doc {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_GFM;
    // `[label][name]` with no `[name]: url` anywhere: the parser keeps the text; say it.
    let broken: RefCell<Vec<(usize, String)>> = RefCell::new(Vec::new());
    let callback = |link: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        if matches!(link.link_type, LinkType::Reference | LinkType::Collapsed) {
            let written = text.get(link.span.clone()).unwrap_or(&link.reference);
            broken
                .borrow_mut()
                .push((link.span.start, written.to_string()));
        }
        None
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
        mut lost,
        comments,
        front_matter,
        starts,
        ..
    } = reader;
    for (at, label) in broken.into_inner() {
        let line = line_of(&starts, at);
        lost.push(Lost::NoTarget { line, label });
    }
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

/// Events that belong to a paragraph's text rather than starting a block.
fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_)
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
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

    /// The text of a paragraph, heading or cell: every inline event up to the next block.
    fn inline(&mut self, line: usize) -> Inline {
        let mut text = Inline {
            line,
            ..Inline::default()
        };
        let mut broken = false;
        // The links being read (a link's text may hold an image, not another link).
        let mut link: Option<(String, String, usize, bool)> = None;
        let mut image: Option<(String, usize)> = None;
        while let Some((event, range)) = self.events.peek().cloned() {
            if !is_inline(&event) {
                break;
            }
            self.events.next();
            let at = self.line(range.start);
            let words: Option<String> = match event {
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => Some(t.to_string()),
                Event::FootnoteReference(t) => Some(format!("[^{t}]")),
                Event::TaskListMarker(ticked) => {
                    text.task = Some(ticked);
                    None
                }
                Event::SoftBreak | Event::HardBreak if !broken => {
                    broken = true;
                    text.hard = event == Event::HardBreak;
                    None
                }
                Event::SoftBreak => Some(" ".into()),
                Event::HardBreak => Some("\n".into()),
                Event::InlineHtml(html) => {
                    let tag = html.trim().to_ascii_lowercase();
                    if tag.starts_with("<br") {
                        if broken {
                            Some("\n".into())
                        } else {
                            broken = true;
                            text.hard = true;
                            None
                        }
                    } else {
                        let lost = if tag.starts_with("<!--") {
                            Lost::Comment { line: at }
                        } else {
                            Lost::Html { line: at }
                        };
                        if !self.lost.contains(&lost) {
                            self.lost.push(lost);
                        }
                        None
                    }
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }) => {
                    let email = link_type == LinkType::Email;
                    link = Some((String::new(), dest_url.to_string(), at, email));
                    None
                }
                Event::End(TagEnd::Link) => {
                    if let Some((label, url, at, email)) = link.take() {
                        let label = label.trim().to_string();
                        if url.trim().is_empty() {
                            self.lost.push(Lost::NoTarget { line: at, label });
                        } else {
                            let url = if email { format!("mailto:{url}") } else { url };
                            text.links.push(Found {
                                label,
                                url,
                                line: at,
                            });
                        }
                    }
                    None
                }
                Event::Start(Tag::Image { .. }) => {
                    image = Some((String::new(), at));
                    None
                }
                Event::End(TagEnd::Image) => {
                    if let Some((alt, line)) = image.take() {
                        let alt = alt.trim().to_string();
                        self.lost.push(Lost::Image { line, alt });
                    }
                    None
                }
                _ => None,
            };
            let Some(words) = words else { continue };
            if let Some((alt, _)) = &mut image {
                alt.push_str(&words);
                continue;
            }
            match &mut link {
                Some((label, ..)) => label.push_str(&words),
                // GitHub links a bare address in text; the parser leaves it as text.
                None => text.links.extend(bare_urls(&words, at)),
            }
            if broken {
                text.rest.push_str(&words);
            } else {
                text.first.push_str(&words);
            }
        }
        text.first = text.first.trim().to_string();
        text.rest = text.rest.trim().to_string();
        text
    }
}

/// The web addresses written bare in `text`, as GitHub links them.
fn bare_urls(text: &str, line: usize) -> Vec<Found> {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    finder
        .links(text)
        .filter(|link| link.as_str().starts_with("http"))
        .map(|link| Found {
            label: String::new(),
            url: link.as_str().to_string(),
            line,
        })
        .collect()
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
