//! The arguments of the command families: `ticklist pack …` (packs installed for this
//! user) and `ticklist runs …` (the students of a pack done once per student).

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Validate a pack (a file, or an https:// address to download it from) and keep a
    /// copy under its id, saying what changes if another version is installed.
    Install {
        /// The pack file or its address.
        #[arg(value_name = "FILE|URL")]
        file: PathBuf,
        /// Refuse the download unless its SHA-256 is this (as `sha256sum` prints it);
        /// later updates must match it too.
        #[arg(long, value_name = "HEX")]
        sha256: Option<String>,
        /// Install even a version older than the installed one.
        #[arg(long)]
        allow_downgrade: bool,
        /// Install even when most of your ticks would stop counting (steps removed, or
        /// their ids changed).
        #[arg(long)]
        force: bool,
        /// Seconds to wait for the server.
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
    },
    /// Download again the packs installed from an address (all of them, or those named)
    /// and install those that changed, saying what changes.
    Update {
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// Every pack installed from an address (the same as naming none).
        #[arg(long, conflicts_with = "ids")]
        all: bool,
        /// Install even a version older than the installed one.
        #[arg(long)]
        allow_downgrade: bool,
        /// Install even when most of your ticks would stop counting.
        #[arg(long)]
        force: bool,
        /// Seconds to wait for each server.
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
    },
    /// Built-in, installed and preloaded packs, with your progress on each and where
    /// each comes from.
    List {
        /// Also each pack's content digest and file.
        #[arg(long)]
        verbose: bool,
    },
    /// Open this pack when `ticklist` is run without `--pack`.
    Use {
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Write a commented starter pack to FILE; its id is the file name without `.yaml`.
    New {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Make a pack from a Markdown checklist (an issue template, a wiki page, an
    /// export): headings become stages and parts, boxes steps; written as commented
    /// YAML, and what could not be carried is said with its line. `--lang` is the
    /// pack's language too (else the previous version's, the front matter's, or the one
    /// the checklist is written in).
    Import {
        /// The Markdown checklist.
        #[arg(value_name = "FILE.md")]
        file: PathBuf,
        /// Where to write the pack (`-`: standard output); default: the Markdown file's
        /// name with `.yaml`, beside it.
        #[arg(long, short, value_name = "PACK.yaml")]
        output: Option<PathBuf>,
        /// The pack's id (default: the previous version's, else one made from the title).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// The pack this Markdown is a new version of: its steps keep their ids (renamed
        /// ones get a `renamed:` entry), so no mentor loses a tick.
        #[arg(long, value_name = "PACK.yaml")]
        previous: Option<PathBuf>,
        /// The page the Markdown comes from: its relative links are resolved against it.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the pack format (for editors).
    Schema,
    /// Remove an installed pack; your progress on it is kept.
    Remove {
        #[arg(value_name = "ID")]
        id: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RunsCommand {
    /// Each student's checklist with its progress (archived ones with --all).
    List {
        #[arg(long)]
        all: bool,
    },
    /// Start a student's checklist, e.g. `ticklist --pack first-session runs start "Alice"`.
    Start {
        #[arg(value_name = "NAME")]
        name: String,
        /// The day it started, if not today (due dates count from it).
        #[arg(long, value_name = "YYYY-MM-DD")]
        start: Option<jiff::civil::Date>,
    },
    /// Give a student another name; their progress stays.
    Rename {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(value_name = "NEW_NAME")]
        new_name: String,
    },
    /// Put a student's checklist away (out of the list), or bring it back with --undo.
    Archive {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(long)]
        undo: bool,
    },
}
