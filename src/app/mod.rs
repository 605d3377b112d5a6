//! The app core: state plus `update(Action) -> Vec<Effect>`. No terminal, no I/O:
//! saving, opening and copying are returned as [`Effect`]s and their outcome comes
//! back as a [`Report`].

mod finder;
mod picker;
mod prompt;
mod tree;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::layout::{Position, Rect};

use crate::keymap::{Action, Keymap};
use crate::pack::Pack;
use crate::pack::url::UrlProblem;
use crate::progress::{Before, Changes, State, Tracker, UndoStack};
use crate::text::{Text, fill};

pub use finder::Search;
pub use picker::{Naming, PickerRequest, RunPicker};
pub use prompt::{Prompt, PromptKind};
pub use tree::{BOX_WIDTH, TreeView, box_column};

/// Work for the outside world, done by `effects`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write these edits to disk; `seq` numbers them for the [`Report`] that follows.
    Save {
        seq: u64,
        changes: Changes,
    },
    OpenUrl(String),
    CopyUrl(String),
}

/// What came of an [`Effect`], told back to the app to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    Opened(String),
    /// Nothing could show a page here (no display); the URL is all we can give.
    NoBrowser(String),
    OpenFailed {
        url: String,
        error: String,
    },
    /// Not a link a browser may be handed (see `pack::url`).
    Refused {
        url: String,
        problem: UrlProblem,
    },
    Copied(String),
    CopyFailed {
        url: String,
        error: String,
    },
    /// Every save numbered up to `upto` is on disk. `merged` is the state written when
    /// it took in ticks made by another window, so the app can show them.
    Saved {
        upto: u64,
        merged: Option<State>,
    },
    /// Saves up to `upto` failed; their changes are retried with the next one.
    SaveFailed {
        upto: u64,
        error: String,
    },
}

/// How serious a status line message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub severity: Severity,
    pub text: String,
}

/// What a link picker will do with the chosen link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    Open,
    Copy,
}

/// A window drawn over the main screen that takes the keys while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Links {
        purpose: LinkPurpose,
        selected: usize,
    },
    Completion,
}

pub struct App {
    pub pack: Pack,
    pub tracker: Tracker,
    pub tree: TreeView,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub text: &'static Text,
    /// The keys in use, which the footer and the help show.
    pub keymap: Keymap,
    /// Zone in which tick times are shown.
    pub tz: TimeZone,
    /// Where the tree's rows are drawn, for mouse hits.
    tree_area: Rect,
    quit: bool,
    /// Saves handed out and not yet reported on, oldest first.
    in_flight: Vec<(u64, Changes)>,
    last_seq: u64,
    /// Ticks and unticks that `u` can take back, latest last: the node acted on and
    /// its leaves as they were before.
    undo: UndoStack<(usize, UndoStep)>,
    /// The search typed with `/`, while there is one.
    pub search: Option<Search>,
    /// A reason or a note being typed on the status line.
    pub prompt: Option<Prompt>,
    /// A link handed to the browser: its node and when, recorded once it opened.
    opening: Option<(usize, Timestamp)>,
    /// The run's name, for a pack done once per student.
    pub run: Option<String>,
    /// The day due dates are judged against, given by the caller (the UI passes the
    /// local date; tests a fixed one). Until then, nothing is overdue.
    pub today: jiff::civil::Date,
    /// Every node's texts folded for searching, built at the first search.
    search_index: Option<crate::search::SearchIndex>,
}

/// One change `u` can take back.
#[derive(Debug, Clone)]
enum UndoStep {
    /// Ticks, unticks and skips: the leaves as they were.
    Leaves(Before),
    /// A note written: the one it replaced.
    Note(Option<String>),
}

impl App {
    /// Opens on the first step not yet ticked, where a returning mentor left off.
    pub fn new(pack: Pack, tracker: Tracker, text: &'static Text, tz: TimeZone) -> Self {
        let mut tree = TreeView::new(&pack);
        if let Some(first) = tracker.next_todo(&pack, 0) {
            tree.select_node(first);
            tree.scroll_to_top();
        }
        App {
            pack,
            tracker,
            tree,
            overlay: None,
            status: None,
            text,
            keymap: Keymap::default(),
            tz,
            tree_area: Rect::default(),
            quit: false,
            in_flight: Vec::new(),
            last_seq: 0,
            undo: UndoStack::default(),
            search: None,
            search_index: None,
            prompt: None,
            opening: None,
            run: None,
            today: jiff::civil::Date::default(),
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether saves are under way, so their outcome is worth waiting for.
    pub fn saving(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// Tells the app where the tree rows are drawn; called before every frame.
    pub fn set_tree_area(&mut self, area: Rect) {
        self.tree_area = area;
        self.tree.set_height(usize::from(area.height));
    }

    pub fn notify(&mut self, severity: Severity, text: String) {
        self.status = Some(Status { severity, text });
    }

    /// Whether keys are text (a search or a reason being typed), not commands.
    pub fn typing(&self) -> bool {
        self.editing_search() || self.prompt.is_some()
    }

    /// Shows what an effect achieved; an opened link is recorded, and that is saved.
    pub fn report(&mut self, report: Report) -> Vec<Effect> {
        let t = self.text;
        let mut effects = Vec::new();
        if !matches!(
            report,
            Report::Opened(_) | Report::Saved { .. } | Report::SaveFailed { .. }
        ) {
            // The link did not open (or was only copied): nothing to record.
            self.opening = None;
        }
        let (severity, text) = match report {
            Report::Opened(url) => {
                if let Some((node, at)) = self.opening.take() {
                    self.tracker.opened(&self.pack, node, at);
                    effects.push(self.save());
                }
                (Severity::Info, fill(t.opened, &[("url", &url)]))
            }
            Report::NoBrowser(url) => (Severity::Warning, fill(t.no_browser, &[("url", &url)])),
            Report::OpenFailed { url, error } => (
                Severity::Error,
                fill(t.open_failed, &[("url", &url), ("error", &error)]),
            ),
            Report::Refused { url, problem } => (
                Severity::Error,
                fill(
                    t.refused_url,
                    &[("url", &url), ("error", problem.message(t))],
                ),
            ),
            Report::Copied(url) => (Severity::Info, fill(t.copied, &[("url", &url)])),
            Report::CopyFailed { url, error } => (
                Severity::Error,
                fill(t.copy_failed, &[("url", &url), ("error", &error)]),
            ),
            Report::Saved { upto, merged } => {
                self.in_flight.retain(|(seq, _)| *seq > upto);
                if !merged.is_some_and(|state| self.adopt(state)) {
                    return effects;
                }
                (Severity::Info, t.merged.to_string())
            }
            Report::SaveFailed { upto, error } => {
                self.in_flight.retain(|(seq, _)| *seq > upto);
                (Severity::Error, fill(t.save_failed, &[("error", &error)]))
            }
        };
        self.notify(severity, text);
        effects
    }

    /// Takes the state another window's ticks were merged into, replaying this
    /// session's saves still under way. Returns whether the ticks shown changed.
    fn adopt(&mut self, mut state: State) -> bool {
        for (_, changes) in &self.in_flight {
            state.apply(changes);
        }
        if state.same_progress(self.tracker.state()) {
            return false;
        }
        self.tracker = Tracker::new(&self.pack, state);
        true
    }

    /// Applies one user action; `now` stamps any tick it makes.
    pub fn update(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        match self.overlay {
            Some(Overlay::Help | Overlay::Completion) => {
                self.overlay = None;
                Vec::new()
            }
            Some(Overlay::Links { purpose, selected }) => {
                self.update_links(action, purpose, selected, now)
            }
            None if self.prompt.is_some() => self.update_prompt(action, now),
            None if self.editing_search() => {
                match action {
                    Action::Type(c) => self.type_search(|text| text.push(c)),
                    Action::Backspace => self.type_search(|text| {
                        prompt::pop_grapheme(text);
                    }),
                    Action::Toggle => self.confirm_search(),
                    Action::Quit => self.clear_search(),
                    Action::Up => self.jump_to_match(false),
                    Action::Down => self.jump_to_match(true),
                    _ => {}
                }
                Vec::new()
            }
            None => {
                let mut effects = self.update_main(action, now);
                // A step marked new stops being new once the mentor has looked at it.
                let viewed = self.tree.selected();
                if let Some(node) = viewed
                    && self.tracker.seen(&self.pack, node)
                {
                    effects.push(self.save());
                }
                effects
            }
        }
    }

    fn update_main(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        match action {
            Action::Up => self.tree.move_by(-1),
            Action::Down => self.tree.move_by(1),
            Action::Collapse => self.tree.collapse(&self.pack),
            Action::Expand => self.tree.expand(&self.pack),
            Action::First => self.tree.first(),
            Action::Last => self.tree.last(),
            Action::PageUp => self.tree.page(false),
            Action::PageDown => self.tree.page(true),
            Action::ScrollUp => self.tree.scroll(-3),
            Action::ScrollDown => self.tree.scroll(3),
            Action::Toggle => return self.toggle_selected(now),
            Action::NextTodo if self.search.is_some() => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::NextTodo => self.next_todo(),
            Action::Undo => return self.take_back(),
            Action::Skip => return self.skip_selected(now),
            Action::EditNote => self.edit_note(),
            Action::Search => self.start_search(),
            Action::Quit if self.search.is_some() => self.clear_search(),
            Action::Type(_) | Action::Backspace => {}
            Action::Open => return self.choose_link(LinkPurpose::Open, now),
            Action::Copy => return self.choose_link(LinkPurpose::Copy, now),
            Action::OpenLink(n) => return self.use_link(LinkPurpose::Open, usize::from(n), now),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Quit => self.quit = true,
            Action::Click { column, row } => return self.click(column, row, now),
        }
        Vec::new()
    }

    fn update_links(
        &mut self,
        action: Action,
        purpose: LinkPurpose,
        selected: usize,
        now: Timestamp,
    ) -> Vec<Effect> {
        let count = self.selected_links_len();
        let pick = |app: &mut App, purpose, n| {
            app.overlay = None;
            app.use_link(purpose, n, now)
        };
        match action {
            Action::Up | Action::ScrollUp => {
                self.overlay = Some(Overlay::Links {
                    purpose,
                    selected: selected.saturating_sub(1),
                });
            }
            Action::Down | Action::ScrollDown => {
                self.overlay = Some(Overlay::Links {
                    purpose,
                    selected: (selected + 1).min(count.saturating_sub(1)),
                });
            }
            Action::Toggle | Action::Open | Action::Expand => {
                return pick(self, purpose, selected + 1);
            }
            Action::Copy => return pick(self, LinkPurpose::Copy, selected + 1),
            Action::OpenLink(n) => return pick(self, purpose, usize::from(n)),
            Action::Quit | Action::Collapse | Action::Help | Action::Click { .. } => {
                self.overlay = None;
            }
            Action::First
            | Action::Last
            | Action::PageUp
            | Action::PageDown
            | Action::NextTodo
            | Action::Undo
            | Action::Skip
            | Action::EditNote
            | Action::Search
            | Action::PrevMatch
            | Action::Type(_)
            | Action::Backspace => {}
        }
        Vec::new()
    }

    fn selected_links_len(&self) -> usize {
        self.tree
            .selected()
            .map_or(0, |node| self.pack.nodes[node].links.len())
    }

    fn toggle_selected(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(node) = self.tree.selected() else {
            return Vec::new();
        };
        let was_complete = self.tracker.is_complete(&self.pack);
        if self.tracker.counts(node).1 == 0 {
            self.notify(Severity::Info, self.text.not_tickable.into());
            return Vec::new();
        }
        if !self.tracker.toggle(&self.pack, node, now) {
            return Vec::new();
        }
        let before = self.tracker.take_undo();
        self.push_undo(node, UndoStep::Leaves(before));
        if !was_complete && self.tracker.is_complete(&self.pack) {
            self.overlay = Some(Overlay::Completion);
        }
        vec![self.save()]
    }

    /// `n`: the next step not yet ticked after the selection, from the top again at the end.
    fn next_todo(&mut self) {
        let from = self.tree.selected().map_or(0, |node| node + 1);
        let found = self
            .tracker
            .next_todo(&self.pack, from)
            .or_else(|| self.tracker.next_todo(&self.pack, 0));
        match found {
            Some(node) => self.tree.reveal(&self.pack, node),
            None => self.notify(Severity::Info, self.text.all_done.into()),
        }
    }

    fn push_undo(&mut self, node: usize, step: UndoStep) {
        self.undo.push((node, step));
    }

    /// `u`: takes back the last tick or untick, and saves that like any change.
    fn take_back(&mut self) -> Vec<Effect> {
        let Some((node, step)) = self.undo.pop() else {
            self.notify(Severity::Info, self.text.nothing_to_undo.into());
            return Vec::new();
        };
        match step {
            UndoStep::Leaves(before) => self.tracker.restore(&self.pack, &before),
            UndoStep::Note(before) => {
                self.tracker.set_note(&self.pack, node, before);
            }
        }
        self.tree.reveal(&self.pack, node);
        let title = &self.pack.nodes[node].title;
        self.notify(Severity::Info, fill(self.text.undone, &[("title", title)]));
        vec![self.save()]
    }

    /// What is left to tick in the stage of the selected node, for the status line.
    pub fn stage_summary(&self) -> Option<String> {
        let mut stage = self.tree.selected()?;
        while let Some(parent) = self.pack.nodes[stage].parent {
            stage = parent;
        }
        let (done, total) = self.tracker.counts(stage);
        let title = &self.pack.nodes[stage].title;
        if total == 0 {
            // Reference cards: nothing to tick, nothing to count.
            return None;
        }
        Some(if done == total {
            fill(self.text.stage_all_ticked, &[("stage", title)])
        } else {
            let count = (total - done).to_string();
            fill(
                self.text.left_in_stage,
                &[("stage", title), ("count", &count)],
            )
        })
    }

    /// Hands the tracker's pending edits to the saver, numbered.
    fn save(&mut self) -> Effect {
        self.last_seq += 1;
        let changes = self.tracker.take_changes();
        self.in_flight.push((self.last_seq, changes.clone()));
        Effect::Save {
            seq: self.last_seq,
            changes,
        }
    }

    /// `o`/`y`: act on the only link, or let the user choose among several.
    fn choose_link(&mut self, purpose: LinkPurpose, now: Timestamp) -> Vec<Effect> {
        match self.selected_links_len() {
            0 => {
                self.notify(Severity::Warning, self.text.no_link.into());
                Vec::new()
            }
            1 => self.use_link(purpose, 1, now),
            _ => {
                self.overlay = Some(Overlay::Links {
                    purpose,
                    selected: 0,
                });
                Vec::new()
            }
        }
    }

    /// Opens or copies link number `n` (1-based) of the selected node.
    fn use_link(&mut self, purpose: LinkPurpose, n: usize, now: Timestamp) -> Vec<Effect> {
        let count = self.selected_links_len();
        let link = self
            .tree
            .selected()
            .and_then(|node| self.pack.nodes[node].links.get(n.wrapping_sub(1)));
        let Some(link) = link else {
            let text = if count == 0 {
                self.text.no_link.to_string()
            } else {
                fill(
                    self.text.no_such_link,
                    &[("n", &n.to_string()), ("count", &count.to_string())],
                )
            };
            self.notify(Severity::Warning, text);
            return Vec::new();
        };
        let url = link.url.clone();
        if let (LinkPurpose::Open, Some(node)) = (purpose, self.tree.selected()) {
            self.opening = Some((node, now));
        }
        vec![match purpose {
            LinkPurpose::Open => Effect::OpenUrl(url),
            LinkPurpose::Copy => Effect::CopyUrl(url),
        }]
    }

    /// A click selects the row under it; a click on a row's box also ticks it.
    fn click(&mut self, column: u16, row: u16, now: Timestamp) -> Vec<Effect> {
        if !self.tree_area.contains(Position::new(column, row)) {
            return Vec::new();
        }
        let Some(node) = self
            .tree
            .select_visible(usize::from(row - self.tree_area.y))
        else {
            return Vec::new();
        };
        let x = usize::from(column - self.tree_area.x);
        let start = box_column(self.pack.nodes[node].depth);
        if (start..start + BOX_WIDTH).contains(&x) {
            return self.toggle_selected(now);
        }
        Vec::new()
    }
}
