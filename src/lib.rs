//! ticklist: a terminal checklist for new mentors.
//!
//! The binary is a thin shell around these modules; `tests/` use them directly. The
//! layers below only import from the layers above them (`python3
//! ../shared/tools/modcycles.py` checks that no two modules import each other).

// Leaves: no import of the crate's own.
/// The one durable file replacement: temp file, sync, rename, folder sync.
pub mod atomic_file;
/// "Now", fixed by the tests in debug builds.
pub mod clock;
/// Text cut to fit (columns or characters), an ellipsis where it was cut.
pub mod cut;
/// Case and accent folding, for matching what people type.
pub mod fold;
/// Keys and mouse events become actions; the table the footer and help are made from.
pub mod keymap;
/// Where ticklist keeps its files on this platform.
pub mod places;
/// Untrusted text made safe to print: controls and direction overrides shown, not sent.
pub mod safe_text;
/// The words of the interface, French and English, with their plural rule.
pub mod text;

// The domain: no terminal, no network.
/// One node described in words, for the details pane and plain mode.
pub mod describe;
/// A Markdown checklist turned into a pack.
pub mod import;
/// Content packs: reading, validating, the built-in ones, the cache.
pub mod pack;
/// A mentor's progress: ticks, skips, notes, students' checklists, due dates, the store.
pub mod progress;
/// Searching a pack's texts by words.
pub mod search;

// Getting packs in, and what leaves the machine.
/// Due dates as a calendar (ICS).
pub mod calendar;
/// The mentor's export (JSON, Markdown).
pub mod export;
/// Downloading a manager's pack (https, limits, redirects checked).
pub mod fetch;
/// Installed, preloaded and built-in packs, and what a new version changes.
pub mod library;
/// Checking a pack's web links.
pub mod links;
/// The export written into a shared folder after each save.
pub mod publish;
/// A bucket or a WebDAV folder in place of a synced folder: put, list, get.
pub mod remote;
/// The manager's report over many exports.
pub mod report;
/// Exports encrypted to the manager's key (age), and opened with it.
pub mod sealed;
/// The mentor's name and publish folder, as they chose them.
pub mod settings;

// The checklist core every front end drives.
/// Running what the core asks for: saves (inline or in the background), links, copies.
pub mod effects;
/// Opening a checklist, every change, read-only, undo, saves numbered and reported.
pub mod session;

// Front ends: they only choose how to show and ask.
/// The full-screen UI's state over the core.
pub mod app;
/// The command line: arguments, commands, exit codes.
pub mod cli;
/// Plain mode: one line at a time, for screen readers and pipes.
pub mod plain;
/// The terminal held, the event loop, signals and Ctrl-Z.
pub mod tui;
/// Drawing the full-screen UI.
pub mod ui;
