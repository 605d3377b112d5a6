//! The one source of "now" for the binary, so that tests of the real binary can fix it.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// In debug builds (those `cargo test` runs), `TICKLIST_NOW=2027-06-01T09:00:00Z` fixes
/// the clock so that what a test asserts about dates holds on any day. Release builds
/// always read the system clock.
pub const NOW_ENV: &str = "TICKLIST_NOW";

/// The current time: the system's, or the test's fixed one (see [`NOW_ENV`]).
pub fn now() -> Timestamp {
    #[cfg(debug_assertions)]
    if let Some(fixed) = std::env::var(NOW_ENV).ok().and_then(|v| v.parse().ok()) {
        return fixed;
    }
    Timestamp::now()
}

/// The local time zone. With `TZ` unset, `/etc/localtime` is read directly: asking jiff
/// for the system zone also walks the whole zoneinfo tree (dozens of directory reads)
/// before the first frame.
pub fn time_zone() -> TimeZone {
    if cfg!(unix)
        && std::env::var_os("TZ").is_none()
        && let Ok(bytes) = std::fs::read("/etc/localtime")
        && let Ok(tz) = TimeZone::tzif("Local", &bytes)
    {
        return tz;
    }
    TimeZone::system()
}
