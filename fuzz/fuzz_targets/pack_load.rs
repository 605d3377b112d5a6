//! Any text given as a pack: loads, or fails with a located error; never panics,
//! never lets an escape character into what would be printed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match ticklist::pack::load_str(&text, "fuzz.yaml") {
        Ok(pack) => {
            for node in &pack.nodes {
                assert!(!node.title.contains('\u{1b}'));
            }
        }
        Err(err) => {
            let problems = err.problems();
            assert!(!problems.is_empty());
            assert!(problems.iter().all(|p| p.line >= 1 && p.column >= 1), "{err}");
            assert!(!err.to_string().contains('\u{1b}'));
        }
    }
});
