//! Any bytes as a state file: parse into a usable state or a reason; never panic.
//! A state that parses must survive a save-format round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ticklist::progress::State;

fuzz_target!(|data: &[u8]| {
    if let Ok(state) = State::parse(data, "p") {
        let json = serde_json::to_vec(&state).unwrap();
        assert_eq!(State::parse(&json, "p"), Ok(state));
    }
});
