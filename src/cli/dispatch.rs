//! The entry point's work: parse the command line, run the subcommand asked for (or the
//! checklist), and turn the outcome into a message and an exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches};

use super::checklist::open_checklist;
use super::{Cli, Command, Console, Failure, Options};
use crate::text::Text;

/// The whole command line read, subcommands and all; help, a version or a mistake said
/// (in the language asked for), with the exit code to end on.
fn parse(args: &[String]) -> Result<Cli, ExitCode> {
    // `--help` and argument errors speak the language asked for, before parsing.
    let lang = super::early_lang(args);
    // Arguments that parse need no translated help: the command is built in the
    // user's words (every subcommand and argument) only to say help, a version or a
    // mistake, which saves that work at every start.
    let parsed = Cli::command().try_get_matches_from(args);
    let matches = match parsed.or_else(|_| super::command(lang).try_get_matches_from(args)) {
        Ok(matches) => matches,
        // clap writes English: other languages say the mistake in their own words.
        Err(e) if lang != crate::text::Lang::En && super::help::is_mistake(&e) => {
            eprintln!("{}", super::clap_error(&e, lang.text()));
            return Err(ExitCode::from(2));
        }
        Err(e) => e.exit(),
    };
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => Ok(cli),
        Err(e) => e.exit(),
    }
}

/// Parses the command line and runs what it asks for; the exit code says how it went.
pub fn run() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let cli = match Options::parse_alone(&args) {
        Some(cli) => cli,
        None => match parse(&args) {
            Ok(cli) => cli,
            Err(code) => return code,
        },
    };
    // The words of commands and errors; the UI may speak the pack's language instead.
    let text = super::builtin_lang(&cli).text();
    match &cli.command {
        Some(Command::Validate {
            files,
            check_links,
            link_timeout,
            strict,
        }) => {
            let timeout = std::time::Duration::from_secs(*link_timeout);
            let links = check_links.then_some((timeout, *strict));
            let (out, err) = (&mut std::io::stdout(), &mut std::io::stderr());
            return super::validate(files, links, out, err, text);
        }
        Some(Command::GeneratePack { items, questions }) => {
            let pack = crate::pack::generate(*items, *questions);
            let written = std::io::Write::write_all(&mut std::io::stdout().lock(), pack.as_bytes());
            return report(written.map_err(Failure::Output), text);
        }
        Some(Command::Paths { json }) => {
            let out = &mut std::io::stdout().lock();
            return report(super::paths::paths(&cli, *json, out, text), text);
        }
        Some(Command::Completions { shell, dir }) => {
            let lang = super::builtin_lang(&cli);
            let written =
                super::completions(*shell, dir.as_deref(), lang, &mut std::io::stdout().lock());
            return report(written, text);
        }
        Some(Command::Man { dir }) => {
            let lang = super::builtin_lang(&cli);
            let written = super::man(lang, dir.as_deref(), &mut std::io::stdout().lock());
            return report(written, text);
        }
        Some(Command::Report {
            files,
            endpoint,
            region,
            identity,
            format,
            output,
            stale_days,
            delimiter,
            bom,
            pack,
            since,
        }) => {
            let (out, err) = (&mut std::io::stdout().lock(), &mut std::io::stderr());
            let storage = (endpoint.as_deref(), region.as_deref());
            let files = match super::reports::from_storage(files, storage, err, text) {
                Ok(files) => files,
                Err(failure) => return report(Err(failure), text),
            };
            let request = super::ReportRequest {
                files: &files,
                identity: identity.as_ref(),
                packs: pack,
                since: *since,
                format: *format,
                output: output.as_ref(),
                stale_days: *stale_days,
                csv: crate::report::CsvOptions {
                    delimiter: delimiter.map_or(
                        match text.html_lang {
                            "fr" => ';',
                            _ => ',',
                        },
                        super::args::Delimiter::char,
                    ),
                    bom: *bom,
                },
                tz: crate::clock::time_zone(),
                lang: super::builtin_lang(&cli),
            };
            return report(super::report(&request, out, err, text), text);
        }
        Some(Command::Search { words }) => {
            let out = &mut std::io::stdout().lock();
            return report(super::search(&cli, words, out), text);
        }
        Some(Command::Progress(command)) => {
            return with_console(text, |console| {
                super::progress_command(&cli, command, console)
            });
        }
        Some(Command::Runs { command }) => {
            let out = &mut std::io::stdout().lock();
            return report(super::runs_command(&cli, command, out), text);
        }
        Some(Command::Pack { command }) => {
            return with_console(text, |console| super::pack_command(&cli, command, console));
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
        // The reader went away (`ticklist list | head`): nothing more to say to anyone.
        Err(Failure::Output(e) | Failure::Plain(crate::plain::PlainError::Output(e)))
            if e.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        // The report itself names the files it could not read; `status --check` says
        // it by its exit status alone.
        Err(e @ (Failure::Unread(_) | Failure::NotDone)) => e.exit_code(),
        Err(e) => {
            eprintln!("ticklist: {}", e.message(text));
            e.exit_code()
        }
    }
}
