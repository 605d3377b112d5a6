//! A paragraph's, heading's or cell's text as a checklist reads it: the first line (a
//! step's title), the rest, the links with their lines, the box at its start.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::Reader;
use crate::import::lost::Lost;

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
    /// The text of its first struck-through span (`~~…~~`): a skipped step's title in
    /// an export.
    pub struck: Option<String>,
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

/// Events that belong to a paragraph's text rather than starting a block.
pub(super) fn is_inline(event: &Event<'_>) -> bool {
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
    /// The text of a paragraph, heading or cell: every inline event up to the next block.
    pub(super) fn inline(&mut self, line: usize) -> Inline {
        let mut text = Inline {
            line,
            ..Inline::default()
        };
        let mut broken = false;
        // The links being read (a link's text may hold an image, not another link).
        let mut link: Option<(String, String, usize, bool)> = None;
        let mut image: Option<(String, usize)> = None;
        // The first struck-through span being read, then read.
        let mut striking = false;
        while let Some((event, range)) = self.events.peek().cloned() {
            if !is_inline(&event) {
                break;
            }
            self.events.next();
            let at = self.line(range.start);
            let words: Option<String> = match event {
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => Some(t.to_string()),
                Event::FootnoteReference(t) => Some(format!("[^{t}]")),
                Event::Start(Tag::Strikethrough) if text.struck.is_none() => {
                    striking = true;
                    text.struck = Some(String::new());
                    None
                }
                Event::End(TagEnd::Strikethrough) => {
                    striking = false;
                    None
                }
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
            if striking && let Some(struck) = &mut text.struck {
                struck.push_str(&words);
            }
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
        // The title's runs of spaces folded: a link or a picture left out of it leaves
        // two words side by side.
        text.first = text
            .first
            .split(' ')
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
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
