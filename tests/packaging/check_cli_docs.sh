#!/bin/sh
# SPDX-License-Identifier: MIT
# What `busywork --help`, `busywork COMMAND --help` and `busywork --version` print, and that
# the man page documents every command and long option the CLI knows.
#   check_cli_docs.sh BUSYWORK_BINARY MAN_PAGE VERSION
set -u
binary=$1
page=$2
version=$3
. "$(dirname "$0")/cli_help.sh"
failed=0
fail() {
    echo "FAIL $*"
    failed=1
}

# The page's text with roff's escaped hyphens as plain ones: \-\-per\-calendar is --per-calendar.
text=$(sed 's/\\-/-/g' "$page")
commands=$(busywork_subcommands "$binary")
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 4 ] || fail "too few subcommands in --help: $commands"
for command in "" $commands; do
    label="busywork${command:+ $command} --help"
    # shellcheck disable=SC2086 # no command: no argument
    help=$("$binary" $command --help) || fail "$label exited $?"
    printf "%s\n" "$help" | grep -q '^Examples:' || fail "$label has no Examples: footer"
    printf "%s\n" "$help" | grep -q '^  busywork ' || fail "$label has no example command"
    # shellcheck disable=SC2086
    for option in $(busywork_long_options "$binary" $command); do
        printf "%s\n" "$text" | grep -q -e "$option\([^a-z-]\|$\)" ||
            fail "man page lacks $option (from $label)"
    done
    if [ -n "$command" ]; then
        printf "%s\n" "$text" | grep -q "^\.B $command$" || fail "man page has no COMMANDS entry $command"
    fi
    echo "ok   $label: examples, and every long option in the man page"
done

out=$("$binary" --version) || fail "--version exited $?"
printf '%s\n' "$out"
printf '%s\n' "$out" | head -n 1 | grep -qx "busywork $version" || fail "--version: first line is not 'busywork $version'"
printf '%s\n' "$out" | grep -Eq '^libical [0-9]+\.[0-9]+' || fail "--version: no libical version"
printf '%s\n' "$out" | grep -Eq '^ICU [0-9]+\.[0-9]+' || fail "--version: no ICU version"
printf '%s\n' "$out" | grep -Eq '^tz database [0-9]{4}[a-z]' || fail "--version: no tz database version"
printf '%s\n' "$out" | grep -Eq '^libpsl [0-9]+\.[0-9]+' || fail "--version: no libpsl version"
[ "$failed" -eq 0 ] && echo "cli_docs: ok"
exit "$failed"
