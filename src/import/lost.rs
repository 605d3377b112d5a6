//! What an import could not carry into the pack, with the line to look at and the words
//! to say it in.

use crate::pack::url::UrlProblem;
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// Something the Markdown holds that a pack cannot, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lost {
    Image {
        line: usize,
        alt: String,
    },
    Table {
        line: usize,
    },
    Html {
        line: usize,
    },
    Comment {
        line: usize,
    },
    /// `[label]()`, or `[label][name]` with no `[name]: …` anywhere.
    NoTarget {
        line: usize,
        label: String,
    },
    TooDeep {
        line: usize,
    },
    FrontMatter {
        line: usize,
    },
    /// A heading deeper than stages and parts: read as one more part.
    DeepHeading {
        line: usize,
    },
    /// A box nested deeper than sub-items: read as one more sub-item.
    DeepBox {
        line: usize,
    },
    EmptyBox {
        line: usize,
    },
    EmptyHeading {
        line: usize,
    },
    Relative {
        line: usize,
        url: String,
    },
    BadLink {
        line: usize,
        url: String,
        problem: UrlProblem,
    },
    TooManyLinks {
        line: usize,
        max: usize,
    },
    Cut {
        line: usize,
        max: usize,
    },
    /// Boxes ticked in the Markdown: a pack starts with every step to do.
    Ticked {
        line: usize,
        count: usize,
    },
    /// A reference card in an export: its answer is not in the export.
    CardAnswer {
        line: usize,
    },
    /// An export read back: the mentor's ticks, notes and dates stay out.
    Progress {
        line: usize,
    },
    /// GitLab's `/label ~x`, `/assign @y`: orders to GitLab, not words for mentors.
    QuickAction {
        line: usize,
    },
    /// An export whose steps were edited: its ids could not be kept (line 1, its marker).
    IdsNotKept,
    /// The previous version asks questions, or has conditions, waits or dates before an
    /// answer: Markdown holds none of them.
    Conditions,
}

impl Lost {
    pub fn line(&self) -> usize {
        match self {
            Lost::Image { line, .. }
            | Lost::Table { line }
            | Lost::Html { line }
            | Lost::Comment { line }
            | Lost::NoTarget { line, .. }
            | Lost::TooDeep { line }
            | Lost::FrontMatter { line }
            | Lost::DeepHeading { line }
            | Lost::DeepBox { line }
            | Lost::EmptyBox { line }
            | Lost::EmptyHeading { line }
            | Lost::Relative { line, .. }
            | Lost::BadLink { line, .. }
            | Lost::TooManyLinks { line, .. }
            | Lost::Cut { line, .. }
            | Lost::Ticked { line, .. }
            | Lost::CardAnswer { line }
            | Lost::Progress { line }
            | Lost::QuickAction { line } => *line,
            Lost::IdsNotKept | Lost::Conditions => 1,
        }
    }

    /// What was left out or changed, and what the manager can do, in the language of `t`.
    pub fn message(&self, t: &Text) -> String {
        match self {
            Lost::Image { alt, .. } => fill(t.imp_image, &[("alt", &printable(alt, false))]),
            Lost::Table { .. } => t.imp_table.into(),
            Lost::Html { .. } => t.imp_html.into(),
            Lost::Comment { .. } => t.imp_comment.into(),
            Lost::NoTarget { label, .. } => {
                fill(t.imp_no_target, &[("label", &printable(label, false))])
            }
            Lost::TooDeep { .. } => t.imp_too_deep.into(),
            Lost::FrontMatter { .. } => t.imp_front_matter.into(),
            Lost::DeepHeading { .. } => t.imp_deep_heading.into(),
            Lost::DeepBox { .. } => t.imp_deep_box.into(),
            Lost::EmptyBox { .. } => t.imp_empty_box.into(),
            Lost::EmptyHeading { .. } => t.imp_empty_heading.into(),
            Lost::Relative { url, .. } => fill(t.imp_relative, &[("url", &printable(url, false))]),
            Lost::BadLink { url, problem, .. } => {
                let url = printable(url, false);
                fill(
                    t.imp_bad_link,
                    &[("url", &url), ("why", problem.message(t))],
                )
            }
            Lost::TooManyLinks { max, .. } => fill(t.imp_many_links, &[("max", &max.to_string())]),
            Lost::Cut { max, .. } => fill(t.imp_cut, &[("max", &max.to_string())]),
            Lost::Ticked { count, .. } => fill(t.imp_ticked, &[("count", &count.to_string())]),
            Lost::CardAnswer { .. } => t.imp_card_answer.into(),
            Lost::Progress { .. } => t.imp_progress.into(),
            Lost::QuickAction { .. } => t.imp_quick_action.into(),
            Lost::IdsNotKept => t.imp_ids_not_kept.into(),
            Lost::Conditions => t.imp_conditions.into(),
        }
    }
}
