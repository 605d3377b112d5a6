//! ticklist: a terminal checklist for new mentors.
//!
//! The binary is a thin shell around these modules; `tests/` use them directly.

pub mod app;
pub mod atomic_file;
pub mod calendar;
pub mod cli;
pub mod clock;
pub mod describe;
pub mod effects;
pub mod export;
pub mod fetch;
pub mod fold;
pub mod import;
pub mod keymap;
pub mod library;
pub mod links;
pub mod pack;
pub mod plain;
pub mod progress;
pub mod publish;
pub mod report;
pub mod safe_text;
pub mod search;
pub mod session;
pub mod settings;
pub mod text;
pub mod tui;
pub mod ui;
