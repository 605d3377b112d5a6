//! Opening the checklist: the pack, its progress, the run, load notices, then the
//! full-screen UI or plain mode.

use std::io::IsTerminal;

use super::{Cli, Failure};
use crate::app::{App, RunPicker, Severity};
use crate::effects::{Effects, Opener, Saver};
use crate::keymap::Keymap;
use crate::plain::{self, Plain};
use crate::progress::{LoadOutcome, StateStore, list_runs, orphan_ticks};
use crate::text::fill;
use crate::ui::Theme;

/// Loads the pack and its progress, then runs the full-screen UI, or plain mode when
/// asked for or when there is no screen to draw on.
pub(super) fn open_checklist(cli: Cli) -> Result<(), Failure> {
    let pack = super::load_pack(cli.pack.as_deref(), super::builtin_lang(&cli))?;
    let text = super::lang_for(&cli, &pack).text();
    let plain = cli.plain
        || !std::io::stdout().is_terminal()
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    // Read before anything else: a mistake in it stops here, with nothing touched.
    let keymap = if plain {
        Keymap::default()
    } else {
        super::keymap(text)?
    };
    let theme = Theme::from_env(cli.theme);
    let (store, run) = match super::progress_store(&cli, &pack, true) {
        Ok(found) => found,
        // A pack done once per student, and no student named: let the mentor pick.
        Err(Failure::RunNeeded { .. }) if !plain => {
            let base = StateStore::new(super::state_dir(cli.state_dir.clone())?);
            let mut picker = RunPicker::new(&pack.title, list_runs(&base, &pack));
            let Some(key) = crate::tui::pick_run(&mut picker, &base, &pack, text, &theme)? else {
                return Ok(());
            };
            let name = list_runs(&base, &pack)
                .into_iter()
                .find(|r| r.key == key)
                .map(|r| r.run.name);
            (base.for_run(&key), name)
        }
        // The same, a line at a time.
        Err(Failure::RunNeeded { .. }) => {
            let base = StateStore::new(super::state_dir(cli.state_dir.clone())?);
            let stdin = std::io::stdin();
            let out = &mut std::io::stdout().lock();
            let Some((key, name)) = plain::pick_run(&pack, &base, text, &mut stdin.lock(), out)?
            else {
                return Ok(());
            };
            (base.for_run(&key), Some(name))
        }
        Err(e) => return Err(e),
    };
    let loaded = store.load(&pack.id, &pack.version, crate::clock::now());
    let (notice, read_only) = match &loaded {
        LoadOutcome::MovedAside {
            reason, moved_to, ..
        } => {
            let path = moved_to.display().to_string();
            let notice = fill(
                text.state_moved_aside,
                &[("reason", reason), ("path", &path)],
            );
            (Some((Severity::Warning, notice)), None)
        }
        LoadOutcome::ReadOnly { reason, .. } => {
            let notice = fill(text.state_read_only, &[("reason", reason)]);
            (Some((Severity::Warning, notice)), Some(reason.clone()))
        }
        LoadOutcome::Fresh(_) | LoadOutcome::Loaded(_) => (None, None),
    };
    let (mut tracker, upgraded) = super::open_progress(&pack, loaded);
    let orphans = if upgraded {
        orphan_ticks(&pack, tracker.state())
    } else {
        0
    };
    let notice = notice.or_else(|| {
        let count = orphans.to_string();
        let said = fill(
            text.orphan_ticks,
            &[("count", &count), ("version", &pack.version)],
        );
        (orphans > 0).then_some((Severity::Info, said))
    });
    // A new pack version is recorded at once (with ticks moved by `renamed:`), so that
    // what it changed is told once, not at every start.
    let startup = tracker.take_changes();
    let must_save = upgraded || !startup.is_empty();
    if plain {
        if must_save && read_only.is_none() {
            store.save(tracker.state(), &startup, crate::clock::now())?;
        }
        let tz = super::local_time_zone();
        let today = crate::clock::now().to_zoned(tz.clone()).date();
        let mut session = Plain::new(pack, tracker, text, tz);
        session.run = run;
        session.today = today;
        let notices: Vec<String> = notice.into_iter().map(|(_, said)| said).collect();
        let stdin = std::io::stdin();
        let io = plain::Io {
            store: &store,
            read_only,
            opener: &Opener::from_env(),
            prompt: stdin.is_terminal(),
            clock: &crate::clock::now,
        };
        let mut out = std::io::stdout().lock();
        plain::run(session, &notices, &mut stdin.lock(), &mut out, &io)?;
        return Ok(());
    }
    let saver = Saver::spawn(store, tracker.state().clone(), read_only);
    if must_save {
        saver.save(0, startup);
    }
    let mut app = App::new(pack, tracker, text, super::local_time_zone());
    app.keymap = keymap;
    app.run = run;
    app.today = crate::clock::now().to_zoned(app.tz.clone()).date();
    if let Some((severity, notice)) = notice {
        app.notify(severity, notice);
    }
    let effects = Effects {
        saver,
        opener: Opener::from_env(),
        out: std::io::stdout(),
    };
    if cli.theme.is_some() {
        // crossterm drops every colour under NO_COLOR by itself; a theme asked for on the
        // command line wins over the environment, as no-color.org asks.
        ratatui::crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    crate::tui::run(app, effects, !cli.no_mouse, theme)?;
    Ok(())
}
