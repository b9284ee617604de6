#!/bin/sh
# SPDX-License-Identifier: MIT
# `cmake --install` into a staging prefix: exactly the expected files, in the standard places
# (GNUInstallDirs), and the staged binary, man page and completion work from there.
#   check_install_tree.sh CMAKE BUILD_DIR STAGING_DIR VERSION
set -u
cmake=$1
build=$2
staging=$3
version=$4
. "$(dirname "$0")/cli_help.sh"
failed=0
fail() {
    echo "FAIL $*"
    failed=1
}

rm -rf "$staging"
log=$("$cmake" --install "$build" --prefix "$staging" 2>&1) || { printf '%s\n' "$log"; fail "cmake --install exited"; exit 1; }

expected="bin/busywork
share/bash-completion/completions/busywork
share/doc/busywork/README.md
share/doc/busywork/copyright
share/doc/busywork/examples/google_rep.ics
share/doc/busywork/examples/outlook_rep.ics
share/man/man1/busywork.1.gz
share/zsh/vendor-completions/_busywork"
actual=$(cd "$staging" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort)
if [ "$actual" = "$expected" ]; then
    echo "ok   installed files:"
    printf '%s\n' "$actual" | sed 's/^/       /'
else
    fail "installed files differ from the expected ones (- expected, + installed):"
    printf '%s\n' "$expected" >"$staging.expected"
    printf '%s\n' "$actual" | diff -u "$staging.expected" - | tail -n +3
    rm -f "$staging.expected"
fi

[ -x "$staging/bin/busywork" ] || fail "bin/busywork is not executable"
out=$("$staging/bin/busywork" --version) || fail "staged busywork --version exited $?"
printf '%s\n' "$out" | head -n 1 | grep -qx "busywork $version" || fail "staged --version: $out"
printf '%s\n' "$out" | grep -q '^libical ' || fail "staged --version has no libical line"
printf '%s\n' "$out" | grep -q '^ICU ' || fail "staged --version has no ICU line"
echo "ok   staged busywork --version: $(printf '%s\n' "$out" | tr '\n' ';')"

report=$(LC_ALL=C "$staging/bin/busywork" report "$staging/share/doc/busywork/examples/google_rep.ics" \
    --tz Europe/Berlin --week 2026-W43 --color never) || fail "staged busywork report exited $?"
printf '%s\n' "$report" | grep -q '^Meetings about meetings  *2:45' ||
    fail "staged report of the installed example: $report"
echo "ok   staged busywork report examples/google_rep.ics"

if command -v man >/dev/null; then
    found=$(MANPATH="$staging/share/man" man -w busywork 2>&1)
    [ "$found" = "$staging/share/man/man1/busywork.1.gz" ] || fail "man -w busywork: $found"
    messages=$(MANWIDTH=80 man -l "$staging/share/man/man1/busywork.1.gz" 2>&1 >/dev/null)
    [ -z "$messages" ] || fail "man -l of the installed page: $messages"
    echo "ok   man -w busywork with MANPATH=$staging/share/man: $found"
fi

registered=$(bash -c '. "$1" && complete -p busywork' sh \
    "$staging/share/bash-completion/completions/busywork" 2>&1) || fail "bash completion: $registered"
echo "ok   installed bash completion: $registered"

[ "$failed" -eq 0 ] && echo "install_tree: ok"
exit "$failed"
