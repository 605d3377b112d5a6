//! The app core without a terminal: navigation, tick propagation, progress counts,
//! link effects, mouse hits, and state that survives a round trip through the store.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::layout::Rect;
use ticklist::app::{App, LinkPurpose, Mode, Overlay, PromptKind};
use ticklist::effects::Core;
use ticklist::keymap::{Action, Edit};
use ticklist::pack::{self, Pack};
use ticklist::progress::{Changes, Check, LoadOutcome, State, StateStore, Tracker};
use ticklist::session::{Effect, EffectResult, Session, Severity};
use ticklist::text::FR;

const NOW: &str = "2026-11-22T09:30:00Z";

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

fn app_with(pack: Pack, state: State) -> App {
    let tracker = Tracker::new(&pack, state);
    let mut app = App::new(Session::new(pack, tracker), &FR, TimeZone::UTC);
    app.set_tree_area(Rect::new(1, 3, 40, 10));
    // These tests walk the tree from its top; opening on the first step to do has its own.
    app.update(Action::First, now());
    app
}

fn builtin_app() -> App {
    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let state = State::new(&pack.id, &pack.version);
    app_with(pack, state)
}

fn press(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().flat_map(|&a| app.update(a, now())).collect()
}

fn select(app: &mut App, id: &str) {
    let target = app.session.pack.find(id).unwrap();
    press(app, &[Action::First]);
    while app.tree.selected() != Some(target) {
        let before = app.tree.cursor();
        press(app, &[Action::Down]);
        assert_ne!(before, app.tree.cursor(), "{id} is not visible");
    }
}

fn selected_id(app: &App) -> &str {
    &app.session.pack.nodes[app.tree.selected().unwrap()].id
}

#[test]
fn arrows_walk_the_tree_and_stop_at_the_ends() {
    let mut app = builtin_app();
    assert_eq!(selected_id(&app), "etape-1");
    press(&mut app, &[Action::Up]);
    assert_eq!(selected_id(&app), "etape-1");
    press(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(selected_id(&app), "cours-explorez-role");
    press(&mut app, &[Action::Last]);
    assert_eq!(selected_id(&app), "cours-techniques-accompagnement");
    press(&mut app, &[Action::Down]);
    assert_eq!(selected_id(&app), "cours-techniques-accompagnement");
    press(&mut app, &[Action::First]);
    assert_eq!(selected_id(&app), "etape-1");
}

#[test]
fn pages_move_by_a_screen_and_keep_the_selection_visible() {
    let mut app = builtin_app();
    press(&mut app, &[Action::PageDown]);
    assert_eq!(app.tree.cursor(), 9);
    press(&mut app, &[Action::PageDown, Action::PageDown]);
    let cursor = app.tree.cursor();
    assert!(cursor >= app.tree.offset() && cursor < app.tree.offset() + 10);
    press(&mut app, &[Action::PageUp]);
    assert_eq!(app.tree.cursor(), cursor - 9);
}

#[test]
fn left_collapses_then_goes_to_the_parent_and_right_expands() {
    let mut app = builtin_app();
    let rows = app.tree.rows().len();
    select(&mut app, "section-debuter-mentorat");
    press(&mut app, &[Action::Collapse]);
    assert_eq!(selected_id(&app), "centre-aide-recrutement");
    press(&mut app, &[Action::Collapse]);
    assert_eq!(selected_id(&app), "centre-aide-recrutement");
    assert_eq!(app.tree.rows().len(), rows - 3);
    press(&mut app, &[Action::Expand]);
    assert_eq!(app.tree.rows().len(), rows);
    press(&mut app, &[Action::Expand]);
    assert_eq!(selected_id(&app), "section-debuter-mentorat");
}

#[test]
fn ticking_a_parent_ticks_its_children_and_unticking_a_child_unticks_the_parent() {
    let mut app = builtin_app();
    select(&mut app, "centre-aide-recrutement");
    let saves = press(&mut app, &[Action::Toggle]);
    let [Effect::Save { seq: 1, changes }] = saves.as_slice() else {
        panic!("one save expected, got {saves:?}");
    };
    // Only leaves are handed to the saver, each with its tick time.
    let saved: Vec<_> = changes.ticks.keys().map(String::as_str).collect();
    assert_eq!(
        saved,
        [
            "article-candidats-mission",
            "article-remuneration",
            "section-debuter-mentorat"
        ]
    );
    assert!(changes.ticks.values().all(|at| *at == Some(now())));
    let parent = app.session.pack.find("centre-aide-recrutement").unwrap();
    assert_eq!(app.session.tracker().check(parent), Check::Done);
    for id in [
        "section-debuter-mentorat",
        "article-candidats-mission",
        "article-remuneration",
    ] {
        assert!(app.session.tracker().state().ticks.contains_key(id), "{id}");
    }
    // Parents are derived: only leaves are stored.
    assert!(
        !app.session
            .tracker()
            .state()
            .ticks
            .contains_key("centre-aide-recrutement")
    );
    let stage = app.session.pack.find("etape-1").unwrap();
    assert_eq!(app.session.tracker().counts(stage), (3, 6));
    assert_eq!(app.session.tracker().check(stage), Check::Partial);

    select(&mut app, "article-candidats-mission");
    press(&mut app, &[Action::Toggle]);
    assert_eq!(app.session.tracker().check(parent), Check::Partial);
    assert_eq!(app.session.tracker().counts(stage), (2, 6));
    assert_eq!(app.session.tracker().overall(&app.session.pack), (2, 24));

    // A partial parent ticks whole; a done one clears whole.
    select(&mut app, "centre-aide-recrutement");
    press(&mut app, &[Action::Toggle]);
    assert_eq!(app.session.tracker().check(parent), Check::Done);
    press(&mut app, &[Action::Toggle]);
    assert_eq!(app.session.tracker().check(parent), Check::Empty);
    assert_eq!(app.session.tracker().overall(&app.session.pack), (0, 24));
}

#[test]
fn ticks_are_stamped_with_the_injected_time() {
    let mut app = builtin_app();
    select(&mut app, "video-candidats");
    press(&mut app, &[Action::Toggle]);
    assert_eq!(
        app.session.tracker().state().ticks["video-candidats"],
        now()
    );
    let stage = app.session.pack.find("etape-1").unwrap();
    assert_eq!(
        app.session.tracker().ticked_at(&app.session.pack, stage),
        None
    );
}

#[test]
fn ticking_everything_shows_the_completion_message_once() {
    let mut app = builtin_app();
    for stage in app.session.pack.children(None).collect::<Vec<_>>() {
        app.tree.select_node(stage);
        press(&mut app, &[Action::Toggle]);
    }
    assert_eq!(app.overlay(), Some(Overlay::Completion));
    assert_eq!(app.session.tracker().overall(&app.session.pack), (24, 24));
    // Any key closes it, without acting.
    let effects = press(&mut app, &[Action::Toggle]);
    assert!(effects.is_empty());
    assert_eq!(app.overlay(), None);
    assert!(app.session.tracker().is_complete(&app.session.pack));
}

#[test]
fn open_with_one_link_opens_it() {
    let mut app = builtin_app();
    select(&mut app, "fonctionnement-evaluations");
    assert_eq!(
        press(&mut app, &[Action::Open]),
        [Effect::OpenUrl("https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001586857-Le-fonctionnement-des-%C3%A9valuations".into())]
    );
    assert_eq!(
        press(&mut app, &[Action::Copy]),
        [Effect::CopyUrl("https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001586857-Le-fonctionnement-des-%C3%A9valuations".into())]
    );
}

#[test]
fn open_with_several_links_lets_the_user_choose() {
    let mut app = builtin_app();
    select(&mut app, "mentorship-manager");
    assert!(press(&mut app, &[Action::Open]).is_empty());
    assert_eq!(
        app.overlay(),
        Some(Overlay::Links {
            purpose: LinkPurpose::Open,
            selected: 0
        })
    );
    press(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(
        press(&mut app, &[Action::Toggle]),
        [Effect::OpenUrl("https://calendly.com/mentors-oc".into())]
    );
    assert_eq!(app.overlay(), None);

    // A digit picks directly, with or without the picker; Esc closes it.
    assert_eq!(
        press(&mut app, &[Action::OpenLink(2)]),
        [Effect::OpenUrl("https://calendly.com/mentors-oc".into())]
    );
    press(&mut app, &[Action::Open, Action::Quit]);
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit());
}

#[test]
fn missing_links_are_said_not_opened() {
    let mut app = builtin_app();
    select(&mut app, "contacter-openclassrooms");
    assert!(press(&mut app, &[Action::Open]).is_empty());
    assert_eq!(app.status.as_ref().unwrap().text, FR.no_link);
    select(&mut app, "slack");
    assert!(press(&mut app, &[Action::OpenLink(3)]).is_empty());
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "Pas de lien n°3 : cette tâche en a 1."
    );
}

#[test]
fn reports_become_status_messages() {
    let mut app = builtin_app();
    app.report(EffectResult::NoBrowser("https://example.org".into()));
    let status = app.status.clone().unwrap();
    assert_eq!(status.severity, Severity::Warning);
    assert!(status.text.contains("https://example.org"));
    app.report(EffectResult::SaveFailed {
        upto: 0,
        error: "disk full".into(),
    });
    let status = app.status.clone().unwrap();
    assert_eq!(status.severity, Severity::Error);
    assert!(status.text.contains("disk full") && status.text.contains("mémoire"));
}

#[test]
fn clicks_select_rows_and_ticking_needs_the_box() {
    let mut app = builtin_app();
    // Tree rows start at (1, 3); row 1 is "video-candidats" at depth 1.
    let effects = app.update(Action::Click { column: 20, row: 4 }, now());
    assert!(effects.is_empty());
    assert_eq!(selected_id(&app), "video-candidats");
    let box_x = 1 + u16::try_from(ticklist::app::box_column(1)).unwrap();
    let effects = app.update(
        Action::Click {
            column: box_x + 1,
            row: 4,
        },
        now(),
    );
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]));
    assert!(
        app.session
            .tracker()
            .state()
            .ticks
            .contains_key("video-candidats")
    );
    // Outside the tree: nothing.
    assert!(
        app.update(Action::Click { column: 70, row: 4 }, now())
            .is_empty()
    );
    assert_eq!(selected_id(&app), "video-candidats");
}

#[test]
fn the_wheel_scrolls_without_losing_the_selection() {
    let mut app = builtin_app();
    let wheel_down = Action::ScrollDown { column: 1, row: 5 };
    press(&mut app, &[wheel_down, wheel_down]);
    assert_eq!(app.tree.offset(), 6);
    assert_eq!(app.tree.cursor(), 6);
    press(&mut app, &[Action::ScrollUp { column: 1, row: 5 }]);
    assert_eq!(app.tree.offset(), 3);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = builtin_app();
    press(&mut app, &[Action::Help]);
    assert_eq!(app.overlay(), Some(Overlay::Help));
    press(&mut app, &[Action::Quit]);
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit());
    press(&mut app, &[Action::Quit]);
    assert!(app.should_quit());
}

#[test]
fn ticks_survive_a_save_and_a_pack_that_dropped_their_step() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut app = builtin_app();
    select(&mut app, "video-candidats");
    press(&mut app, &[Action::Toggle]);
    let mut state = app.session.tracker().state().clone();
    let gone = Changes::from([("removed-step".to_string(), Some(now()))]);
    state.apply(&gone);
    store.save(&state, &gone, now()).unwrap();

    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let LoadOutcome::Loaded(loaded) = store.load(&pack.id, &pack.version, now()) else {
        panic!("state should load");
    };
    assert_eq!(loaded, state);
    let mut app = app_with(pack, loaded);
    assert_eq!(app.session.tracker().overall(&app.session.pack), (1, 24));
    select(&mut app, "slack");
    press(&mut app, &[Action::Toggle]);
    // The unknown id is still there, untouched.
    assert_eq!(app.session.tracker().state().ticks["removed-step"], now());
}

#[test]
fn ticks_merged_from_another_window_show_without_undoing_saves_under_way() {
    let mut app = builtin_app();
    select(&mut app, "video-candidats");
    press(&mut app, &[Action::Toggle]);
    select(&mut app, "slack");
    press(&mut app, &[Action::Toggle]);
    assert!(app.saving());
    // The first save is written, merged with another window's tick; the second,
    // which ticked "slack", is still under way.
    let mut on_disk = State::new(&app.session.pack.id, &app.session.pack.version);
    on_disk.ticks.insert("video-candidats".into(), now());
    on_disk.ticks.insert("companion".into(), now());
    app.report(EffectResult::Saved {
        upto: 1,
        merged: Some(on_disk),
    });
    let ticks: Vec<_> = app
        .session
        .tracker()
        .state()
        .ticks
        .keys()
        .cloned()
        .collect();
    assert_eq!(ticks, ["companion", "slack", "video-candidats"]);
    assert_eq!(app.session.tracker().overall(&app.session.pack), (3, 24));
    assert_eq!(app.status.clone().unwrap().text, FR.merged);
    assert!(app.saving(), "save 2 is still under way");
    app.report(EffectResult::Saved {
        upto: 2,
        merged: None,
    });
    assert!(!app.saving());
}

#[test]
fn a_failed_save_is_said_on_every_change() {
    let mut app = builtin_app();
    for id in ["video-candidats", "slack"] {
        select(&mut app, id);
        app.status = None;
        let effects = press(&mut app, &[Action::Toggle]);
        let [Effect::Save { seq, .. }] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        app.report(EffectResult::SaveFailed {
            upto: *seq,
            error: "read-only file system".into(),
        });
        let status = app.status.clone().unwrap();
        assert_eq!(status.severity, Severity::Error);
        assert!(status.text.contains("read-only file system"));
    }
    // Nothing is lost in memory.
    assert_eq!(app.session.tracker().overall(&app.session.pack), (2, 24));
    assert!(!app.saving());
}

#[test]
fn it_opens_on_the_first_step_to_do_and_n_walks_the_steps_to_do() {
    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let mut state = State::new(&pack.id, &pack.version);
    for id in [
        "video-candidats",
        "cours-explorez-role",
        "article-remuneration",
    ] {
        state.ticks.insert(id.into(), now());
    }
    let tracker = Tracker::new(&pack, state);
    let mut app = App::new(Session::new(pack, tracker), &FR, TimeZone::UTC);
    assert_eq!(selected_id(&app), "section-debuter-mentorat");
    press(&mut app, &[Action::NextTodo]);
    assert_eq!(selected_id(&app), "article-candidats-mission");
    press(&mut app, &[Action::NextTodo]);
    assert_eq!(
        selected_id(&app),
        "avis-recrutement",
        "ticked steps are skipped"
    );
    assert_eq!(
        app.stage_summary().unwrap(),
        "Étape 1 : Pendant votre processus de recrutement : 3 tâches encore à cocher"
    );
    // A folded stage is unfolded to show the step.
    select(&mut app, "etape-2");
    press(&mut app, &[Action::Collapse, Action::NextTodo]);
    assert_eq!(selected_id(&app), "video-introduction-role");
    // From the last step to do, back to the first one.
    select(&mut app, "cours-techniques-accompagnement");
    press(&mut app, &[Action::NextTodo]);
    assert_eq!(selected_id(&app), "section-debuter-mentorat");
}

#[test]
fn n_says_so_when_everything_is_ticked() {
    let mut app = builtin_app();
    select(&mut app, "etape-1");
    press(&mut app, &[Action::Toggle]);
    select(&mut app, "etape-2");
    press(&mut app, &[Action::Toggle, Action::Help, Action::NextTodo]);
    press(&mut app, &[Action::NextTodo]);
    assert_eq!(app.status.as_ref().unwrap().text, FR.all_done);
    assert_eq!(selected_id(&app), "etape-2");
}

#[test]
fn u_takes_back_ticks_one_level_at_a_time_with_their_old_times_and_saves() {
    let mut app = builtin_app();
    let earlier: Timestamp = "2026-11-01T08:00:00Z".parse().unwrap();
    select(&mut app, "slack");
    app.update(Action::Toggle, earlier);
    select(&mut app, "etape-1");
    press(&mut app, &[Action::Toggle]);
    select(&mut app, "slack");
    press(&mut app, &[Action::Toggle]); // untick slack
    assert_eq!(app.session.tracker().overall(&app.session.pack), (6, 24));

    let effects = press(&mut app, &[Action::Undo]);
    assert_eq!(app.session.tracker().overall(&app.session.pack), (7, 24));
    assert_eq!(
        app.session.tracker().state().ticks.get("slack"),
        Some(&earlier),
        "an untick taken back keeps the first tick's time"
    );
    let [Effect::Save { changes, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(changes.ticks.get("slack"), Some(&Some(earlier)));
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Annulé : le décochage de « Inscrivez-vous sur Slack")
    );

    press(&mut app, &[Action::Undo]);
    assert_eq!(
        app.session.tracker().overall(&app.session.pack),
        (1, 24),
        "the stage tick, all six steps"
    );
    assert_eq!(selected_id(&app), "etape-1", "the undone node is shown");
    press(&mut app, &[Action::Undo]);
    assert_eq!(app.session.tracker().overall(&app.session.pack), (0, 24));
    assert!(press(&mut app, &[Action::Undo]).is_empty());
    assert_eq!(app.status.as_ref().unwrap().text, FR.nothing_to_undo);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.edit(Edit::Insert(c), now());
    }
}

/// Keys typed into the search or the prompt.
fn edit(app: &mut App, edits: &[Edit]) -> Vec<Effect> {
    edits.iter().flat_map(|&e| app.edit(e, now())).collect()
}

fn rows(app: &App) -> Vec<&str> {
    app.tree
        .rows()
        .iter()
        .map(|&i| app.session.pack.nodes[i].id.as_str())
        .collect()
}

#[test]
fn slash_filters_the_tree_as_you_type_and_esc_gives_it_back() {
    let mut app = builtin_app();
    let all = app.tree.rows().len();
    press(&mut app, &[Action::Search]);
    assert_eq!(app.mode, Mode::Searching);
    type_text(&mut app, "EVALUATION");
    // The match and its parents, for context; the match selected.
    assert_eq!(
        rows(&app),
        [
            "etape-2",
            "partie-1",
            "centre-aide-articles",
            "fonctionnement-evaluations"
        ]
    );
    assert_eq!(selected_id(&app), "fonctionnement-evaluations");
    // Keys are text while typing: `q` is a letter, not quit.
    type_text(&mut app, "q");
    assert!(!app.should_quit());
    assert!(app.search.as_ref().unwrap().matches.is_empty());
    assert_eq!(app.tree.rows().len(), all, "no match: the whole tree");
    edit(&mut app, &[Edit::Delete, Edit::Confirm]);
    assert_eq!(app.mode, Mode::Browsing);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "1 résultat pour « EVALUATION » · n/N suivant/précédent · Échap efface"
    );
    press(&mut app, &[Action::Quit]);
    assert!(!app.should_quit(), "Esc clears the search first");
    assert!(app.search.is_none());
    assert_eq!(app.tree.rows().len(), all);
    assert_eq!(
        selected_id(&app),
        "fonctionnement-evaluations",
        "the selection stays"
    );
}

#[test]
fn n_and_shift_n_go_round_the_matches() {
    let mut app = builtin_app();
    press(&mut app, &[Action::Search]);
    type_text(&mut app, "centre d'aide");
    edit(&mut app, &[Edit::Confirm]);
    let matches: Vec<String> = app
        .search
        .as_ref()
        .unwrap()
        .matches
        .iter()
        .map(|&i| app.session.pack.nodes[i].id.clone())
        .collect();
    assert_eq!(
        matches,
        [
            "centre-aide-recrutement",
            "centre-aide-articles",
            "article-contacter",
            "companion"
        ]
    );
    assert_eq!(selected_id(&app), "centre-aide-recrutement");
    press(&mut app, &[Action::NextTodo]);
    assert_eq!(selected_id(&app), "centre-aide-articles");
    press(&mut app, &[Action::PrevMatch, Action::PrevMatch]);
    assert_eq!(
        selected_id(&app),
        "companion",
        "round from the first to the last"
    );
    press(&mut app, &[Action::NextTodo]);
    assert_eq!(selected_id(&app), "centre-aide-recrutement");
    // Ticking works on a filtered tree.
    let effects = press(&mut app, &[Action::Toggle]);
    assert_eq!(effects.len(), 1);
}

#[test]
fn an_empty_search_is_dropped() {
    let mut app = builtin_app();
    press(&mut app, &[Action::Search]);
    edit(&mut app, &[Edit::Confirm]);
    assert!(app.search.is_none());
    press(&mut app, &[Action::Search]);
    type_text(&mut app, "x");
    edit(&mut app, &[Edit::Cancel]);
    assert!(app.search.is_none() && !app.should_quit());
}

#[test]
fn s_asks_why_then_marks_the_step_not_applicable_and_u_takes_it_back() {
    let mut app = builtin_app();
    select(&mut app, "slack");
    press(&mut app, &[Action::Skip]);
    assert!(app.typing(), "the reason is typed on the status line");
    type_text(&mut app, "déjà inscrit");
    let effects = edit(&mut app, &[Edit::Confirm]);
    assert!(!app.typing());
    let [Effect::Save { changes, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        changes.skipped["slack"].as_ref().unwrap().reason,
        "déjà inscrit"
    );
    let slack = app.session.pack.find("slack").unwrap();
    assert_eq!(
        app.session
            .tracker()
            .skip_of(&app.session.pack, slack)
            .unwrap()
            .reason,
        "déjà inscrit"
    );
    assert_eq!(
        app.session.tracker().overall(&app.session.pack),
        (1, 24),
        "settled, so counted"
    );
    assert!(
        app.session.tracker().state().ticks.is_empty(),
        "but not ticked"
    );

    // Space on a skipped step ticks it after all; u puts the skip back.
    press(&mut app, &[Action::Toggle]);
    assert!(
        app.session
            .tracker()
            .skip_of(&app.session.pack, slack)
            .is_none()
    );
    assert!(app.session.tracker().state().ticks.contains_key("slack"));
    press(&mut app, &[Action::Undo]);
    assert_eq!(
        app.session
            .tracker()
            .skip_of(&app.session.pack, slack)
            .unwrap()
            .reason,
        "déjà inscrit"
    );
    // s on a skipped step opens the prompt on its reason: another reason replaces it,
    // none takes the skip back.
    press(&mut app, &[Action::Skip]);
    let prompt = app.prompt().unwrap();
    assert_eq!(prompt.line.text, "déjà inscrit");
    assert!(matches!(prompt.kind, PromptKind::Skip { again: true, .. }));
    edit(&mut app, &[Edit::End]);
    edit(
        &mut app,
        &vec![Edit::Delete; "déjà inscrit".chars().count()],
    );
    edit(&mut app, &[Edit::Confirm]);
    assert!(!app.typing());
    assert!(
        app.session
            .tracker()
            .skip_of(&app.session.pack, slack)
            .is_none()
    );
    assert_eq!(app.session.tracker().overall(&app.session.pack), (0, 24));
    // Esc while typing the reason changes nothing.
    press(&mut app, &[Action::Skip]);
    type_text(&mut app, "x");
    assert!(edit(&mut app, &[Edit::Cancel]).is_empty());
    assert!(!app.should_quit() && !app.typing());
    assert!(
        app.session
            .tracker()
            .skip_of(&app.session.pack, slack)
            .is_none()
    );
}

#[test]
fn an_opened_link_is_recorded_once_the_browser_has_it() {
    let mut app = builtin_app();
    select(&mut app, "slack");
    let at: Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
    let effects = app.update(Action::Open, at);
    let [Effect::OpenUrl(url)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let slack = app.session.pack.find("slack").unwrap();
    assert_eq!(
        app.session.tracker().opened_at(&app.session.pack, slack),
        None,
        "not before it opened"
    );
    let saves = app.report(EffectResult::Opened(url.clone()));
    assert_eq!(
        app.session.tracker().opened_at(&app.session.pack, slack),
        Some(at)
    );
    let [Effect::Save { changes, .. }] = saves.as_slice() else {
        panic!("{saves:?}")
    };
    assert_eq!(changes.opened["slack"], at);
    assert!(
        app.session.tracker().state().ticks.is_empty(),
        "opening is not ticking"
    );
    // A link that could not open is not recorded.
    select(&mut app, "parrainage");
    let effects = app.update(Action::Open, at);
    let [Effect::OpenUrl(url)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let nothing = app.report(EffectResult::NoBrowser(url.clone()));
    assert!(nothing.is_empty());
    let parrainage = app.session.pack.find("parrainage").unwrap();
    assert_eq!(
        app.session
            .tracker()
            .opened_at(&app.session.pack, parrainage),
        None
    );
}

#[test]
fn e_writes_a_note_in_place_and_u_takes_it_back() {
    let mut app = builtin_app();
    select(&mut app, "slack");
    press(&mut app, &[Action::EditNote]);
    assert!(app.typing());
    type_text(&mut app, "demander #mentors");
    let effects = edit(&mut app, &[Edit::Confirm]);
    let [Effect::Save { changes, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(changes.notes["slack"].as_deref(), Some("demander #mentors"));
    assert_eq!(
        app.session.tracker().state().notes["slack"],
        "demander #mentors"
    );
    // Editing starts from the note; emptying it removes it.
    press(&mut app, &[Action::EditNote]);
    assert_eq!(
        app.prompt().as_ref().unwrap().line.text,
        "demander #mentors"
    );
    for _ in 0.."demander #mentors".len() {
        edit(&mut app, &[Edit::Delete]);
    }
    edit(&mut app, &[Edit::Confirm]);
    assert!(!app.session.tracker().state().notes.contains_key("slack"));
    // Undo brings the note back, then takes it away.
    let effects = press(&mut app, &[Action::Undo]);
    assert_eq!(effects.len(), 1);
    assert_eq!(
        app.session.tracker().state().notes["slack"],
        "demander #mentors"
    );
    press(&mut app, &[Action::Undo]);
    assert!(!app.session.tracker().state().notes.contains_key("slack"));
}

#[test]
fn undo_goes_back_at_most_a_hundred_changes() {
    let mut app = builtin_app();
    select(&mut app, "slack");
    // 101 changes on one step: ticked after odd ones, unticked after even ones.
    for _ in 0..101 {
        press(&mut app, &[Action::Toggle]);
    }
    assert_eq!(app.session.tracker().overall(&app.session.pack), (1, 24));
    for undone in 1..=100 {
        assert!(
            !press(&mut app, &[Action::Undo]).is_empty(),
            "undo {undone} saves"
        );
    }
    // The hundredth undo left the state after the first change: slack ticked.
    assert_eq!(app.session.tracker().overall(&app.session.pack), (1, 24));
    assert!(press(&mut app, &[Action::Undo]).is_empty());
    assert_eq!(app.status.as_ref().unwrap().text, FR.nothing_to_undo);
    assert_eq!(
        app.session.tracker().overall(&app.session.pack),
        (1, 24),
        "the first change stays"
    );
}

#[test]
fn slash_and_ticklist_search_find_the_same_nodes() {
    use ticklist::search::{Query, find};
    for query in [
        "evaluation",
        "slack",
        "agenda en ligne",
        "mentor",
        "rôle du",
    ] {
        let mut app = builtin_app();
        press(&mut app, &[Action::Search]);
        for c in query.chars() {
            edit(&mut app, &[Edit::Insert(c)]);
        }
        let shown = app.search.as_ref().unwrap().matches.clone();
        let found = find(
            &app.session.pack,
            Some(app.session.tracker().state()),
            &Query::new(query).unwrap(),
        );
        assert_eq!(shown, found, "{query}");
        assert!(!found.is_empty(), "{query}");
    }
}

#[test]
fn the_status_line_tells_the_present_not_an_old_link() {
    let mut app = builtin_app();
    select(&mut app, "slack");
    let effects = press(&mut app, &[Action::Open]);
    let Some(Effect::OpenUrl(url)) = effects.into_iter().next() else {
        panic!("no link opened")
    };
    app.report(EffectResult::Opened(url.clone()));
    assert!(app.status.as_ref().unwrap().text.contains(&url));
    // Another step selected: the word about slack's link goes.
    press(&mut app, &[Action::Down]);
    assert_eq!(app.status, None, "a URL that is not the selected step's");

    // A warning that matters stays through moves, and the next news replaces it.
    app.report(EffectResult::SaveFailed {
        upto: 1,
        error: "disk full".into(),
    });
    press(&mut app, &[Action::Down, Action::Up]);
    assert!(app.status.as_ref().unwrap().text.contains("disk full"));
    // Information ("nothing to undo") is gone at the next action.
    press(&mut app, &[Action::Undo]);
    assert_eq!(app.status.as_ref().unwrap().text, FR.nothing_to_undo);
    press(&mut app, &[Action::Down]);
    assert_eq!(app.status, None);
}

#[test]
fn people_read_links_decoded_and_the_browser_gets_them_exact() {
    let mut app = builtin_app();
    select(&mut app, "video-candidats");
    let effects = press(&mut app, &[Action::Open]);
    let Some(Effect::OpenUrl(url)) = effects.into_iter().next() else {
        panic!("no link opened")
    };
    assert!(
        url.contains("d%C3%A9couvrez"),
        "the exact URL to the browser: {url}"
    );
    app.report(EffectResult::Opened(url));
    let said = &app.status.as_ref().unwrap().text;
    assert!(
        said.contains("Candidats-découvrez") && !said.contains("%C3%A9"),
        "{said}"
    );
}

#[test]
fn s_on_a_reference_card_opens_its_prompt_so_typed_words_stay_text() {
    let pack = pack::find_builtin("mentor-handbook")
        .unwrap()
        .load(ticklist::text::Lang::Fr)
        .unwrap();
    let state = State::new(&pack.id, &pack.version);
    let mut app = app_with(pack, state);
    let before = app.tree.selected();
    press(&mut app, &[Action::Skip]);
    assert!(app.typing(), "a typing key always opens its prompt");
    // Letters that would move, open the help and quit are text here.
    type_text(&mut app, "jj?q");
    assert_eq!(app.prompt().unwrap().line.text, "jj?q");
    assert!(
        edit(&mut app, &[Edit::Confirm]).is_empty(),
        "nothing to save"
    );
    assert!(!app.typing() && !app.should_quit() && app.overlay().is_none());
    assert_eq!(app.tree.selected(), before);
    assert_eq!(app.session.tracker().state().skipped.len(), 0);
}

#[test]
fn a_stage_none_of_whose_steps_applies_is_said_so_not_all_ticked() {
    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let mut state = State::new(&pack.id, &pack.version);
    let stage = pack.find("etape-1").unwrap();
    for leaf in pack.leaves(stage) {
        let skip = ticklist::progress::Skip {
            reason: "déjà fait".into(),
            at: now(),
        };
        state.skipped.insert(pack.nodes[leaf].id.clone(), skip);
    }
    let mut app = app_with(pack, state);
    select(&mut app, "etape-1");
    assert_eq!(
        app.stage_summary().unwrap(),
        "Étape 1 : Pendant votre processus de recrutement : rien ne s'y applique"
    );
}
