//! Every string the app itself shows, in one catalogue per language ([`fr`], [`en`]).
//! Render code, the app core and the commands take their words from here, never from
//! literals. The catalogue type is generated from one list of names, so a language
//! cannot lack a message (it does not compile) and tests can walk every message.

mod catalogue;
mod en;
mod fill;
mod fr;
mod lang;

pub use catalogue::Text;
pub use en::EN;
pub use fill::fill;
pub use fr::FR;
pub use lang::{Lang, locale_lang};

use jiff::civil::{Date, DateTime};

impl Text {
    /// "22 November 2026" / "22 novembre 2026", month names from the catalogue.
    pub fn date(&self, at: Date) -> String {
        let month = usize::try_from(at.month() - 1)
            .ok()
            .and_then(|m| self.months.get(m))
            .copied()
            .unwrap_or_default();
        // French writes the first of a month as an ordinal: "1er novembre".
        let day = match at.day() {
            1 => self.first_of_month.to_string(),
            day => day.to_string(),
        };
        format!("{day} {month} {}", at.year())
    }

    /// "not applicable: reason", or "not applicable" alone when no reason was given:
    /// never a colon before nothing.
    pub fn not_applicable(&self, reason: &str) -> String {
        if reason.trim().is_empty() {
            return self.skip_no_reason.to_string();
        }
        fill(self.skip_reason, &[("reason", reason)])
    }

    /// "22 novembre 2026 à 14:03".
    pub fn date_time(&self, at: DateTime) -> String {
        format!(
            "{} {} {:02}:{:02}",
            self.date(at.date()),
            self.at_time,
            at.hour(),
            at.minute()
        )
    }
}

#[cfg(test)]
mod tests;
