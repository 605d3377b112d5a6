#!/usr/bin/env bash
# Builds the archive a release publishes for TARGET, as dist/ticklist-<version>-<TARGET>
# .tar.gz (.zip for Windows): the binary, its manual pages (en, fr), completions, README,
# LICENSE, and SHA256SUMS of them all. The release workflow calls this script; .ci/run
# builds the Linux archive with it and tries what it unpacks to.
# Usage: scripts/dist.sh TARGET [BINARY]   (default: target/TARGET/release/ticklist[.exe])
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/dist.sh TARGET [BINARY]}"
exe=""
case "$target" in *windows*) exe=".exe" ;; esac
bin="${2:-target/$target/release/ticklist$exe}"
version="$(grep -m1 '^version' Cargo.toml | cut -d '"' -f2)"
name="ticklist-$version-$target"
rm -rf "dist/$name"
mkdir -p "dist/$name"
cp "$bin" "dist/$name/ticklist$exe"
cp README.md LICENSE "dist/$name/"
scripts/assets.sh "$bin" "dist/$name" >/dev/null
# Checksums of every file, for whoever unpacks it (`sha256sum -c SHA256SUMS`).
sums() { if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }
(cd "dist/$name" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | while read -r f; do sums "$f"; done > SHA256SUMS)
cd dist
if [ -n "$exe" ]; then
  rm -f "$name.zip"
  7z a "$name.zip" "$name" >/dev/null
  echo "dist/$name.zip"
else
  tar czf "$name.tar.gz" "$name"
  echo "dist/$name.tar.gz"
fi
rm -rf "$name"
