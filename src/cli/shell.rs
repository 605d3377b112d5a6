//! `ticklist completions SHELL` and `ticklist man`, both generated from the clap
//! definition so they cannot drift from the real command line.

use std::io::{self, Write};

use clap::CommandFactory;

use super::Cli;

/// The script is built in memory first: clap_complete panics on a write error (a closed
/// pipe, say), a plain write reports it.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ticklist", &mut script);
    out.write_all(&script)
}

/// The manual page: options, and a SUBCOMMANDS section listing every command.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}
