//! What `ticklist` accepts on its command line (clap definitions only).

mod subcommands;
mod values;

pub use subcommands::{PackCommand, RunsCommand};
pub use values::{Delimiter, ExportFormat, ReportFormat};

use std::path::PathBuf;

use clap::{Args, FromArgMatches as _, Parser, Subcommand};

use super::STATE_DIR_ENV;
use crate::text::Lang;
use crate::ui::ThemeName;

/// A terminal checklist for new mentors: tick the steps, open the help articles,
/// watch your progress. Without a command, opens the checklist.
#[derive(Debug, Parser)]
#[command(name = "ticklist", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options of the checklist itself, which every start reads: on their own, they are
/// parsed without building every subcommand ([`Options::parse_alone`]).
#[derive(Debug, Args)]
pub struct Options {
    /// Use this pack file, or this installed pack id, instead of the default pack.
    #[arg(long, value_name = "FILE|ID", global = true)]
    pub pack: Option<PathBuf>,

    /// Keep progress in this directory instead of the platform's config directory.
    #[arg(long, value_name = "DIR", env = STATE_DIR_ENV, global = true)]
    pub state_dir: Option<PathBuf>,

    /// Leave the mouse to the terminal, so that its own text selection keeps working.
    #[arg(long)]
    pub no_mouse: bool,

    /// For a pack done once per student (first-session): the student, by name. The UI
    /// starts their checklist if it is new; without it, the UI lets you pick one.
    #[arg(long, value_name = "NAME", global = true)]
    pub run: Option<String>,

    /// Interface language (default: the locale's when French or English, else the
    /// pack's, else English); also picks the built-in pack's translation.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Line-by-line mode for screen readers and pipes: plain sentences out, short
    /// commands in (automatic when standard output is not a terminal, TERM=dumb, or
    /// ACCESSIBLE is set).
    #[arg(long)]
    pub plain: bool,

    /// Colours of the full-screen interface (`NO_COLOR` set means `mono`).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,
}

impl Options {
    /// `args` read as options alone, as nearly every start has them (`ticklist`,
    /// `ticklist --pack FILE`): clap then builds these few arguments instead of every
    /// subcommand's, a fifth of a 40-step start-up. Any error (a subcommand's name, help,
    /// a mistake) means the whole command line is read by [`Cli`], which says it right;
    /// what this accepts, [`Cli`] reads the same way, its options being these.
    pub fn parse_alone(args: &[String]) -> Option<Cli> {
        let alone = Options::augment_args(clap::Command::new("ticklist"));
        let matches = alone.try_get_matches_from(args).ok()?;
        let options = Options::from_arg_matches(&matches).ok()?;
        Some(Cli {
            options,
            command: None,
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a synthetic pack of N items, for benchmarks (`bench/e2e`).
    #[command(hide = true)]
    GeneratePack {
        #[arg(long)]
        items: usize,
        /// Two questions, a condition on every tenth item and a wait on every hundredth.
        #[arg(long)]
        questions: bool,
    },
    #[command(flatten)]
    Progress(ProgressCommand),
    /// Install, update, list, choose and remove packs.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// The students' checklists of a pack done once per student: list, start, rename,
    /// archive.
    Runs {
        #[command(subcommand)]
        command: RunsCommand,
    },
    /// Where your progress, settings and packs are kept, where you publish, and the id
    /// your exports carry; each marked as there or not yet created.
    Paths {
        /// As JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Print a completion script for your shell (e.g. `ticklist completions bash`), or
    /// write them as files with --dir.
    Completions {
        #[arg(value_enum, required_unless_present = "dir")]
        shell: Option<clap_complete::Shell>,
        /// Write the script of each shell (or of the one named) into DIR, under the name
        /// that shell looks for.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Print the manual page (roff) in the interface language, e.g. `ticklist man >
    /// ticklist.1`, or write a page per command with --dir.
    Man {
        /// Write ticklist.1 and a page per command (ticklist-pack.1…) into DIR.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// A manager's report from mentors' JSON exports (`ticklist export --format json`), or
    /// every export in a folder (read recursively). Files that are not exports are named
    /// in the report and make the exit status 1.
    Report {
        /// Export files, or folders holding them (a shared folder mentors publish to),
        /// or the bucket (s3://BUCKET/PREFIX) or WebDAV folder (https://…/) they publish to.
        #[arg(required = true, value_name = "EXPORT|DIR")]
        files: Vec<PathBuf>,
        /// The S3-compatible service, if not AWS (default: AWS_ENDPOINT_URL).
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
        /// The bucket's region (default: AWS_REGION, else us-east-1).
        #[arg(long)]
        region: Option<String>,
        /// Your age identity file, to open exports encrypted to your key.
        #[arg(long, value_name = "FILE")]
        identity: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Write the report to this file instead of the standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Mark as quiet the mentors with no tick in this many days (0: nobody).
        /// (`--stale-days`, its former name, still works.)
        #[arg(
            long = "quiet-days",
            alias = "stale-days",
            value_name = "DAYS",
            default_value_t = crate::report::STALE_DAYS
        )]
        stale_days: i64,
        /// CSV: the separator between cells (default: `;` in French, where `,` is the
        /// decimal mark, else `,`).
        #[arg(long, value_name = "CHAR")]
        delimiter: Option<Delimiter>,
        /// CSV: begin with a UTF-8 byte order mark, so Excel reads accents right.
        #[arg(long)]
        bom: bool,
        /// The exports' pack in its newest version, if not installed here (renames followed).
        #[arg(long, value_name = "FILE")]
        pack: Vec<PathBuf>,
        /// Only mentors who started on or after this day: one cohort.
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<jiff::civil::Date>,
    },
    /// Search every built-in and installed pack (titles, details, callouts, link labels
    /// and your notes); case, accents and punctuation do not matter. Exit 1 if nothing.
    Search {
        #[arg(required = true, value_name = "TEXT")]
        words: Vec<String>,
    },
    /// Check pack files and print every problem found (exit 2 if any).
    Validate {
        /// Pack files to check.
        #[arg(required = true, value_name = "PACK")]
        files: Vec<PathBuf>,
        /// Also ask every web link whether it still answers (needs the network).
        #[arg(long)]
        check_links: bool,
        /// Seconds each link may take, redirects included.
        #[arg(
            long,
            value_name = "SECONDS",
            default_value_t = 10,
            requires = "check_links"
        )]
        link_timeout: u64,
        /// With --check-links: a link that got no answer (no network, a server down)
        /// fails the pack too, not only a dead one.
        #[arg(long, requires = "check_links")]
        strict: bool,
    },
}

/// Commands on the progress of the chosen pack, without the full-screen UI.
#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Progress per stage and part, and the total.
    Status {
        /// Print JSON for scripts instead of lines.
        #[arg(long, conflicts_with_all = ["check", "due"])]
        json: bool,
        /// Print nothing; exit 0 when every step is settled, 1 otherwise (for scripts
        /// and shell prompts).
        #[arg(long, conflicts_with = "due")]
        check: bool,
        /// Only the steps overdue or due soon.
        #[arg(long)]
        due: bool,
    },
    /// The checklist as text: boxes, ids, titles and links.
    List {
        /// Only what is left to do.
        #[arg(long)]
        todo: bool,
    },
    /// Tick steps by id; a stage, part or item id ticks every step under it.
    Check {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Untick steps by id, with the same rules as `check`.
    Uncheck {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Mark steps not applicable, with why; they count as settled and are shown and
    /// exported as skipped. A stage, part or item id covers its steps still to do.
    Skip {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// Why the steps do not apply (shown in the details pane and in exports).
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Set the day the checklist (or a student's) started: steps with a due date count from
    /// it, e.g. `ticklist --pack first-session --run Alice start 2026-11-02`.
    Start {
        #[arg(value_name = "YYYY-MM-DD")]
        date: jiff::civil::Date,
    },
    /// Take back `skip`: the steps are to do again.
    Unskip {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Write your own note on a step, shown in the details pane (`--clear` removes it).
    Note {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "TEXT", required_unless_present = "clear")]
        text: Option<String>,
        #[arg(long, conflicts_with = "text")]
        clear: bool,
    },
    /// Answer one of the checklist's questions: the steps your answer rules out are
    /// hidden, their ticks kept (`--clear` takes the answer back).
    Answer {
        #[arg(value_name = "QUESTION")]
        id: String,
        /// A choice's id, its words or its number; yes or no; a date (2026-12-10); a text.
        #[arg(value_name = "ANSWER", required_unless_present = "clear")]
        value: Option<String>,
        #[arg(long, conflicts_with = "value")]
        clear: bool,
    },
    /// List the checklist's questions and your answers.
    Answers,
    /// Write a progress report to send: per stage and part, each step with its date and note.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Who the report is about (default: the name given last, else your account's
        /// full name; remembered).
        #[arg(long)]
        name: Option<String>,
        /// Your email address, so your manager tells you from a namesake (remembered).
        #[arg(long)]
        email: Option<String>,
    },
    /// Publish every change to a shared folder your team syncs (Nextcloud, a shared
    /// drive, Syncthing, a git checkout), a bucket (s3://BUCKET/PREFIX) or a WebDAV
    /// folder (https://…/), for your manager's `ticklist report`.
    Publish {
        /// The shared folder, bucket or WebDAV folder; without it, says where you publish.
        #[arg(value_name = "DIR", conflicts_with = "off")]
        dir: Option<String>,
        /// The S3-compatible service, if not AWS (default: AWS_ENDPOINT_URL).
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
        /// The bucket's region (default: AWS_REGION, else us-east-1).
        #[arg(long)]
        region: Option<String>,
        /// Encrypt every export to your manager's age public key (age1…): only they can
        /// read it.
        #[arg(long, value_name = "AGE_RECIPIENT")]
        encrypt_to: Option<String>,
        /// Stop publishing.
        #[arg(long)]
        off: bool,
        /// Your name, as your manager knows it (remembered).
        #[arg(long)]
        name: Option<String>,
        /// Your email address, so your manager tells you from a namesake (remembered).
        #[arg(long)]
        email: Option<String>,
    },
    /// Start afresh; the old progress is kept as a backup file.
    Reset {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Open link N (default 1) of a step in the browser.
    Open {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(value_name = "N", default_value_t = 1)]
        n: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn options_alone_are_read_as_the_whole_command_line_reads_them() {
        for args in [
            &["ticklist"][..],
            &["ticklist", "--pack", "x.yaml", "--lang", "fr", "--no-mouse"],
            &["ticklist", "--pack=status", "--theme", "mono", "--plain"],
            &["ticklist", "--run", "Alice", "--state-dir", "/tmp/s"],
        ] {
            let alone = Options::parse_alone(&words(args)).expect("options alone");
            let whole = Cli::try_parse_from(words(args)).unwrap();
            assert_eq!(format!("{alone:?}"), format!("{whole:?}"), "{args:?}");
        }
        // A subcommand, help, a version or a mistake: the whole command line is read.
        for args in [
            &["ticklist", "status"][..],
            &["ticklist", "--pack", "x.yaml", "list"],
            &["ticklist", "help"],
            &["ticklist", "--help"],
            &["ticklist", "-V"],
            &["ticklist", "stauts"],
            &["ticklist", "--lang", "xx"],
        ] {
            assert!(Options::parse_alone(&words(args)).is_none(), "{args:?}");
        }
    }
}
