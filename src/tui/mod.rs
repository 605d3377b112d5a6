//! The interactive session: terminal set-up and tear-down, and the event loop
//! that turns terminal events into actions and effects.

mod lists;
mod screen;

use screen::TerminalGuard;

pub use lists::{choose_checklist, pick_run};

use std::io::{self, Write as _};
use std::sync::{Arc, Mutex, MutexGuard, Once, PoisonError};
use std::time::Duration;

use ratatui::crossterm::event;

use crate::app::{App, Leave};
use crate::effects::Runner;
use crate::keymap::Input;
use crate::text::{EN, fill};
use crate::ui::{self, Theme};

/// How an interactive session can end badly.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", fill(EN.fail_terminal, &[("error", &.0.to_string())]))]
    Terminal(#[from] io::Error),
    #[error("{}", fill(EN.fail_unsaved, &[("error", .0)]))]
    Unsaved(String),
}

/// While a save is under way, how often to look for its outcome between keys.
/// With nothing to save the loop sleeps until input: no wake-ups when idle.
const SAVE_POLL: Duration = Duration::from_millis(20);

/// The effects, shared with the signal watcher. Whoever holds the lock may change the
/// screen or the saver; the watcher takes it to finish saving before the process ends.
type Shared = Arc<Mutex<Runner<'static>>>;

fn lock(shared: &Shared) -> MutexGuard<'_, Runner<'static>> {
    // A panic while holding the lock leaves the saver usable: take it anyway.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The saves of the checklist open now, for the signal watcher to finish; none while
/// the student picker is shown.
static LIVE: Mutex<Option<Shared>> = Mutex::new(None);

/// The panic hook and the signal watcher, once per process however many times the
/// picker and the checklist take turns on the screen.
fn install_once() -> io::Result<()> {
    static INSTALLED: Once = Once::new();
    let mut installed = Ok(());
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            screen::give_back();
            previous(info);
        }));
        #[cfg(unix)]
        {
            installed = finish_on_signals();
        }
    });
    installed
}

/// Finishes the saves if the UI panics: unwinding runs this, the panic hook has
/// already restored the terminal.
struct SaveOnPanic<'a>(&'a Shared);

impl Drop for SaveOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = lock(self.0).finish();
        }
    }
}

/// Runs the UI until the user quits or a signal ends it, then waits for the last save.
/// Where the mentor went (the shell, the list of students or of checklists), and the
/// node they left selected, to come back to.
pub fn run(
    mut app: App,
    runner: Runner<'static>,
    mouse: bool,
    theme: Theme,
) -> Result<(Leave, Option<usize>), Error> {
    let shared = Arc::new(Mutex::new(runner));
    let _save_on_panic = SaveOnPanic(&shared);
    let mut guard = TerminalGuard::start(mouse)?;
    *live() = Some(Arc::clone(&shared));
    let result = event_loop(&mut guard, &mut app, &shared, &theme, mouse);
    drop(guard);
    let saved = lock(&shared).finish();
    // Only now: a signal meanwhile waits for these saves, then ends the process.
    *live() = None;
    result?;
    saved.map_err(Error::Unsaved)?;
    Ok((app.leave(), app.tree.selected()))
}

fn event_loop(
    guard: &mut TerminalGuard,
    app: &mut App,
    shared: &Shared,
    theme: &Theme,
    mouse: bool,
) -> io::Result<()> {
    let mut input = None;
    loop {
        {
            let mut runner = lock(shared);
            let effects = match input.take() {
                Some(Input::Action(action)) => app.update(action, crate::clock::now()),
                Some(Input::Edit(edit)) => app.edit(edit, crate::clock::now()),
                Some(Input::Paste(text)) => app.paste(&text, crate::clock::now()),
                Some(Input::Dismiss) => {
                    app.dismiss();
                    Vec::new()
                }
                // The main screen shows no list between checklists.
                Some(Input::List(_)) => Vec::new(),
                Some(Input::Suspend) => {
                    guard.suspend()?;
                    Vec::new()
                }
                None => Vec::new(),
            };
            runner.run(app, effects);
            // The frame's own area: asking the terminal its size again costs a system
            // call or three per key.
            let drawn = guard.draw(|frame| {
                ui::prepare(app, frame.area(), theme);
                ui::render(frame, app, theme);
            })?;
            if guard.listen_for_resizes(drawn)? {
                continue;
            }
        }
        watch_signals();
        if app.should_quit() {
            return Ok(());
        }
        input = next_input(guard, app, mouse)?;
    }
}

/// Waits for input and resolves it in the mode the app is in; while saves are under
/// way, returns after [`SAVE_POLL`] anyway so their outcome shows without a key press.
fn next_input(guard: &mut TerminalGuard, app: &App, mouse: bool) -> io::Result<Option<Input>> {
    if app.saving() && !event::poll(SAVE_POLL)? {
        return Ok(None);
    }
    let event = guard.read()?;
    #[cfg(debug_assertions)]
    crash_if_asked(&event);
    Ok(app.keymap.resolve(event, app.key_mode(), mouse))
}

fn live() -> MutexGuard<'static, Option<Shared>> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// SIGTERM, SIGHUP (terminal closed) and SIGINT end the session like `q` does: the
/// last saves of the checklist open are written and the terminal restored (in the
/// student picker too) before the process goes. One watcher for the whole process.
/// The signals are caught from here on; the thread that acts on them starts with
/// [`watch_signals`], once the first frame is out (a signal meanwhile waits for it).
#[cfg(unix)]
fn finish_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    *caught() = Some(signals);
    Ok(())
}

#[cfg(unix)]
fn caught() -> MutexGuard<'static, Option<signal_hook::iterator::Signals>> {
    static CAUGHT: Mutex<Option<signal_hook::iterator::Signals>> = Mutex::new(None);
    CAUGHT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the signal watcher, the first time only: called after a first frame, so
/// that starting a thread never delays what the mentor sees.
fn watch_signals() {
    #[cfg(unix)]
    if let Some(mut signals) = caught().take() {
        std::thread::spawn(move || watch(&mut signals));
    }
}

#[cfg(unix)]
fn watch(signals: &mut signal_hook::iterator::Signals) {
    if let Some(signal) = signals.forever().next() {
        let shared = live().clone();
        // Holding the lock, the UI thread can neither draw nor hand over more changes.
        let mut effects = shared.as_ref().map(lock);
        let saved = effects.as_mut().map_or(Ok(()), |e| e.finish());
        screen::give_back();
        if let Err(e) = saved {
            // Not `eprintln!`: with the terminal gone it would panic, and this thread
            // must reach the end of the process.
            let _ = writeln!(io::stderr(), "ticklist: {}", Error::Unsaved(e));
        }
        // Die of the signal as if unhandled, so the parent sees why we stopped.
        let _ = signal_hook::low_level::emulate_default_handler(signal);
        std::process::exit(128 + signal);
    }
}

/// Test-only crash switch: in debug builds with `TICKLIST_TEST_PANIC` set, F12 panics
/// inside the UI so a test can prove the terminal is restored. Absent from release builds.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn crash_if_asked(event: &event::Event) {
    use ratatui::crossterm::event::{Event, KeyCode};
    let f12 = matches!(event, Event::Key(key) if key.code == KeyCode::F(12));
    if f12 && std::env::var_os("TICKLIST_TEST_PANIC").is_some() {
        panic!("test-only panic: F12 with TICKLIST_TEST_PANIC set");
    }
}
