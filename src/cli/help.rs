//! `--help` in the user's language. English is written once, as the doc comments of
//! `args/`; other languages translate each command and argument by its path (e.g.
//! `validate.check_links`) from their catalogue's `cli_help` table. A test checks that
//! every visible command and argument has a translation and that no entry is stale.

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use crate::text::{Lang, Text, fill};

/// The command line of `ticklist`, its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let t = lang.text();
    let cmd = Cli::command().disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(t.clap_version),
    );
    translate(cmd, "", t)
}

/// The language `--help` and argument errors should speak before the arguments are
/// parsed: `--lang` if given (as `--lang X` or `--lang=X`), else the locale's.
pub fn early_lang(args: &[String]) -> Lang {
    let given = args.iter().enumerate().find_map(|(i, arg)| {
        if arg == "--lang" {
            args.get(i + 1).map(String::as_str)
        } else {
            arg.strip_prefix("--lang=")
        }
    });
    given
        .and_then(Lang::from_code)
        .or_else(crate::text::locale_lang)
        .unwrap_or(Lang::En)
}

/// How the `cli_help` tables name a command ("ticklist", "pack install") and an
/// argument ("--pack", "pack install --file").
fn command_key(path: &str, name: &str) -> String {
    format!("{path} {name}").trim().to_string()
}

fn arg_key(path: &str, id: &str) -> String {
    format!("{path} --{id}").trim().to_string()
}

fn translate(mut cmd: Command, path: &str, t: &Text) -> Command {
    if let Some(about) = lookup(t, if path.is_empty() { "ticklist" } else { path }) {
        // The English long help (more doc-comment paragraphs) would win in `--help`
        // and the manual: the translation stands for both.
        cmd = cmd.about(about).long_about(None);
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        if let Some(help) = lookup(t, &arg_key(path, &id)) {
            cmd = cmd.mut_arg(id, |a| with_values(a, help, t));
        }
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_path = command_key(path, &name);
        cmd = cmd.mut_subcommand(name, |sub| translate(sub, &sub_path, t));
    }
    cmd.disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t.clap_help),
        )
        .help_template(t.clap_template)
        .subcommand_help_heading(t.clap_commands)
}

/// An argument whose help says its default and possible values in `t`'s words, clap's
/// own being English.
fn with_values(arg: Arg, help: &str, t: &Text) -> Arg {
    let mut said = help.to_string();
    let env = arg
        .get_env()
        .map(|name| name.to_string_lossy().into_owned());
    if let Some(name) = &env {
        said = format!("{said} {}", fill(t.clap_env, &[("name", name)]));
    }
    let arg = arg.hide_env(true);
    // A flag's "default" is only `false`.
    if !arg.get_action().takes_values() {
        return arg.help(said);
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        let values = values.join(", ");
        said = format!("{said} {}", fill(t.clap_possible, &[("values", &values)]));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let value = defaults.join(", ");
        said = format!("{said} {}", fill(t.clap_default, &[("value", &value)]));
    }
    arg.help(said)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// Whether clap stopped on a mistake (said in our words) rather than to show the help,
/// the version, or the help of a command given without its subcommand.
pub fn is_mistake(e: &clap::Error) -> bool {
    use clap::error::ErrorKind;
    e.use_stderr() && e.kind() != ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
}

/// Values as typed on a command line, each between backquotes: some are punctuation.
fn quoted(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    quoted.join(", ")
}

/// A command-line mistake in `t`'s words, for a language other than English (clap
/// writes English): what is wrong, a suggestion when clap has one, and how to get help.
pub fn clap_error(e: &clap::Error, t: &Text) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        // Several suggestions: the closest, first.
        Some(ContextValue::Strings(s)) => s.first().cloned().unwrap_or_default(),
        Some(value) => value.to_string(),
        None => String::new(),
    };
    // Every argument missing, not only the first.
    let all = |kind| match e.get(kind) {
        Some(ContextValue::Strings(s)) => s.join(", "),
        _ => get(kind),
    };
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => fill(
            t.clap_err_command,
            &[("name", &get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::UnknownArgument => fill(
            t.clap_err_option,
            &[("name", &get(ContextKind::InvalidArg))],
        ),
        ErrorKind::InvalidValue if get(ContextKind::InvalidValue).is_empty() => fill(
            t.clap_err_missing,
            &[("args", &get(ContextKind::InvalidArg))],
        ),
        // A value not among those allowed (which are named); a number or a date that
        // is not one.
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let what = fill(
                t.clap_err_value,
                &[
                    ("value", &get(ContextKind::InvalidValue)),
                    ("arg", &get(ContextKind::InvalidArg)),
                ],
            );
            match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(values)) if !values.is_empty() => fill(
                    t.clap_err_values,
                    &[("what", &what), ("values", &quoted(values))],
                ),
                _ => what,
            }
        }
        ErrorKind::MissingRequiredArgument => fill(
            t.clap_err_missing,
            &[("args", &all(ContextKind::InvalidArg))],
        ),
        ErrorKind::ArgumentConflict => fill(
            t.clap_err_conflict,
            &[
                ("arg", &get(ContextKind::InvalidArg)),
                ("other", &get(ContextKind::PriorArg)),
            ],
        ),
        _ => {
            let english = e.kind().as_str().unwrap_or("?");
            fill(t.clap_err_other, &[("error", english)])
        }
    };
    let suggested = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(get)
    .find(|s| !s.is_empty());
    let what = match suggested {
        Some(name) => fill(t.clap_err_suggest, &[("what", &what), ("name", &name)]),
        None => what,
    };
    let usage = get(ContextKind::Usage);
    let usage = usage.trim_start_matches("Usage: ").trim();
    let usage = if usage.is_empty() {
        "ticklist [OPTIONS] [COMMAND]"
    } else {
        usage
    };
    format!(
        "ticklist: {what}\n{}",
        fill(t.clap_err_more, &[("usage", usage)])
    )
}

fn lookup(t: &Text, key: &str) -> Option<&'static str> {
    t.cli_help.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paths of every visible command and argument, as the `cli_help` tables key them.
    fn paths(cmd: &Command, path: &str, out: &mut Vec<String>) {
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id().as_str();
            if !matches!(id, "help" | "version") {
                out.push(arg_key(path, id));
            }
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let sub_path = command_key(path, sub.get_name());
            out.push(sub_path.clone());
            paths(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_and_argument_is_translated_and_no_entry_is_stale() {
        let mut expected = vec!["ticklist".to_string()];
        paths(&Cli::command(), "", &mut expected);
        expected.sort();
        let mut translated: Vec<String> = Lang::Fr
            .text()
            .cli_help
            .iter()
            .map(|(k, _)| k.to_string())
            .collect();
        translated.sort();
        assert_eq!(translated, expected, "expected: {expected:#?}");
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        let mut fr = command(Lang::Fr);
        let help = fr.render_help().to_string();
        assert!(help.contains("Utilisation :"), "{help}");
        assert!(help.contains("Commandes"), "{help}");
        assert!(help.contains("Afficher l'aide"), "{help}");
        assert!(help.contains("Langue de l'interface"), "{help}");
        let status = fr.find_subcommand_mut("status").unwrap().render_help();
        assert!(
            status.to_string().contains("Progression par étape"),
            "{status}"
        );
        let mut en = command(Lang::En);
        let help = en.render_help().to_string();
        assert!(
            help.contains("Usage:") && help.contains("Print help"),
            "{help}"
        );
        assert!(help.contains("Interface language"), "{help}");
    }

    #[test]
    fn the_language_is_known_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            early_lang(&args(&["ticklist", "--lang", "fr", "--help"])),
            Lang::Fr
        );
        assert_eq!(early_lang(&args(&["ticklist", "--lang=en"])), Lang::En);
    }
}
