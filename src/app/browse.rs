//! Keys as commands on the tree and in the link picker: moving, ticking, skipping,
//! undoing, following links, clicking. Each change is the core's; this only picks the
//! node it applies to and shows what came of it.

use jiff::Timestamp;
use ratatui::layout::Position;

use super::{App, BOX_WIDTH, Leave, LinkPurpose, Mode, Overlay, PromptKind, box_column};
use crate::keymap::Action;
use crate::progress::{NodeState, SkipPlan};
use crate::session::{Effect, Outcome};
use crate::text::fill;

impl App {
    pub(super) fn update_main(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        // A change the core makes by the action's name alone (tick, undo, ask).
        if let Some(node) = self.tree.selected()
            && let Some(outcome) = self.session.act(action, node, self.text, now)
        {
            return self.show(outcome);
        }
        let pack = &self.session.pack;
        match action {
            Action::Up => self.tree.move_by(-1),
            Action::Down => self.tree.move_by(1),
            Action::Collapse => self.tree.collapse(pack),
            Action::Expand => self.tree.expand(pack),
            Action::First => self.tree.first(),
            Action::Last => self.tree.last(),
            Action::PageUp => self.tree.page(false),
            Action::PageDown => self.tree.page(true),
            Action::ScrollUp { column, row } if self.over_details(column, row) => {
                self.scroll_details(-3);
            }
            Action::ScrollDown { column, row } if self.over_details(column, row) => {
                self.scroll_details(3);
            }
            Action::ScrollUp { .. } => self.tree.scroll(-3),
            Action::ScrollDown { .. } => self.tree.scroll(3),
            Action::DetailsDown => self.scroll_details(1),
            Action::DetailsUp => self.scroll_details(-1),
            Action::NextTodo if self.search.is_some() => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::NextTodo => self.next_todo(),
            Action::Skip => return self.skip_selected(),
            Action::EditNote => self.edit_note(),
            Action::Answer => self.answer_questions(),
            Action::Search => self.start_search(),
            Action::Quit if self.search.is_some() => self.clear_search(),
            Action::Open => return self.choose_link(LinkPurpose::Open, now),
            Action::Copy => return self.choose_link(LinkPurpose::Copy, now),
            Action::OpenLink(n) => return self.use_link(LinkPurpose::Open, usize::from(n), now),
            Action::Help => {
                self.overlay_scroll = 0;
                self.mode = Mode::Overlay(Overlay::Help);
            }
            Action::Quit => self.quit = true,
            Action::Runs if self.run.is_some() => {
                self.leave = Leave::Runs;
                self.quit = true;
            }
            Action::Runs => {}
            Action::Packs => {
                self.leave = Leave::Checklists;
                self.quit = true;
            }
            Action::Click { column, row } => return self.click(column, row, now),
            // The core's (above), or nothing here.
            _ => {}
        }
        Vec::new()
    }

    /// Whether `action` does something here: on the selected row (a tick needs steps
    /// below, opening a link needs one) and in this pack (a pack of reference cards has
    /// nothing to tick, skip, note or undo; runs belong to a pack done per student).
    /// The footer offers only these; the help leaves out what never applies in the pack.
    pub fn applies(&self, action: Action, on_row: bool) -> bool {
        let pack = &self.session.pack;
        let has_steps = self.session.tracker().overall(pack).1 > 0;
        let selected = self.tree.selected().filter(|_| on_row);
        match action {
            Action::Toggle | Action::Skip | Action::EditNote => match selected {
                Some(node) => pack.leaves(node).next().is_some(),
                None => has_steps,
            },
            Action::NextTodo => has_steps || self.search.is_some(),
            Action::Undo => has_steps,
            Action::Open | Action::Copy | Action::OpenLink(_) => match selected {
                Some(node) => !pack.nodes[node].links.is_empty(),
                None => true,
            },
            Action::Runs => self.run.is_some(),
            // The footer offers `m` only when it reaches someone; the help says whom.
            Action::Ask => !on_row || self.session.can_ask(),
            Action::Answer => !pack.questions.is_empty(),
            _ => true,
        }
    }

    pub(super) fn update_links(
        &mut self,
        action: Action,
        purpose: LinkPurpose,
        selected: usize,
        now: Timestamp,
    ) -> Vec<Effect> {
        let count = self.selected_links_len();
        let pick = |app: &mut App, purpose, n| {
            app.mode = Mode::Browsing;
            app.use_link(purpose, n, now)
        };
        let links = |selected| Mode::Overlay(Overlay::Links { purpose, selected });
        match action {
            Action::Up | Action::ScrollUp { .. } => self.mode = links(selected.saturating_sub(1)),
            Action::Down | Action::ScrollDown { .. } => {
                self.mode = links((selected + 1).min(count.saturating_sub(1)));
            }
            Action::Toggle | Action::Open | Action::Expand => {
                return pick(self, purpose, selected + 1);
            }
            Action::Copy => return pick(self, LinkPurpose::Copy, selected + 1),
            Action::OpenLink(n) => return pick(self, purpose, usize::from(n)),
            Action::Quit
            | Action::Collapse
            | Action::Help
            | Action::Runs
            | Action::Packs
            | Action::Ask
            | Action::Click { .. } => {
                self.mode = Mode::Browsing;
            }
            // The list of links is a short choice: other keys wait until it is closed.
            _ => {}
        }
        Vec::new()
    }

    fn selected_links_len(&self) -> usize {
        self.tree
            .selected()
            .map_or(0, |node| self.session.pack.nodes[node].links.len())
    }

    fn toggle_selected(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(node) = self.tree.selected() else {
            return Vec::new();
        };
        let outcome = self.session.toggle(node, now);
        self.show(outcome)
    }

    /// `s`: asks why the selected steps do not apply, always with a prompt, so that the
    /// words typed next are never taken for keys. The prompt says when ticks would be
    /// replaced; on steps skipped already it holds their reason, to change or clear.
    fn skip_selected(&mut self) -> Vec<Effect> {
        let Some(node) = self.tree.selected() else {
            return Vec::new();
        };
        let (kind, text) = match self.session.skip_plan(node) {
            SkipPlan::Nothing => (PromptKind::NothingToSkip, String::new()),
            SkipPlan::Skip { replaces } => (
                PromptKind::Skip {
                    replaces,
                    again: false,
                },
                String::new(),
            ),
            SkipPlan::Reason => {
                let pack = &self.session.pack;
                let reason = pack
                    .leaves(node)
                    .find_map(|leaf| self.session.tracker().skip_of(pack, leaf))
                    .map(|skip| skip.reason.clone())
                    .unwrap_or_default();
                let kind = PromptKind::Skip {
                    replaces: 0,
                    again: true,
                };
                (kind, reason)
            }
        };
        self.ask(kind, node, text);
        Vec::new()
    }

    /// `n`: the next step not yet ticked after the selection, from the top again at the end.
    fn next_todo(&mut self) {
        let from = self.tree.selected().map_or(0, |node| node + 1);
        match self.session.next_todo(from) {
            Ok(node) => self.tree.reveal(&self.session.pack, node),
            Err(notice) => {
                self.show(Outcome::say(notice));
            }
        }
    }

    /// What is left to tick in the stage of the selected node, for the status line.
    pub fn stage_summary(&self) -> Option<String> {
        let pack = &self.session.pack;
        let mut stage = self.tree.selected()?;
        while let Some(parent) = pack.nodes[stage].parent {
            stage = parent;
        }
        let (done, total) = self.session.tracker().counts(stage);
        let title = &pack.nodes[stage].title;
        if total == 0 {
            // Reference cards: nothing to tick, nothing to count.
            return None;
        }
        let none_applies = matches!(
            self.session.tracker().node_state(pack, stage),
            NodeState::Done(None)
        );
        Some(if none_applies {
            fill(self.text.stage_none_applies, &[("stage", title)])
        } else if done == total {
            fill(self.text.stage_all_ticked, &[("stage", title)])
        } else {
            let count = (total - done).to_string();
            fill(
                self.text.left_in_stage,
                &[("stage", title), ("count", &count)],
            )
        })
    }

    /// `o`/`y`: act on the only link, or let the user choose among several.
    fn choose_link(&mut self, purpose: LinkPurpose, now: Timestamp) -> Vec<Effect> {
        if self.selected_links_len() > 1 {
            self.mode = Mode::Overlay(Overlay::Links {
                purpose,
                selected: 0,
            });
            return Vec::new();
        }
        self.use_link(purpose, 1, now)
    }

    /// Opens or copies link number `n` (1-based) of the selected node.
    fn use_link(&mut self, purpose: LinkPurpose, n: usize, now: Timestamp) -> Vec<Effect> {
        let Some(node) = self.tree.selected() else {
            return Vec::new();
        };
        let asked = match purpose {
            LinkPurpose::Open => self.session.open(node, n, now),
            LinkPurpose::Copy => self.session.copy(node, n),
        };
        self.show(asked)
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
        let start = box_column(self.session.pack.nodes[node].depth);
        if (start..start + BOX_WIDTH).contains(&x) {
            return self.toggle_selected(now);
        }
        Vec::new()
    }
}
