//! `ticklist pack install|list|use|remove`.

use std::io::Write;

use jiff::Timestamp;

use super::{Cli, Console, Failure, PackCommand, confirm, state_dir};
use crate::library::{Installed, Library};
use crate::progress::{StateStore, Tracker};

fn library() -> Result<Library, Failure> {
    Library::from_platform().ok_or(Failure::NoStateDir)
}

/// `ticklist pack …`: the packs installed for this user.
pub fn pack_command<O: Write, E: Write>(
    cli: &Cli,
    command: &PackCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let library = library()?;
    let Console { out, ask, .. } = console;
    let written = match command {
        PackCommand::Install { file } => {
            let (pack, installed) = library.install(file)?;
            match installed {
                Installed::New => writeln!(
                    out,
                    "installed {} v{}: {}",
                    pack.id, pack.version, pack.title
                ),
                Installed::Replaced(old) => writeln!(
                    out,
                    "updated {} from v{old} to v{}: {}",
                    pack.id, pack.version, pack.title
                ),
            }
        }
        PackCommand::List => {
            let store = StateStore::new(state_dir(cli.state_dir.clone())?);
            let mut lines = Vec::new();
            for (pack, is_default) in library.list()? {
                let state = store
                    .load(&pack.id, &pack.version, Timestamp::now())
                    .into_state();
                let (done, total) = Tracker::new(&pack, state).overall(&pack);
                let mark = if is_default { "*" } else { " " };
                lines.push(format!(
                    "{mark} {}  v{}  {done}/{total}  {}",
                    pack.id, pack.version, pack.title
                ));
            }
            writeln!(out, "{}", lines.join("\n"))
        }
        PackCommand::Use { id } => {
            let pack = library.use_pack(id)?;
            writeln!(
                out,
                "plain `ticklist` now opens {}: {}",
                pack.id, pack.title
            )
        }
        PackCommand::Remove { id, yes } => {
            let pack = library.resolve_id(id)?;
            let question = format!(
                "Remove the installed pack {} ({})? Your progress on it is kept.",
                pack.id, pack.title
            );
            if !yes && !confirm(out, ask, &question)? {
                return writeln!(out, "nothing changed").map_err(Failure::Output);
            }
            library.remove(id)?;
            writeln!(out, "removed {}; progress kept", pack.id)
        }
    };
    written.map_err(Failure::Output)
}
