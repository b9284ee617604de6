#!/bin/sh
# SPDX-License-Identifier: MIT
# The man page has no groff warning at the strictest level (-ww), man -l renders it without a
# message, and it has every section busywork(1) promises.
#   check_man.sh MAN_PAGE
set -u
page=$1
. "$(dirname "$0")/cli_help.sh"
command -v groff >/dev/null || skip_or_fail "groff missing (Debian: groff-base)"
command -v man >/dev/null || skip_or_fail "man missing (Debian: man-db)"
failed=0
warnings=$(groff -ww -z -man "$page" 2>&1) || { echo "FAIL: groff exited $?"; failed=1; }
if [ -n "$warnings" ]; then
    echo "FAIL: groff -ww -z -man $page warns:"
    printf '%s\n' "$warnings"
    failed=1
else
    echo "ok   groff -ww -z -man $page: no warnings"
fi
rendered=$(mktemp)
messages=$(mktemp)
trap 'rm -f "$rendered" "$messages"' EXIT
MANWIDTH=80 man -l "$page" >"$rendered" 2>"$messages" </dev/null ||
    { echo "FAIL: man -l exited $?"; failed=1; }
if [ -s "$messages" ]; then
    echo "FAIL: man -l $page printed:"
    cat "$messages"
    failed=1
else
    echo "ok   man -l $page: $(wc -l <"$rendered") lines, no messages"
fi
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "THE RULES FILE" CONFIGURATION \
    "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    grep -qx "$section" "$rendered" || { echo "FAIL: no section $section"; failed=1; }
done
for subsection in "A one-off audit" "A cron job that e-mails the weekly summary" Spreadsheets; do
    grep -qx "   $subsection" "$rendered" || { echo "FAIL: no example \"$subsection\""; failed=1; }
done
# The page is ASCII: groff escapes for anything else, so that no locale can garble it.
non_ascii=$(LC_ALL=C grep -n "$(printf '[\200-\377]')" "$page")
if [ -n "$non_ascii" ]; then
    echo "FAIL: non-ASCII characters in $page:"
    printf '%s\n' "$non_ascii"
    failed=1
fi
[ "$failed" -eq 0 ] && echo "man_page: ok"
exit "$failed"
