//! `ticklist pack install|list|use|remove`.

use std::io::Write;
use std::path::Path;

use jiff::Timestamp;

use super::{Cli, Console, Failure, PackCommand, confirm, state_dir};
use crate::library::{Installed, Library};
use crate::pack;
use crate::progress::{StateStore, Tracker};

fn library(cli: &Cli) -> Result<Library, Failure> {
    let library = Library::from_platform().ok_or(Failure::NoStateDir)?;
    Ok(library.with_builtin_lang(super::builtin_lang(cli)))
}

/// `ticklist pack …`: the packs installed for this user.
pub fn pack_command<O: Write, E: Write>(
    cli: &Cli,
    command: &PackCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let Console { out, ask, .. } = console;
    let written = match command {
        PackCommand::Schema => out.write_all(pack::schema_json().as_bytes()),
        PackCommand::New { file } => {
            let id = file
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            new_pack(&id, file)?;
            writeln!(
                out,
                "wrote {} (pack id {id}): edit it, then `ticklist validate {0}`",
                file.display()
            )
        }
        PackCommand::Install { file } => {
            let (pack, installed) = library(cli)?.install(file)?;
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
            for (pack, is_default) in library(cli)?.list()? {
                let state = store
                    .load(&pack.id, &pack.version, Timestamp::now())
                    .into_state();
                let (done, total) = Tracker::new(&pack, state).overall(&pack);
                let mark = if is_default { "*" } else { " " };
                let digest = pack.digest();
                lines.push(format!(
                    "{mark} {}  v{}  {done}/{total}  sha256:{}  {}",
                    pack.id,
                    pack.version,
                    digest.get(..12).unwrap_or(&digest),
                    pack.title
                ));
            }
            writeln!(out, "{}", lines.join("\n"))
        }
        PackCommand::Use { id } => {
            let pack = library(cli)?.use_pack(id)?;
            writeln!(
                out,
                "plain `ticklist` now opens {}: {}",
                pack.id, pack.title
            )
        }
        PackCommand::Remove { id, yes } => {
            let library = library(cli)?;
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

/// The example pack of `content/template.yaml` under `id`, written to `path` unless
/// something is there already. The result validates, warnings included.
fn new_pack(id: &str, path: &Path) -> Result<(), Failure> {
    let text = TEMPLATE.replace("PACK_ID", id);
    // The id must be usable: check the whole pack before writing anything.
    pack::load_str(&text, &path.display().to_string())?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| Failure::Exists {
            path: path.to_path_buf(),
            source,
        })?;
    file.write_all(text.as_bytes()).map_err(Failure::Output)
}

const TEMPLATE: &str = include_str!("../../content/template.yaml");
