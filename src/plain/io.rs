//! Plain mode's reading and writing: commands from a line reader, sentences to a writer,
//! every change saved before the next command is read.

use std::io::{self, BufRead, Write};

use super::Plain;
use crate::effects::{Opener, Runner, Saving};
use crate::progress::StateStore;
use crate::publish::Publisher;
use crate::session::{Notice, Outcome};
use crate::text::{EN, fill};

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
    /// The shared folder every save is also published to, if the mentor opted in.
    pub publisher: Option<&'a Publisher>,
    pub opener: &'a Opener,
    pub prompt: bool,
}

/// How a plain session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// `q` or the end of input: goodbye said.
    Quit,
    /// `r`: back to the list of runs, this one saved.
    Runs,
    /// `c`: to the list of checklists, this one saved.
    Checklists,
}

/// Reads commands until `q`, `r` or the end of input. Changes that could not be saved
/// are retried with the next one and make the session end in [`PlainError::Unsaved`].
pub fn run(
    mut plain: Plain,
    startup: Outcome,
    notices: &[String],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    io: &Io<'_>,
) -> Result<Ended, PlainError> {
    let text = plain.text;
    let mut runner = Runner::inline(Saving::new(io.store, io.publisher, text), io.opener.clone());
    let mut last_error = None;
    write_lines(out, notices)?;
    settle(&mut plain, startup, &mut runner, &mut last_error, out)?;
    write_lines(out, &plain.intro())?;
    let mut line = Vec::new();
    let mut ended = Ended::Quit;
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
        let reply = plain.command(&command, crate::clock::now());
        write_lines(out, &reply.lines)?;
        let work = Outcome {
            notices: Vec::new(),
            effects: reply.effects,
        };
        settle(&mut plain, work, &mut runner, &mut last_error, out)?;
        if reply.runs || reply.checklists {
            ended = if reply.runs {
                Ended::Runs
            } else {
                Ended::Checklists
            };
            break;
        }
        if reply.quit {
            break;
        }
    }
    match last_error {
        Some(error) if runner.unsaved() => Err(PlainError::Unsaved(error)),
        _ if ended != Ended::Quit => Ok(ended),
        _ => {
            let bye = match plain.session.read_only_reason() {
                Some(_) => text.plain_bye_read_only,
                None => text.plain_bye,
            };
            write_lines(out, &[bye.into()]).map(|()| ended)
        }
    }
}

/// Runs what a command asked for and says what came of it, the notices of the core
/// first (an opened link is recorded, and saved). `last_error` is why the last save failed.
fn settle(
    plain: &mut Plain,
    outcome: Outcome,
    runner: &mut Runner<'_>,
    last_error: &mut Option<String>,
    out: &mut dyn Write,
) -> Result<(), PlainError> {
    let said = runner.settle(&mut plain.session, outcome);
    for notice in &said {
        if let Notice::SaveFailed(error) = notice {
            *last_error = Some(error.clone());
        }
    }
    if !runner.unsaved() {
        *last_error = None;
    }
    let pack = &plain.session.pack;
    let lines: Vec<String> = said.iter().map(|n| n.words(pack, plain.text)).collect();
    write_lines(out, &lines)
}

pub(super) fn write_lines(out: &mut dyn Write, lines: &[String]) -> Result<(), PlainError> {
    for line in lines {
        writeln!(out, "{line}").map_err(PlainError::Output)?;
    }
    out.flush().map_err(PlainError::Output)
}

/// Reads the next answer into `line` (emptied first); `false` at the end of input.
pub(super) fn next_line(input: &mut dyn BufRead, line: &mut String) -> Result<bool, PlainError> {
    line.clear();
    let read = input.read_line(line).map_err(PlainError::Input)?;
    Ok(read > 0)
}
