//! The full-screen UI's state: what is selected, shown and typed, over the checklist
//! core ([`Session`]). `update(Action)` and `edit(Edit)` return [`Effect`]s, run by
//! `effects`; no terminal, no I/O here.

mod browse;
mod chooser;
mod details;
mod finder;
mod line;
mod overlay;
mod picker;
mod prompt;
mod tree;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::layout::Rect;

use crate::effects::Core;
use crate::keymap::{Action, Edit, KeyMode, Keymap};
use crate::progress::State;
use crate::session::{Effect, EffectResult, Notice, Outcome, Session, Severity};
use crate::text::{Text, fill};

pub use chooser::{Chooser, Chosen};
pub use finder::Search;
pub use line::Line;
pub use picker::{Naming, PickerRequest, RunPicker};
pub use prompt::{Prompt, PromptKind};
pub use tree::{BOX_WIDTH, TreeView, box_column};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub severity: Severity,
    pub text: String,
    /// The node a message about a link concerns: it goes when the selection leaves it.
    pub about: Option<usize>,
}

/// What a link picker will do with the chosen link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    Open,
    Copy,
}

/// Where quitting the checklist leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    Shell,
    /// The list of students (`r`), for a pack done once per student.
    Runs,
    /// The list of checklists (`c`), to open another.
    Checklists,
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

/// What the keys do right now: one mode at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys are commands on the tree.
    Browsing,
    /// Keys are text for the search (kept in [`App::search`]).
    Searching,
    /// Keys are text for a reason or a note.
    Typing(Prompt),
    /// A window over the screen takes the keys.
    Overlay(Overlay),
}

pub struct App {
    /// The checklist and its progress: every rule about ticking lives there.
    pub session: Session,
    pub tree: TreeView,
    pub mode: Mode,
    pub status: Option<Status>,
    pub text: &'static Text,
    /// The keys in use, which the footer and the help show.
    pub keymap: Keymap,
    /// Zone in which tick times are shown.
    pub tz: TimeZone,
    /// Where the tree's rows are drawn, for mouse hits.
    tree_area: Rect,
    /// Whether the last frame showed the checklist, not only a word that the terminal
    /// is too small: keys act only on what is seen.
    shown: bool,
    quit: bool,
    /// Where quitting goes: the shell, the list of students, the list of checklists.
    leave: Leave,
    /// The search typed with `/`, while there is one (typed or kept).
    pub search: Option<Search>,
    /// The run's name, for a pack done once per student.
    pub run: Option<String>,
    /// The day due dates are judged against, given by the caller (the UI passes the
    /// local date; tests a fixed one). Until then, nothing is overdue.
    pub today: jiff::civil::Date,
    /// Every node's texts folded for searching, built at the first search.
    search_index: Option<crate::search::SearchIndex>,
    /// The session's [`Session::fits`] the rows were laid out for.
    fits_seen: u32,
    /// Questions still to ask, in order, after the one being answered.
    questions: Vec<usize>,
    /// Why the answer typed to the question being asked was refused: the details pane
    /// says it, as the status line holds the prompt.
    pub refused: Option<String>,
    /// Counts what the status line was told, so that an action that told it nothing is
    /// known (even when the same words are said again).
    said: u64,
    /// Whether the last key closed something (a search, a prompt, a window): Escape
    /// goes back, and must not quit on the next press.
    closed: bool,
    /// The details pane: where it is, how far it is scrolled.
    details: details::DetailsPane,
    /// How far the help or the completion message is scrolled, in rows.
    pub overlay_scroll: usize,
    /// The furthest it can scroll and a page of it, as last drawn ([`App::fit_overlay`]).
    overlay_fit: (usize, usize),
}

impl Core for App {
    fn state(&self) -> &State {
        self.session.tracker().state()
    }

    /// Shows what an effect achieved; an opened link is recorded, and that is saved.
    fn report(&mut self, report: EffectResult) -> Vec<Effect> {
        let outcome = self.session.report(report);
        self.show(outcome)
    }
}

impl App {
    /// Opens on the first step not yet ticked, where a returning mentor left off.
    pub fn new(session: Session, text: &'static Text, tz: TimeZone) -> Self {
        let mut tree = TreeView::new(&session.pack);
        if let Some(first) = session.first_todo() {
            tree.select_node(first);
            tree.scroll_to_top();
        }
        App {
            session,
            tree,
            mode: Mode::Browsing,
            status: None,
            text,
            keymap: Keymap::default(),
            tz,
            tree_area: Rect::default(),
            shown: true,
            quit: false,
            leave: Leave::Shell,
            search: None,
            search_index: None,
            said: 0,
            closed: false,
            details: details::DetailsPane::default(),
            overlay_scroll: 0,
            overlay_fit: (0, 1),
            run: None,
            today: jiff::civil::Date::default(),
            fits_seen: 0,
            questions: Vec::new(),
            refused: None,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Where the mentor went on quitting.
    pub fn leave(&self) -> Leave {
        self.leave
    }

    /// Whether saves are under way, so their outcome is worth waiting for.
    pub fn saving(&self) -> bool {
        self.session.saving()
    }

    /// Tells the app where the tree rows are drawn; called before every frame.
    pub fn set_tree_area(&mut self, area: Rect) {
        self.tree_area = area;
        self.tree.set_height(usize::from(area.height));
    }

    pub fn notify(&mut self, severity: Severity, text: String) {
        self.said += 1;
        self.status = Some(Status {
            severity,
            text,
            about: None,
        });
    }

    /// Tells the app whether the next frame shows the checklist or only that the
    /// terminal is too small; called before every frame.
    pub fn set_shown(&mut self, shown: bool) {
        self.shown = shown;
    }

    /// What keys mean now: the one place the UI's mode becomes the keymap's.
    pub fn key_mode(&self) -> KeyMode {
        if !self.shown {
            return KeyMode::Hidden {
                typing: self.typing(),
            };
        }
        match self.mode {
            Mode::Searching | Mode::Typing(_) => KeyMode::Typing,
            Mode::Overlay(Overlay::Help | Overlay::Completion) => KeyMode::Reading,
            Mode::Overlay(Overlay::Links { .. }) | Mode::Browsing => KeyMode::Commands {
                after_closing: self.closed,
            },
        }
    }

    /// Whether something is open that Escape would close.
    fn open(&self) -> bool {
        !matches!(self.mode, Mode::Browsing) || self.search.is_some()
    }

    /// Whether a line is being typed (a search, a reason, a note): its keys are text,
    /// never commands, even while the screen is too small to show it.
    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Searching | Mode::Typing(_))
    }

    /// The window over the screen, if one is open.
    pub fn overlay(&self) -> Option<Overlay> {
        match self.mode {
            Mode::Overlay(overlay) => Some(overlay),
            _ => None,
        }
    }

    /// The reason or note being typed, if one is.
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.mode {
            Mode::Typing(prompt) => Some(prompt),
            _ => None,
        }
    }

    /// Puts what the core said where this UI says it: the completion in a window, an
    /// undo on the node it changed, the rest on the status line. Ticks and skips are
    /// seen in the tree and need no words.
    pub(super) fn show(&mut self, outcome: Outcome) -> Vec<Effect> {
        if self.session.fits() != self.fits_seen {
            self.fits_seen = self.session.fits();
            // Its matches counted steps that may no longer apply.
            if self.search.is_some() {
                self.clear_search();
            }
            self.tree.refit(&self.session.pack);
            self.search_index = None;
        }
        for notice in &outcome.notices {
            match notice {
                Notice::Ticked(_)
                | Notice::Unticked(_)
                | Notice::Skipped(_)
                | Notice::Unskipped(_)
                | Notice::NoteSaved(_)
                | Notice::NoteCleared(_) => {}
                Notice::Complete => self.mode = Mode::Overlay(Overlay::Completion),
                notice => {
                    if let Notice::Undone(change) = notice
                        && let Some(node) = change.node()
                    {
                        self.tree.reveal(&self.session.pack, node);
                    }
                    let mut said = notice.words(&self.session.pack, self.text);
                    if notice.offers_copy()
                        && let Some(keys) = self.keymap.keys_for(Action::Copy, self.text)
                    {
                        said = format!("{said} {}", fill(self.text.copy_hint, &[("keys", &keys)]));
                    }
                    self.notify(notice.severity(), said);
                    if notice.about_a_link()
                        && let Some(status) = &mut self.status
                    {
                        status.about = self.tree.selected();
                    }
                }
            }
        }
        outcome.effects
    }

    /// Applies one command; `now` stamps any tick it makes.
    pub fn update(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        if !self.shown {
            // Nothing open can be seen to be closed first: quitting quits, whatever is
            // open (a line being typed is dropped, as Escape would).
            self.quit = action == Action::Quit;
            return Vec::new();
        }
        let was_open = self.open();
        let effects = self.update_in_mode(action, now);
        self.closed = was_open && !self.open();
        effects
    }

    fn update_in_mode(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        match self.mode {
            Mode::Overlay(Overlay::Help | Overlay::Completion) => {
                self.read_overlay(action);
                Vec::new()
            }
            Mode::Overlay(Overlay::Links { purpose, selected }) => {
                self.update_links(action, purpose, selected, now)
            }
            // Keys are text there (`edit`); a click or a scroll changes nothing.
            Mode::Searching | Mode::Typing(_) => Vec::new(),
            Mode::Browsing => {
                let (before, said) = (self.tree.selected(), self.said);
                let mut effects = self.update_main(action, now);
                if self.said == said {
                    self.age_status(before);
                }
                // A step marked new stops being new once the mentor has looked at it.
                if let Some(node) = self.tree.selected() {
                    let seen = self.session.seen(node);
                    effects.extend(self.show(seen));
                }
                effects
            }
        }
    }

    /// The status line tells the present: after an action that said nothing new, a word
    /// about the link of a step no longer selected goes, and so does a plain
    /// information (a warning or an error stays until the next change says otherwise).
    /// The result of a search stays while the search does.
    fn age_status(&mut self, selected_before: Option<usize>) {
        let Some(status) = &self.status else {
            return;
        };
        let left = status.about.is_some() && self.tree.selected() != selected_before;
        let stale_info = status.severity == Severity::Info && self.search.is_none();
        if left || stale_info {
            self.status = None;
        }
    }

    /// Applies one key typed into the search or the prompt.
    pub fn edit(&mut self, edit: Edit, now: Timestamp) -> Vec<Effect> {
        let was_typing = self.typing();
        let effects = match &self.mode {
            Mode::Searching => {
                self.edit_search(edit);
                Vec::new()
            }
            Mode::Typing(_) => self.edit_prompt(edit, now),
            Mode::Browsing | Mode::Overlay(_) => Vec::new(),
        };
        // Escape out of typing, or Enter that saved a reason or a note, closed something:
        // the next Escape must not quit. A search kept with Enter is still open: the next
        // Escape clears it.
        self.closed = (edit == Edit::Cancel || (was_typing && !self.typing())) && !self.open();
        effects
    }
}
