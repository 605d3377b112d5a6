//! Opening the checklist for a person: the full-screen UI, or plain mode when asked
//! for or when there is no screen to draw on. A repeatable pack without `--run` lets
//! them pick the run first.

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use super::{Cli, Failure, default_notice, pack_and_words};
use crate::app::{App, Chooser, Chosen, Leave, RunPicker};
use crate::effects::{Opener, Runner, Saver};
use crate::keymap::{Action, Keymap};
use crate::pack::Pack;
use crate::plain::{self, Plain};
use crate::progress::{StateStore, list_runs};
use crate::session::{Notice, Opened, Started, open, shelf};
use crate::text::{Lang, Text, fill};
use crate::ui::Theme;

/// `ACCESSIBLE` set (and not empty or `0`): the variable command-line tools read to
/// offer a screen reader their accessible mode (gh, clack). Here, plain mode.
fn accessible() -> bool {
    std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Loads the pack and its progress, then runs the full-screen UI or plain mode.
pub(super) fn open_checklist(cli: Cli) -> Result<(), Failure> {
    let (pack, text) = pack_and_words(&cli)?;
    let plain = cli.options.plain
        || accessible()
        || !std::io::stdout().is_terminal()
        // Commands piped in are meant to be read, not keys the full screen would ignore.
        || !std::io::stdin().is_terminal()
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    // Read before anything else: a mistake in it stops here, with nothing touched. Plain
    // mode takes its letters from it too.
    let keymap = super::keymap(text)?;
    let theme = Theme::from_env(cli.options.theme);
    let Some((store, run, started)) = store_and_run(&cli, &pack, text, plain, &theme)? else {
        return Ok(());
    };
    let mut opened = open(pack, store, run, crate::clock::now());
    opened.notices.extend(started);
    opened.notices.extend(default_notice(&cli));
    // A new mentor on the checklist: the guides that come with it, said once, with the
    // key of the chooser that lists them.
    if opened.fresh
        && opened.session.pack.id == crate::pack::BUILTIN_ID
        && let Some(keys) = keymap.keys_for(Action::Packs, text)
    {
        opened.notices.push(Notice::OtherGuides { keys });
    }
    if plain {
        return run_plain(&cli, opened, &keymap);
    }
    if cli.options.theme.is_some() {
        // crossterm drops every colour under NO_COLOR by itself; a theme asked for on the
        // command line wins over the environment, as no-color.org asks.
        ratatui::crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    // Where the mentor was, when they come back to the same checklist.
    let mut select = None;
    loop {
        let here = Here::of(&opened);
        let pack = &here.pack;
        let lang = super::lang_for(&cli, pack);
        let text = lang.text();
        let base = StateStore::new(super::state_dir(cli.options.state_dir.clone())?);
        let back = || here.reopen();
        let (leave, selected) = run_ui(&cli, opened, text, &keymap, &theme, select.take())?;
        opened = match leave {
            Leave::Shell => return Ok(()),
            // `r` leaves a student's checklist for the list of students.
            Leave::Runs => match pick_in_ui(&base, pack, text, &theme)? {
                Some((store, run)) => open(pack.clone(), store, run, crate::clock::now()),
                None => return Ok(()),
            },
            // `c` leaves it for the list of checklists.
            Leave::Checklists => {
                // Back on the same checklist (chosen, or fallen back to), on the same row.
                select = selected;
                let mut chooser = chooser(&cli, &base, &pack.id, lang);
                match crate::tui::choose_checklist(&mut chooser, text, &theme)? {
                    Chosen::Quit => return Ok(()),
                    Chosen::Back => back(),
                    Chosen::Open(id) => open_chosen(&cli, &id, &base, back, |chosen| {
                        pick_in_ui(&base, chosen, super::lang_for(&cli, chosen).text(), &theme)
                    })?,
                }
            }
        };
        if opened.session.pack.id != here.pack.id || opened.run != here.run {
            select = None;
        }
    }
}

/// The pack, progress folder and student of an opened checklist, to come back to it.
struct Here {
    pack: Arc<Pack>,
    store: StateStore,
    run: Option<String>,
}

impl Here {
    fn of(opened: &Opened) -> Self {
        Here {
            pack: Arc::clone(opened.session.whole()),
            store: opened.store.clone(),
            run: opened.run.clone(),
        }
    }

    /// The same checklist, opened again on its progress as saved.
    fn reopen(&self) -> Opened {
        let (store, run) = (self.store.clone(), self.run.clone());
        open(Arc::clone(&self.pack), store, run, crate::clock::now())
    }
}

/// The chooser on every checklist within reach, with how far the mentor is in each
/// (from `base`, their progress folder), on the one open now, in `lang` (the language
/// on screen).
fn chooser(cli: &Cli, base: &StateStore, current: &str, lang: Lang) -> Chooser {
    let listed = super::packs::library(cli).and_then(|library| Ok(shelf(&library, base, lang)?));
    let text = lang.text();
    match listed {
        // A preloaded pack that cannot be read is not listed: the chooser says why.
        Ok((listed, problems)) => {
            let mut chooser = Chooser::new(listed, current);
            chooser.problem = problems.into_iter().next();
            chooser
        }
        Err(e) => {
            let mut chooser = Chooser::new(Vec::new(), current);
            chooser.problem = Some(fill(text.chooser_problem, &[("error", &e.message(text))]));
            chooser
        }
    }
}

/// Opens the checklist chosen by `id`; one done once per student on the student `pick`
/// returns. Leaving the students, or a pack that cannot be read, goes `back` (the
/// latter saying why).
fn open_chosen(
    cli: &Cli,
    id: &str,
    base: &StateStore,
    back: impl FnOnce() -> Opened,
    pick: impl FnOnce(&Pack) -> Result<Option<(StateStore, Option<String>)>, Failure>,
) -> Result<Opened, Failure> {
    let chosen = match super::packs::library(cli)?.resolve_id(id) {
        Ok(chosen) => chosen,
        Err(e) => {
            let mut opened = back();
            let text = super::lang_for(cli, &opened.session.pack).text();
            let why = Failure::from(e).message(text);
            opened.notices.push(Notice::Unavailable(why));
            return Ok(opened);
        }
    };
    if !chosen.repeatable {
        return Ok(open(chosen, base.clone(), None, crate::clock::now()));
    }
    Ok(match pick(&chosen)? {
        Some((store, run)) => open(chosen, store, run, crate::clock::now()),
        None => back(),
    })
}

/// The full-screen UI on the opened checklist (on `select`, else on the first step to
/// do); where the mentor went on leaving it, and from which node.
fn run_ui(
    cli: &Cli,
    opened: Opened,
    text: &'static Text,
    keymap: &Keymap,
    theme: &Theme,
    select: Option<usize>,
) -> Result<(Leave, Option<usize>), Failure> {
    let Started {
        session,
        store,
        run,
        publisher,
        startup,
        said,
    } = opened.start(text);
    let saver = Saver::spawn(store, session.tracker().state().clone(), publisher, text);
    let mut app = App::new(session, text, crate::clock::time_zone());
    app.keymap = keymap.clone();
    app.run = run;
    if let Some(node) = select {
        app.tree.select_node(node);
    }
    app.today = crate::clock::now().to_zoned(app.tz.clone()).date();
    // The questions never asked are asked as the checklist opens, once each.
    let unasked = app.session.unasked();
    app.ask_questions(unasked);
    if let Some((severity, notice)) = said.into_iter().next() {
        app.notify(severity, notice);
    }
    let mut runner = Runner::background(saver, Opener::from_env(), Box::new(std::io::stdout()));
    // A save: the worker reports on it once it is written.
    runner.run(&mut app, startup.effects);
    Ok(crate::tui::run(app, runner, !cli.options.no_mouse, *theme)?)
}

/// The run picker in the full-screen UI: the run picked (its store and name), or `None`
/// if the mentor leaves.
fn pick_in_ui(
    base: &StateStore,
    pack: &Pack,
    text: &'static Text,
    theme: &Theme,
) -> Result<Option<(StateStore, Option<String>)>, Failure> {
    let mut picker = RunPicker::new(&pack.title, list_runs(base, pack));
    let Some(key) = crate::tui::pick_run(&mut picker, base, pack, text, theme)? else {
        return Ok(None);
    };
    let name = list_runs(base, pack)
        .into_iter()
        .find(|r| r.key == key)
        .map(|r| r.run.name);
    Ok(Some((base.for_run(&key), name)))
}

/// Where the progress is kept: for a repeatable pack opened without `--run`, the run
/// the person picks (`None` if they leave instead); with a new name given to `--run`,
/// that a student's checklist was started.
fn store_and_run(
    cli: &Cli,
    pack: &Pack,
    text: &'static Text,
    plain: bool,
    theme: &Theme,
) -> Result<Option<super::Place>, Failure> {
    match super::progress_store_saying(cli, pack, true) {
        Ok(found) => Ok(Some(found)),
        Err(Failure::RunNeeded { .. }) if !plain => {
            let base = StateStore::new(super::state_dir(cli.options.state_dir.clone())?);
            let picked = pick_in_ui(&base, pack, text, theme)?;
            Ok(picked.map(|(store, run)| (store, run, None)))
        }
        // The same, a line at a time.
        Err(Failure::RunNeeded { .. }) => {
            let base = StateStore::new(super::state_dir(cli.options.state_dir.clone())?);
            let stdin = std::io::stdin();
            let out = &mut std::io::stdout().lock();
            let picked = plain::pick_run(pack, &base, text, &mut stdin.lock(), out)?;
            Ok(picked.map(|(key, name)| (base.for_run(&key), Some(name), None)))
        }
        Err(e) => Err(e),
    }
}

/// Plain mode on the opened checklist, on standard input and output; `r` goes back to
/// the list of students, `c` to the list of checklists, where another is opened.
fn run_plain(cli: &Cli, mut opened: Opened, keymap: &Keymap) -> Result<(), Failure> {
    let stdin = std::io::stdin();
    let opener = Opener::from_env();
    loop {
        let here = Here::of(&opened);
        let pack = &here.pack;
        let lang = super::lang_for(cli, pack);
        let text = lang.text();
        let Started {
            session,
            store,
            run,
            publisher,
            startup,
            said,
        } = opened.start(text);
        let tz = crate::clock::time_zone();
        let today = crate::clock::now().to_zoned(tz.clone()).date();
        let notices: Vec<String> = said.into_iter().map(|(_, words)| words).collect();
        let mut reader = Plain::new(session, text, tz);
        reader.run = run;
        reader.today = today;
        reader.keymap = keymap.clone();
        let io = plain::Io {
            store: &store,
            publisher: publisher.as_ref(),
            opener: &opener,
            prompt: stdin.is_terminal(),
        };
        let mut out = std::io::stdout().lock();
        let ended = plain::run(reader, startup, &notices, &mut stdin.lock(), &mut out, &io)?;
        let base = StateStore::new(super::state_dir(cli.options.state_dir.clone())?);
        let back = || here.reopen();
        // The students of a pack, in the words of that pack's screen.
        let pick = |pack: &Pack, out: &mut std::io::StdoutLock<'_>| {
            let text = super::lang_for(cli, pack).text();
            let picked = plain::pick_run(pack, &base, text, &mut stdin.lock(), out)?;
            Ok::<_, Failure>(picked.map(|(key, name)| (base.for_run(&key), Some(name))))
        };
        opened = match ended {
            plain::Ended::Quit => return Ok(()),
            plain::Ended::Runs => match pick(pack, &mut out)? {
                Some((store, run)) => open(pack.clone(), store, run, crate::clock::now()),
                None => return writeln!(out, "{}", text.plain_bye).map_err(Failure::Output),
            },
            plain::Ended::Checklists => {
                let chooser = chooser(cli, &base, &pack.id, lang);
                // Its own statement: the lock on standard input goes before a student is
                // picked (which takes it again).
                let offer = plain::Offer {
                    shelf: &chooser.shelf,
                    current: &chooser.current,
                    problem: chooser.problem.as_deref(),
                };
                let chosen = plain::choose_checklist(&offer, text, &mut stdin.lock(), &mut out)?;
                match chosen {
                    None => back(),
                    Some(id) => {
                        open_chosen(cli, &id, &base, back, |chosen| pick(chosen, &mut out))?
                    }
                }
            }
        };
    }
}
