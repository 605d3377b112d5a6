use std::io::IsTerminal;
use std::process::ExitCode;

use clap::FromArgMatches;

use ticklist::app::RunPicker;
use ticklist::app::{App, Severity};
use ticklist::cli::{self, Cli, Command, Console, Failure};
use ticklist::effects::{Effects, Opener, Saver};
use ticklist::keymap::Keymap;
use ticklist::plain::{self, Plain};
use ticklist::progress::{LoadOutcome, StateStore, list_runs, orphan_ticks};
use ticklist::text::{Text, fill};
use ticklist::ui::Theme;

fn main() -> ExitCode {
    // `--help` and argument errors speak the language asked for, before parsing.
    let args: Vec<String> = std::env::args().collect();
    let matches = cli::command(cli::early_lang(&args)).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // The words of commands and errors; the UI may speak the pack's language instead.
    let text = cli::builtin_lang(&cli).text();
    match &cli.command {
        Some(Command::Validate {
            files,
            check_links,
            link_timeout,
        }) => {
            let links = check_links.then(|| std::time::Duration::from_secs(*link_timeout));
            let (out, err) = (&mut std::io::stdout(), &mut std::io::stderr());
            return cli::validate(files, links, out, err, text);
        }
        Some(Command::GeneratePack { items }) => {
            print!("{}", ticklist::pack::generate(*items));
            return ExitCode::SUCCESS;
        }
        Some(Command::Completions { shell }) => {
            let written = cli::completions(*shell, &mut std::io::stdout().lock());
            return report(written.map_err(Failure::Output), text);
        }
        Some(Command::Man) => {
            let written = cli::man(&mut std::io::stdout().lock()).map_err(Failure::Output);
            return report(written, text);
        }
        Some(Command::Report {
            files,
            format,
            stale_days,
        }) => {
            let out = &mut std::io::stdout().lock();
            let outcome = cli::report(files, *format, *stale_days, out, text);
            return report(outcome, text);
        }
        Some(Command::Search { words }) => {
            let out = &mut std::io::stdout().lock();
            return report(cli::search(&cli, words, out), text);
        }
        Some(Command::Progress(command)) => {
            return with_console(text, |console| {
                cli::progress_command(&cli, command, console)
            });
        }
        Some(Command::Runs { command }) => {
            let out = &mut std::io::stdout().lock();
            return report(cli::runs_command(&cli, command, out), text);
        }
        Some(Command::Pack { command }) => {
            return with_console(text, |console| cli::pack_command(&cli, command, console));
        }
        None => {}
    }
    report(open_checklist(cli), text)
}

/// Runs a command with the process's standard streams; questions are asked only when
/// standard input is a terminal.
fn with_console(
    text: &Text,
    command: impl FnOnce(
        &mut Console<'_, std::io::StdoutLock<'static>, std::io::Stderr>,
    ) -> Result<(), Failure>,
) -> ExitCode {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let interactive = stdin.is_terminal();
    let mut console = Console {
        out: std::io::stdout().lock(),
        err: std::io::stderr(),
        ask: interactive.then_some(&mut input as &mut dyn std::io::BufRead),
    };
    report(command(&mut console), text)
}

fn report(outcome: Result<(), Failure>, text: &Text) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ticklist: {}", e.message(text));
            e.exit_code()
        }
    }
}

/// Loads the pack and its progress, then runs the full-screen UI, or plain mode when
/// asked for or when there is no screen to draw on.
fn open_checklist(cli: Cli) -> Result<(), Failure> {
    let pack = cli::load_pack(cli.pack.as_deref(), cli::builtin_lang(&cli))?;
    let text = cli::lang_for(&cli, &pack).text();
    let plain = cli.plain
        || !std::io::stdout().is_terminal()
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    // Read before anything else: a mistake in it stops here, with nothing touched.
    let keymap = if plain {
        Keymap::default()
    } else {
        cli::keymap(text)?
    };
    let theme = Theme::from_env(cli.theme);
    let (store, run) = match cli::progress_store(&cli, &pack, true) {
        Ok(found) => found,
        // A pack done once per student, and no student named: let the mentor pick.
        Err(Failure::RunNeeded { .. }) if !plain => {
            let base = StateStore::new(cli::state_dir(cli.state_dir.clone())?);
            let mut picker = RunPicker::new(&pack.title, list_runs(&base, &pack));
            let Some(key) = ticklist::tui::pick_run(&mut picker, &base, &pack, text, &theme)?
            else {
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
            let base = StateStore::new(cli::state_dir(cli.state_dir.clone())?);
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
    let loaded = store.load(&pack.id, &pack.version, ticklist::clock::now());
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
    let (mut tracker, upgraded) = cli::open_progress(&pack, loaded);
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
            store.save(tracker.state(), &startup, ticklist::clock::now())?;
        }
        let tz = cli::local_time_zone();
        let today = ticklist::clock::now().to_zoned(tz.clone()).date();
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
            clock: &ticklist::clock::now,
        };
        let mut out = std::io::stdout().lock();
        plain::run(session, &notices, &mut stdin.lock(), &mut out, &io)?;
        return Ok(());
    }
    let saver = Saver::spawn(store, tracker.state().clone(), read_only);
    if must_save {
        saver.save(0, startup);
    }
    let mut app = App::new(pack, tracker, text, cli::local_time_zone());
    app.keymap = keymap;
    app.run = run;
    app.today = ticklist::clock::now().to_zoned(app.tz.clone()).date();
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
    ticklist::tui::run(app, effects, !cli.no_mouse, theme)?;
    Ok(())
}
