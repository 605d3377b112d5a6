//! `ticklist paths`: where this mentor's ticklist keeps things, and who it says they are
//! in their exports, so that a file can be found, backed up or sent without guessing.

use std::io::Write;

use super::{Cli, Failure, state_dir};
use crate::library::Library;
use crate::settings::Settings;
use crate::text::{Text, fill};

/// A line per place, then the person id (never made here: only an export or a publish
/// makes one).
pub fn paths(cli: &Cli, out: &mut impl Write, t: &Text) -> Result<(), Failure> {
    let settings = Settings::from_platform().ok_or(Failure::NoStateDir)?;
    let library = Library::from_platform().ok_or(Failure::NoStateDir)?;
    let progress = state_dir(cli.state_dir.clone())?;
    let show = |path: &std::path::Path| path.display().to_string();
    let mut lines = vec![
        fill(t.paths_progress, &[("path", &show(&progress))]),
        fill(t.paths_settings, &[("path", &show(settings.dir()))]),
        fill(t.paths_packs, &[("path", &show(library.packs_dir()))]),
    ];
    lines.push(match settings.publish_dir() {
        Some(dir) => fill(t.paths_publish, &[("path", &show(&dir))]),
        None => t.paths_no_publish.to_string(),
    });
    lines.push(match settings.known_person_id() {
        Some(id) => fill(t.paths_person, &[("id", &id)]),
        None => t.paths_no_person.to_string(),
    });
    writeln!(out, "{}", lines.join("\n")).map_err(Failure::Output)
}
