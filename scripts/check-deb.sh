#!/usr/bin/env bash
# Installs the package built by scripts/build-deb.sh into a scratch root (and, as root,
# into the system with dpkg -i, then removes it) and checks what a user would use: the
# binary, the manual pages in English and French, and the shell completions.
set -euo pipefail
cd "$(dirname "$0")/.."
deb="$(ls -t target/debian/ticklist_*.deb | head -n 1)"
fail() { echo "check-deb: $*" >&2; exit 1; }
# `has TEXT PATTERN`: grep on a captured output (a pipe into grep -q would fail on
# SIGPIPE under pipefail).
has() { grep -q -- "$2" <<<"$1"; }
has "$(dpkg-deb --info "$deb")" "Package: ticklist" || fail "not the ticklist package"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
for path in usr/bin/ticklist usr/share/man/man1/ticklist.1.gz \
  usr/share/man/man1/ticklist-pack-install.1.gz usr/share/man/fr/man1/ticklist.1.gz \
  usr/share/bash-completion/completions/ticklist usr/share/zsh/vendor-completions/_ticklist \
  usr/share/fish/vendor_completions.d/ticklist.fish usr/share/doc/ticklist/README.md \
  usr/share/doc/ticklist/copyright; do
  [ -e "$root/$path" ] || fail "the package lacks /$path"
done

# The binary runs, on its built-in pack, in a home of its own.
home="$root/home"
mkdir -p "$home"
run() { env -i PATH=/usr/bin:/bin HOME="$home" LANG=C TZ=UTC "$root/usr/bin/ticklist" "$@"; }
has "$(run --version)" "^ticklist " || fail "ticklist --version"
has "$(run status)" "total 0/" || fail "ticklist status"

# The manual pages render, each in its language.
page() { MANWIDTH=80 man -l "$1" 2>/dev/null; }
has "$(page "$root/usr/share/man/man1/ticklist-pack-install.1.gz")" "Validate a pack" \
  || fail "the English page of pack install"
has "$(page "$root/usr/share/man/fr/man1/ticklist.1.gz")" "^NOM" || fail "the French page"

# bash completes a subcommand from the installed script.
words="$(bash -c '
  source "$1/usr/share/bash-completion/completions/ticklist"
  COMP_WORDS=(ticklist pa); COMP_CWORD=1; COMP_LINE="ticklist pa"; COMP_POINT=11
  _ticklist ticklist pa ticklist
  printf "%s\n" "${COMPREPLY[@]}"' _ "$root")"
grep -qx "pack" <<<"$words" || fail "bash completion of 'ticklist pa': $words"

# As root (CI): the real installation, then its removal.
if [ "$(id -u)" -eq 0 ]; then
  dpkg -i "$deb" >/dev/null
  has "$(env -i PATH=/usr/bin:/bin HOME="$home" ticklist --version)" "^ticklist " \
    || fail "installed ticklist"
  has "$(MANWIDTH=80 MANPATH=/usr/share/man man ticklist-pack-update 2>/dev/null)" "Download again" \
    || fail "man ticklist-pack-update after dpkg -i"
  dpkg -r ticklist >/dev/null
fi
echo "check-deb: $deb installs and works"
