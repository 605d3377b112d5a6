//! The interactive session: terminal set-up and tear-down, and the event loop
//! that turns terminal events into actions and effects.

mod lists;

pub use lists::{choose_checklist, pick_run};

use std::io::{self, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Once, PoisonError};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::EnterAlternateScreen;
use ratatui::crossterm::{execute, queue};

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

/// Bytes of a frame kept before they are written: a whole frame goes out in one write
/// (stdout alone writes every 1 KiB), so the terminal never shows half of one and a key
/// is answered in one system call.
const FRAME_BUFFER: usize = 64 * 1024;

/// The terminal as drawn on, through [`FRAME_BUFFER`].
type Screen = Terminal<CrosstermBackend<io::BufWriter<io::Stdout>>>;

/// The terminal in full-screen mode. Dropping it restores the terminal, and the panic
/// hook does the same on a crash, so the user's shell is never left broken.
struct TerminalGuard {
    terminal: Screen,
    mouse: bool,
}

/// Whether a full-screen session holds the terminal now, and whether it captured the
/// mouse: what the panic hook and the signal watcher restore.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether crossterm listens for resizes yet (from its first poll, once per process).
static LISTENING: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// The saves of the checklist open now, for the signal watcher to finish; none while
/// the student picker is shown.
static LIVE: Mutex<Option<Shared>> = Mutex::new(None);

impl TerminalGuard {
    /// Crossterm listens for resizes from its first poll on, made here once the first
    /// frame is out (listening before it cost that frame about 0.1 ms); a resize before
    /// it is seen by the size. Whether the frame just drawn on `drawn` is stale already.
    fn listen_for_resizes(&mut self, drawn: ratatui::layout::Rect) -> io::Result<bool> {
        if LISTENING.swap(true, Ordering::SeqCst) {
            return Ok(false);
        }
        event::poll(Duration::ZERO)?;
        let size = self.terminal.size()?;
        Ok((size.width, size.height) != (drawn.width, drawn.height))
    }

    fn start(mouse: bool) -> io::Result<Self> {
        install_once()?;
        MOUSE.store(mouse, Ordering::SeqCst);
        ACTIVE.store(true, Ordering::SeqCst);
        // Raw mode first: from here on, whatever fails, the Drop of the session (or the
        // hook, or the watcher) gives the terminal back.
        let raw = ratatui::crossterm::terminal::enable_raw_mode();
        let terminal = raw
            .and_then(|()| execute!(io::stdout(), EnterAlternateScreen))
            .and_then(|()| {
                let out = io::BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
                Terminal::new(CrosstermBackend::new(out))
            });
        let terminal = match terminal {
            Ok(terminal) => terminal,
            Err(e) => {
                ACTIVE.store(false, Ordering::SeqCst);
                restore(mouse);
                return Err(e);
            }
        };
        let mut guard = TerminalGuard { terminal, mouse };
        // Pasted text arrives as one event, so it can never be read as key commands.
        // Queued, to go out with the first frame in one write.
        let out = guard.terminal.backend_mut();
        queue!(out, EnableBracketedPaste)?;
        if mouse {
            queue!(out, EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl TerminalGuard {
    /// Ctrl-Z: gives the terminal back and stops, as the shell expects; `fg` continues
    /// here, and the whole screen is drawn again.
    fn suspend(&mut self) -> io::Result<()> {
        restore(self.mouse);
        #[cfg(unix)]
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        ratatui::crossterm::terminal::enable_raw_mode()?;
        execute!(
            io::stdout(),
            ratatui::crossterm::terminal::EnterAlternateScreen,
            EnableBracketedPaste
        )?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        // The screen was the shell's: blank every cell so the next frame draws all of
        // them (`Terminal::clear` would ask the terminal where its cursor is).
        self.terminal
            .draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
            .map(|_| ())
    }
}

/// The panic hook and the signal watcher, once per process however many times the
/// picker and the checklist take turns on the screen.
fn install_once() -> io::Result<()> {
    static INSTALLED: Once = Once::new();
    let mut installed = Ok(());
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if ACTIVE.swap(false, Ordering::SeqCst) {
                restore(MOUSE.load(Ordering::SeqCst));
            }
            previous(info);
        }));
        #[cfg(unix)]
        {
            installed = finish_on_signals();
        }
    });
    installed
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ACTIVE.store(false, Ordering::SeqCst);
        restore(self.mouse);
    }
}

/// Gives the terminal back: mouse and paste released, cursor shown, main screen,
/// cooked mode. Each step is tried whatever the others did, and nothing is printed: a
/// terminal closed under the program fails every write, and a failing print would stop
/// the signal watcher before it ends the process (`ratatui::restore` prints).
fn restore(mouse: bool) {
    release(mouse);
    let _ = execute!(io::stdout(), Show);
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        ratatui::crossterm::terminal::LeaveAlternateScreen
    );
}

/// Turns off what ticklist asked of the terminal beyond what ratatui restores.
fn release(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
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
            let drawn = guard
                .terminal
                .draw(|frame| {
                    ui::prepare(app, frame.area(), theme);
                    ui::render(frame, app, theme);
                })?
                .area;
            if guard.listen_for_resizes(drawn)? {
                continue;
            }
        }
        watch_signals();
        if app.should_quit() {
            return Ok(());
        }
        input = next_input(app, app.saving(), mouse)?;
    }
}

/// Waits for input and resolves it in the mode the app is in; while saves are under
/// way, returns after [`SAVE_POLL`] anyway so their outcome shows without a key press.
fn next_input(app: &App, saving: bool, mouse: bool) -> io::Result<Option<Input>> {
    if saving && !event::poll(SAVE_POLL)? {
        return Ok(None);
    }
    let event = event::read()?;
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
        if ACTIVE.swap(false, Ordering::SeqCst) {
            restore(MOUSE.load(Ordering::SeqCst));
        }
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
