//! The command line: what `ticklist` accepts, and one function per subcommand.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::pack::{self, Pack, PackCache, PackError};

/// Environment variable that overrides where progress is kept.
pub const STATE_DIR_ENV: &str = "TICKLIST_STATE_DIR";

/// A terminal checklist for new mentors: tick the steps, open the help articles,
/// watch your progress. Without a command, opens the checklist.
#[derive(Debug, Parser)]
#[command(name = "ticklist", version, about, long_about = None)]
pub struct Cli {
    /// Use this pack file instead of the built-in mentor checklist.
    #[arg(long, value_name = "FILE", global = true)]
    pub pack: Option<PathBuf>,

    /// Keep progress in this directory instead of the platform's config directory.
    #[arg(long, value_name = "DIR", env = STATE_DIR_ENV, global = true)]
    pub state_dir: Option<PathBuf>,

    /// Leave the mouse to the terminal, so that its own text selection keeps working.
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a synthetic pack of N items, for benchmarks (`bench/e2e`).
    #[command(hide = true)]
    GeneratePack {
        #[arg(long)]
        items: usize,
    },
    /// Check pack files and print every problem found (exit 2 if any).
    Validate {
        /// Pack files to check.
        #[arg(required = true, value_name = "PACK")]
        files: Vec<PathBuf>,
    },
}

/// Why a command failed, and the exit code that says so.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0}")]
    Pack(#[from] PackError),
    #[error(
        "no home directory found to keep progress in: pass --state-dir DIR or set {STATE_DIR_ENV}"
    )]
    NoStateDir,
    #[error("{0}")]
    Session(#[from] crate::tui::Error),
}

impl Failure {
    /// 2 for bad input (a pack that does not validate), 1 for runtime errors.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Pack(_) => ExitCode::from(2),
            _ => ExitCode::from(1),
        }
    }
}

/// The pack chosen for this run: `--pack FILE` (through the user's cache of validated
/// packs when there is one), or the built-in one.
pub fn load_pack(path: Option<&Path>) -> Result<Pack, PackError> {
    let Some(path) = path else {
        return pack::builtin();
    };
    match directories::ProjectDirs::from("", "", "ticklist") {
        Some(dirs) => PackCache::new(dirs.cache_dir().join("packs")).load_file(path),
        None => pack::load_file(path),
    }
}

/// Where progress is kept: `--state-dir`/`TICKLIST_STATE_DIR`, else the platform
/// config directory (`$XDG_CONFIG_HOME/ticklist` on Linux).
pub fn state_dir(cli_choice: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if let Some(dir) = cli_choice {
        return Ok(dir);
    }
    directories::ProjectDirs::from("", "", "ticklist")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or(Failure::NoStateDir)
}

/// `ticklist validate FILE…`: every problem of every file, then a summary.
pub fn validate(files: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let mut failed = 0;
    for file in files {
        match pack::load_file(file) {
            Ok(pack) => {
                let steps = (0..pack.nodes.len()).filter(|&i| pack.is_leaf(i)).count();
                let _ = writeln!(
                    out,
                    "{}: ok ({} \"{}\" v{}, {steps} steps to tick)",
                    file.display(),
                    pack.id,
                    pack.title,
                    pack.version
                );
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(err, "{e}");
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(err, "{failed} of {} pack(s) have problems", files.len());
        ExitCode::from(2)
    }
}
