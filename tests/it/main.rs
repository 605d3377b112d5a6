//! Every integration test in one binary (linked once), one module per area. The
//! modules that run `ticklist` go through `support`, which gives it a clean
//! environment. The crash tests re-run this binary as their child processes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(unix)]
mod http;
mod support;

mod accessibility;
mod app;
mod cli;
mod crash;
mod default_pack;
mod e2e;
mod faults;
mod hostile_packs;
mod import;
mod links;
mod manager;
mod one_core;
mod pack;
mod pack_urls;
mod preloaded;
mod properties;
mod questions;
mod report_folder;
mod runs;
mod screens;
mod shipped_packs;
mod storage;
mod team_report;
