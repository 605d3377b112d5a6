//! The values an option takes from a fixed list: formats and separators.

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    /// The steps with a due date, as calendar events (iCalendar).
    Ics,
}

/// The separators a spreadsheet reads between CSV cells: any other character (a quote,
/// a letter) would break the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Delimiter {
    #[value(name = ",", alias = "comma")]
    Comma,
    #[value(name = ";", alias = "semicolon")]
    Semicolon,
    #[value(name = "tab", alias = "\t")]
    Tab,
    #[value(name = "|", alias = "pipe")]
    Pipe,
}

impl Delimiter {
    pub fn char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
            Delimiter::Pipe => '|',
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Csv,
    Json,
    /// One self-contained page (no script, no network), to open in a browser or print.
    Html,
}
