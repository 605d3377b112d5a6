use std::process::ExitCode;

fn main() -> ExitCode {
    ticklist::cli::run()
}
