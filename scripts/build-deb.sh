#!/usr/bin/env bash
# Builds the Debian package target/debian/ticklist_<version>_<arch>.deb: the release
# binary, its manual pages (en, fr), completions, README and licence.
# Needs cargo-deb (`cargo install cargo-deb --locked`) and dpkg.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
scripts/assets.sh target/release/ticklist target/assets
cargo deb --no-build --locked "$@"
