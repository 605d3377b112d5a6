//! The interactive session: terminal set-up and tear-down, and the event loop
//! that turns terminal events into actions and effects.

use std::io;

use jiff::Timestamp;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::effects::Effects;
use crate::keymap;
use crate::ui::{self, Theme};

/// The terminal in full-screen mode. Dropping it restores the terminal, and a panic
/// hook does the same on a crash, so the user's shell is never left broken.
struct Session {
    terminal: DefaultTerminal,
    mouse: bool,
}

impl Session {
    fn start(mouse: bool) -> io::Result<Self> {
        // `ratatui::init` enters raw mode and the alternate screen and installs a panic
        // hook that leaves them; ours chains in front of it to release the mouse too.
        // The session exists before anything else can fail, so its Drop restores.
        let session = Session {
            terminal: ratatui::init(),
            mouse,
        };
        if mouse {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let _ = execute!(io::stdout(), DisableMouseCapture);
                previous(info);
            }));
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        ratatui::restore();
    }
}

/// Runs the UI until the user quits. Every change is saved as it happens.
pub fn run<W: io::Write>(mut app: App, effects: &mut Effects<W>, mouse: bool) -> io::Result<()> {
    let mut session = Session::start(mouse)?;
    let theme = Theme::from_env();
    loop {
        let size = session.terminal.size()?;
        if let Some(regions) = ui::regions(&app, size.into()) {
            app.set_tree_area(regions.tree_rows());
        }
        session
            .terminal
            .draw(|frame| ui::render(frame, &app, &theme))?;
        if app.should_quit() {
            return Ok(());
        }
        let action = match event::read()? {
            Event::Key(key) => keymap::action_for_key(key),
            Event::Mouse(m) if mouse => keymap::action_for_mouse(m),
            _ => None,
        };
        let Some(action) = action else { continue };
        for effect in app.update(action, Timestamp::now()) {
            if let Some(report) = effects.run(&effect, &app) {
                app.report(report);
            }
        }
    }
}
