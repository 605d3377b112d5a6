//! What the core tells the person at the keyboard, as data. Each front end decides
//! where a notice goes (the status line, a line of plain mode, a command's output);
//! its words come from here, once, in the catalogue's language.

use jiff::civil::Date;

use crate::pack::url::UrlProblem;
use crate::pack::{MAX_TEXT_CHARS, Pack};
use crate::safe_text::{printable, readable_url};
use crate::text::{Text, fill};

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One thing worth saying about what an operation did or could not do. Nodes are
/// indices into the session's pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A reference card: nothing to tick or skip.
    NotTickable,
    Ticked(usize),
    Unticked(usize),
    Skipped(usize),
    Unskipped(usize),
    NoteSaved(usize),
    NoteCleared(usize),
    /// A note or reason refused for its length (in characters).
    TooLong(usize),
    /// A change taken back: what it had said (a tick, an untick, a skip, a note…).
    Undone(Box<Notice>),
    NothingToUndo,
    /// The last step was just settled: the pack's completion message.
    Complete,
    /// Asked for the next step to do, and there is none.
    AllTicked,
    NoLink,
    /// Asked to write to the pack's contact, and the pack names none.
    NoContact,
    NoSuchLink {
        n: usize,
        count: usize,
    },
    Opened(String),
    NoBrowser(String),
    OpenFailed {
        url: String,
        error: String,
    },
    Refused {
        url: String,
        problem: UrlProblem,
    },
    Copied(String),
    CopyFailed {
        url: String,
        error: String,
    },
    /// Ticks made in another window were taken in.
    Merged,
    SaveFailed(String),
    /// The built-in checklist opened for the first time: the two guides that come with
    /// it, and the keys of the chooser that lists them.
    OtherGuides {
        keys: String,
    },
    /// Notes another window changed too (their nodes): both texts were kept.
    NotesKept(Vec<usize>),
    /// A student's checklist started because its name was new (`--run NAME`); `like`,
    /// a student's name so close to it that it may have been meant.
    StudentStarted {
        name: String,
        like: Option<String>,
    },
    /// Saved, but not written to the shared folder (why).
    PublishFailed(String),
    StartSet(Date),
    /// The progress file could not be used and was moved to `path`.
    MovedAside {
        reason: crate::progress::Unusable,
        path: String,
    },
    /// Some entries of the progress file could not be read and were left out; the rest
    /// is kept, the file as it was at `path`.
    Salvaged {
        lost: Vec<crate::progress::Unreadable>,
        path: String,
    },
    /// The progress file must not be written; nothing is saved.
    ReadOnly(crate::progress::ReadOnlyWhy),
    /// Ticks kept for steps the pack's new version no longer has, with those steps'
    /// titles where the library remembers them.
    OrphanTicks {
        count: usize,
        version: String,
        steps: Vec<String>,
    },
    /// The system's default pack could not be opened; the built-in one is.
    DefaultProblem {
        path: String,
        error: String,
    },
    /// The checklist chosen in the chooser could not be opened (why): the one open
    /// before is back.
    Unavailable(String),
    /// A question answered (the value kept), and how many steps that made apply and
    /// stop applying.
    Answered {
        question: usize,
        value: String,
        shown: usize,
        hidden: usize,
    },
    /// A question passed over or its answer cleared: the steps that depend on it show.
    Unanswered {
        question: usize,
        shown: usize,
    },
    /// What was typed is no answer to the question.
    AnswerRefused {
        question: usize,
        typed: String,
    },
    /// A step ticked before the ones it waits for (they are named).
    TickedEarly(Vec<usize>),
    /// A step the mentor's answers rule out: asked for by its id, it is not changed.
    DoesNotApply(usize),
}

impl Notice {
    pub fn severity(&self) -> Severity {
        match self {
            Notice::NoLink
            | Notice::NoContact
            | Notice::NoSuchLink { .. }
            | Notice::NoBrowser(_)
            | Notice::TooLong(_)
            | Notice::MovedAside { .. }
            | Notice::Salvaged { .. }
            | Notice::DefaultProblem { .. }
            | Notice::Unavailable(_)
            | Notice::ReadOnly(_)
            | Notice::AnswerRefused { .. }
            | Notice::DoesNotApply(_)
            | Notice::PublishFailed(_)
            | Notice::StudentStarted { like: Some(_), .. } => Severity::Warning,
            Notice::OpenFailed { .. }
            | Notice::Refused { .. }
            | Notice::CopyFailed { .. }
            | Notice::SaveFailed(_) => Severity::Error,
            _ => Severity::Info,
        }
    }

    /// The step, part or stage a change was made on.
    pub fn node(&self) -> Option<usize> {
        match self {
            Notice::Ticked(node)
            | Notice::Unticked(node)
            | Notice::Skipped(node)
            | Notice::Unskipped(node)
            | Notice::NoteSaved(node)
            | Notice::NoteCleared(node) => Some(*node),
            Notice::Undone(change) => change.node(),
            _ => None,
        }
    }

    /// The notice in words, titles from `pack`.
    pub fn words(&self, pack: &Pack, t: &Text) -> String {
        let title = |node: &usize| pack.nodes[*node].title.as_str();
        let about = |template: &str, node| fill(template, &[("title", title(node))]);
        match self {
            Notice::NotTickable => t.not_tickable.into(),
            Notice::Ticked(node) => about(t.notice_ticked, node),
            // A stage or a part unticked whole: how many steps, and that undo brings
            // them back.
            Notice::Unticked(node) if pack.leaves(*node).nth(1).is_some() => {
                let count = pack.leaves(*node).count().to_string();
                let values = [("title", title(node)), ("count", &count)];
                fill(t.notice_unticked_many, &values)
            }
            Notice::Unticked(node) => about(t.notice_unticked, node),
            Notice::Skipped(node) => about(t.notice_skipped, node),
            Notice::Unskipped(node) => about(t.notice_unskipped, node),
            Notice::NoteSaved(node) => about(t.notice_note_saved, node),
            Notice::NoteCleared(node) => about(t.notice_note_cleared, node),
            Notice::TooLong(count) => {
                let (max, count) = (MAX_TEXT_CHARS.to_string(), count.to_string());
                fill(t.fail_note_too_long, &[("max", &max), ("count", &count)])
            }
            Notice::Undone(change) => {
                let template = match change.as_ref() {
                    Notice::Ticked(_) => t.undone_tick,
                    Notice::Unticked(_) => t.undone_untick,
                    Notice::Skipped(_) => t.undone_skip,
                    Notice::Unskipped(_) => t.undone_unskip,
                    Notice::NoteSaved(_) | Notice::NoteCleared(_) => t.undone_note,
                    Notice::Answered { question, .. } | Notice::Unanswered { question, .. } => {
                        let text = &pack.questions[*question].text;
                        return fill(t.undone_answer, &[("question", text)]);
                    }
                    _ => t.undone,
                };
                match change.node() {
                    Some(node) => about(template, &node),
                    None => t.nothing_to_undo.into(),
                }
            }
            Notice::NothingToUndo => t.nothing_to_undo.into(),
            Notice::Complete => fill(t.completed, &[("message", completion_message(pack, t))]),
            Notice::AllTicked => t.all_done.into(),
            Notice::NoLink => t.no_link.into(),
            Notice::NoContact => t.no_contact.into(),
            Notice::NoSuchLink { n, count } => {
                let (n, count) = (n.to_string(), count.to_string());
                fill(t.no_such_link, &[("n", &n), ("count", &count)])
            }
            Notice::Opened(url) => fill(t.opened, &[("url", &readable_url(url))]),
            Notice::NoBrowser(url) => fill(t.no_browser, &[("url", &readable_url(url))]),
            Notice::OpenFailed { url, error } => fill(
                t.open_failed,
                &[("url", &readable_url(url)), ("error", error)],
            ),
            Notice::Refused { url, problem } => fill(
                t.refused_url,
                &[
                    ("url", &printable(url, false)),
                    ("error", problem.message(t)),
                ],
            ),
            Notice::Copied(url) => fill(t.copied, &[("url", &readable_url(url))]),
            Notice::CopyFailed { url, error } => fill(
                t.copy_failed,
                &[("url", &readable_url(url)), ("error", error)],
            ),
            Notice::Merged => t.merged.into(),
            Notice::OtherGuides { keys } => fill(t.other_guides, &[("keys", keys)]),
            Notice::StudentStarted { name, like: None } => {
                fill(t.student_started, &[("name", name)])
            }
            Notice::StudentStarted {
                name,
                like: Some(like),
            } => fill(t.student_started_like, &[("name", name), ("like", like)]),
            Notice::NotesKept(nodes) => {
                let titles: Vec<String> = nodes.iter().map(|n| about(t.quoted_title, n)).collect();
                fill(t.notes_kept, &[("titles", &titles.join(", "))])
            }
            Notice::SaveFailed(error) => fill(t.save_failed, &[("error", error)]),
            Notice::PublishFailed(error) => fill(t.publish_failed, &[("error", error)]),
            Notice::StartSet(date) => fill(t.cli_start_set, &[("date", &t.date(*date))]),
            Notice::MovedAside { reason, path } => fill(
                t.state_moved_aside,
                &[("reason", &reason.words(t)), ("path", path)],
            ),
            Notice::Salvaged { lost, path } => {
                let what: Vec<String> = lost.iter().map(|entry| entry.words(pack, t)).collect();
                fill(
                    t.state_salvaged,
                    &[("what", &what.join(", ")), ("path", path)],
                )
            }
            Notice::ReadOnly(reason) => fill(t.state_read_only, &[("reason", &reason.words(t))]),
            Notice::OrphanTicks {
                count,
                version,
                steps,
            } if steps.is_empty() => fill(
                t.orphan_ticks,
                &[("count", &count.to_string()), ("version", version)],
            ),
            Notice::OrphanTicks { version, steps, .. } => {
                let steps: Vec<String> = steps
                    .iter()
                    .map(|title| format!("“{}”", printable(title, false)))
                    .collect();
                let values = [("version", version.as_str()), ("steps", &steps.join(", "))];
                fill(t.orphan_ticks_named, &values)
            }
            // Its place and words only: the line quoted under them would push the rest
            // (that the built-in checklist is open instead) off a status line.
            Notice::DefaultProblem { path, error } => fill(
                t.notice_default_problem,
                &[
                    ("path", path),
                    ("error", error.lines().next().unwrap_or("")),
                ],
            ),
            Notice::Unavailable(error) => fill(t.notice_unavailable, &[("error", error)]),
            Notice::Answered {
                question,
                value,
                shown,
                hidden,
            } => {
                let asked = &pack.questions[*question];
                let answer = crate::pack::answer_words(asked, value, t);
                let mut said = fill(
                    t.answer_saved,
                    &[("question", &asked.text), ("answer", &answer)],
                );
                steps_changed(&mut said, *shown, *hidden, t);
                said
            }
            Notice::Unanswered { question, shown } => {
                let mut said = fill(
                    t.answer_cleared,
                    &[("question", &pack.questions[*question].text)],
                );
                steps_changed(&mut said, *shown, 0, t);
                said
            }
            Notice::AnswerRefused { question, typed } => {
                let asked = &pack.questions[*question];
                crate::pack::parse_answer(asked, typed, t)
                    .err()
                    .unwrap_or_default()
            }
            Notice::TickedEarly(waits) => {
                let titles: Vec<String> = waits.iter().map(|n| about(t.quoted_title, n)).collect();
                let count = waits.len().to_string();
                fill(
                    t.ticked_early,
                    &[("titles", &titles.join(", ")), ("count", &count)],
                )
            }
            Notice::DoesNotApply(node) => about(t.does_not_apply, node),
        }
    }

    /// Whether it is about the selected step's link (opened, copied, missing): it says
    /// nothing once another step is selected.
    pub fn about_a_link(&self) -> bool {
        matches!(
            self,
            Notice::NoLink
                | Notice::NoSuchLink { .. }
                | Notice::Opened(_)
                | Notice::NoBrowser(_)
                | Notice::OpenFailed { .. }
                | Notice::Refused { .. }
                | Notice::Copied(_)
                | Notice::CopyFailed { .. }
        )
    }

    /// Whether a copy of the link would help: the browser did not show it.
    pub fn offers_copy(&self) -> bool {
        matches!(self, Notice::NoBrowser(_) | Notice::OpenFailed { .. })
    }
}

/// " 2 steps now apply; 1 no longer applies (its tick is kept)." after an answer.
fn steps_changed(said: &mut String, shown: usize, hidden: usize, t: &Text) {
    if shown > 0 {
        said.push(' ');
        said.push_str(&fill(t.answer_shows, &[("count", &shown.to_string())]));
    }
    if hidden > 0 {
        said.push(' ');
        said.push_str(&fill(t.answer_hides, &[("count", &hidden.to_string())]));
    }
}

/// What to say when the checklist is done: the pack's own words, else the catalogue's.
pub fn completion_message<'a>(pack: &'a Pack, t: &'a Text) -> &'a str {
    pack.completion_message
        .as_deref()
        .unwrap_or(t.completion_default)
}
