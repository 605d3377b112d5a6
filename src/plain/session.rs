//! Plain mode's reading and writing: commands from a line reader, sentences to a writer,
//! every change saved before the next command is read.

use std::io::{self, BufRead, Write};

use jiff::Timestamp;

use super::Plain;
use crate::app::{Effect, Report};
use crate::effects::Opener;
use crate::progress::{Changes, StateStore};
use crate::text::{EN, Text, fill};

#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    #[error("{}", fill(EN.fail_output, &[("error", &.0.to_string())]))]
    Output(#[source] io::Error),
    #[error("{}", fill(EN.fail_input, &[("error", &.0.to_string())]))]
    Input(#[source] io::Error),
    #[error("{}", fill(EN.fail_unsaved, &[("error", .0)]))]
    Unsaved(String),
}

/// Where a plain session saves and opens, and whether to show a prompt (only when a
/// person types at a terminal: in a pipe it would only clutter the transcript).
pub struct Io<'a> {
    pub store: &'a StateStore,
    /// Why progress cannot be saved, when it cannot: ticks are kept in memory.
    pub read_only: Option<String>,
    pub opener: &'a Opener,
    pub prompt: bool,
    pub clock: &'a dyn Fn() -> Timestamp,
}

/// Reads commands until `q` or the end of input. Changes that could not be saved are
/// retried with the next one and make the session end in [`PlainError::Unsaved`].
pub fn run(
    mut plain: Plain,
    notices: &[String],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    io: &Io<'_>,
) -> Result<(), PlainError> {
    let text = plain.text;
    let mut pending = Changes::new();
    let mut last_error = None;
    write_lines(out, notices)?;
    write_lines(out, &plain.intro())?;
    let mut line = Vec::new();
    loop {
        if io.prompt {
            write!(out, "> ")
                .and_then(|()| out.flush())
                .map_err(PlainError::Output)?;
        }
        line.clear();
        let read = input
            .read_until(b'\n', &mut line)
            .map_err(PlainError::Input)?;
        if read == 0 {
            break;
        }
        let command = String::from_utf8_lossy(&line);
        let reply = plain.command(&command, (io.clock)());
        write_lines(out, &reply.lines)?;
        match reply.effect {
            Some(Effect::Save { changes, .. }) => {
                pending.extend(changes);
                match save(&plain, &pending, io) {
                    Ok(()) => {
                        pending = Changes::new();
                        last_error = None;
                    }
                    Err(error) => {
                        let said = fill(text.save_failed, &[("error", &error)]);
                        write_lines(out, &[said])?;
                        last_error = Some(error);
                    }
                }
            }
            Some(Effect::OpenUrl(url)) => {
                let report = io.opener.open(&url);
                let worked = matches!(report, Report::Opened(_));
                write_lines(out, &[opened(text, report)])?;
                if worked && let Effect::Save { changes, .. } = plain.opened((io.clock)()) {
                    pending.extend(changes);
                    if save(&plain, &pending, io).is_ok() {
                        pending = Changes::new();
                    }
                }
            }
            Some(Effect::CopyUrl(_)) | None => {}
        }
        if reply.quit {
            break;
        }
    }
    match last_error {
        Some(error) if !pending.is_empty() => Err(PlainError::Unsaved(error)),
        _ => write_lines(out, &[text.plain_bye.into()]),
    }
}

fn save(plain: &Plain, pending: &Changes, io: &Io<'_>) -> Result<(), String> {
    if let Some(reason) = &io.read_only {
        return Err(reason.clone());
    }
    io.store
        .save(plain.tracker.state(), pending, (io.clock)())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn opened(text: &Text, report: Report) -> String {
    match report {
        Report::NoBrowser(url) => fill(text.plain_no_browser, &[("url", &url)]),
        Report::OpenFailed { url, error } => {
            fill(text.plain_open_failed, &[("url", &url), ("error", &error)])
        }
        Report::Refused { url, problem } => fill(
            text.plain_open_failed,
            &[("url", &url), ("error", problem.message(text))],
        ),
        Report::Opened(url) | Report::Copied(url) | Report::CopyFailed { url, .. } => {
            fill(text.plain_opened, &[("url", &url)])
        }
        Report::Saved { .. } | Report::SaveFailed { .. } => String::new(),
    }
}

fn write_lines(out: &mut dyn Write, lines: &[String]) -> Result<(), PlainError> {
    for line in lines {
        writeln!(out, "{line}").map_err(PlainError::Output)?;
    }
    out.flush().map_err(PlainError::Output)
}
