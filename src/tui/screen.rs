//! The terminal held in full-screen mode: set up, drawn on, resized, suspended and
//! given back on every way out.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

/// Bytes of a frame kept before they are written: a whole frame goes out in one write
/// (stdout alone writes every 1 KiB), so the terminal never shows half of one and a key
/// is answered in one system call.
const FRAME_BUFFER: usize = 64 * 1024;

/// What ratatui writes a frame to. Crossterm flushes after each cursor command, which
/// sent a frame and then its cursor in two writes; while `held`, flushing waits, and
/// [`TerminalGuard::draw`] sends the frame once it is whole.
struct FrameOut {
    out: io::BufWriter<io::Stdout>,
    held: Rc<Cell<bool>>,
}

impl Write for FrameOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.held.get() {
            return Ok(());
        }
        self.out.flush()
    }
}

/// The terminal as drawn on. Its area is fixed and changed on a resize event: with
/// ratatui's full-screen viewport, every frame would ask the terminal its size (three
/// system calls a key).
type Screen = Terminal<CrosstermBackend<FrameOut>>;

/// Whether a full-screen session holds the terminal now, and whether it captured the
/// mouse: what the panic hook and the signal watcher restore.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether crossterm listens for resizes yet (from its first poll, once per process).
static LISTENING: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// The terminal in full-screen mode. Dropping it restores the terminal, and the panic
/// hook does the same on a crash, so the user's shell is never left broken.
pub(super) struct TerminalGuard {
    terminal: Screen,
    mouse: bool,
    /// Whether a frame is being drawn, so that its writes wait for the whole of it.
    drawing: Rc<Cell<bool>>,
}

impl TerminalGuard {
    pub(super) fn start(mouse: bool) -> io::Result<Self> {
        super::install_once()?;
        MOUSE.store(mouse, Ordering::SeqCst);
        ACTIVE.store(true, Ordering::SeqCst);
        // Raw mode first: from here on, whatever fails, the Drop of the session (or the
        // hook, or the watcher) gives the terminal back.
        let drawing = Rc::new(Cell::new(false));
        let terminal = terminal::enable_raw_mode()
            .and_then(|()| execute!(io::stdout(), EnterAlternateScreen))
            .and_then(|()| whole_screen())
            .and_then(|area| {
                let out = FrameOut {
                    out: io::BufWriter::with_capacity(FRAME_BUFFER, io::stdout()),
                    held: Rc::clone(&drawing),
                };
                let viewport = Viewport::Fixed(area);
                Terminal::with_options(CrosstermBackend::new(out), TerminalOptions { viewport })
            });
        let terminal = match terminal {
            Ok(terminal) => terminal,
            Err(e) => {
                ACTIVE.store(false, Ordering::SeqCst);
                restore(mouse);
                return Err(e);
            }
        };
        let mut guard = TerminalGuard {
            terminal,
            mouse,
            drawing,
        };
        // Pasted text arrives as one event, so it can never be read as key commands.
        // Queued, to go out with the first frame in one write.
        let out = guard.terminal.backend_mut();
        queue!(out, EnableBracketedPaste)?;
        if mouse {
            queue!(out, EnableMouseCapture)?;
        }
        Ok(guard)
    }

    /// Draws a frame and sends it in one write; the area it was drawn in.
    pub(super) fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<Rect> {
        self.drawing.set(true);
        let drawn = self.terminal.draw(render).map(|frame| frame.area);
        self.drawing.set(false);
        let area = drawn?;
        ratatui::backend::Backend::flush(self.terminal.backend_mut())?;
        Ok(area)
    }

    /// The next event from the terminal. On a resize the screen is cleared and the next
    /// frame drawn whole, to the size the terminal has now: resizes in quick succession
    /// may come as one event, or as one whose size is already gone, and a terminal that
    /// shrank and grew again may have lost what it showed.
    pub(super) fn read(&mut self) -> io::Result<Event> {
        let event = event::read()?;
        if let Event::Resize(..) = event {
            self.terminal.resize(whole_screen()?)?;
        }
        Ok(event)
    }

    fn resize(&mut self, area: Rect) -> io::Result<()> {
        if area != self.terminal.get_frame().area() {
            self.terminal.resize(area)?;
        }
        Ok(())
    }

    /// Crossterm listens for resizes from its first poll on, made here once the first
    /// frame is out (listening before it cost that frame about 0.1 ms); a resize before
    /// it is seen by the size. Whether the frame just drawn on `drawn` is stale already.
    pub(super) fn listen_for_resizes(&mut self, drawn: Rect) -> io::Result<bool> {
        if LISTENING.swap(true, Ordering::SeqCst) {
            return Ok(false);
        }
        event::poll(Duration::ZERO)?;
        let area = whole_screen()?;
        self.resize(area)?;
        Ok(area != drawn)
    }

    /// Ctrl-Z: gives the terminal back and stops, as the shell expects; `fg` continues
    /// here, and the whole screen is drawn again, to the size it has now.
    pub(super) fn suspend(&mut self) -> io::Result<()> {
        restore(self.mouse);
        #[cfg(unix)]
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        self.resize(whole_screen()?)?;
        // The screen was the shell's: blank every cell so the next frame draws all of
        // them (`Terminal::clear` would ask the terminal where its cursor is).
        self.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
            .map(|_| ())
    }
}

fn whole_screen() -> io::Result<Rect> {
    let (width, height) = terminal::size()?;
    Ok(Rect::new(0, 0, width, height))
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ACTIVE.store(false, Ordering::SeqCst);
        restore(self.mouse);
    }
}

/// Gives the terminal back if a full-screen session holds it: for the panic hook and
/// the signal watcher, which may come while it does or not.
pub(super) fn give_back() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        restore(MOUSE.load(Ordering::SeqCst));
    }
}

/// Gives the terminal back: mouse and paste released, cursor shown, main screen,
/// cooked mode. Each step is tried whatever the others did, and nothing is printed: a
/// terminal closed under the program fails every write, and a failing print would stop
/// the signal watcher before it ends the process (`ratatui::restore` prints).
fn restore(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste, Show);
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen);
}
