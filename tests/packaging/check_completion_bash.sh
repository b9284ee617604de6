#!/bin/bash
# SPDX-License-Identifier: MIT
# Loads completions/busywork.bash in a real bash, without the bash-completion package, and
# completes command lines through the function it registered with `complete`, the way bash
# does on TAB (COMP_WORDS, COMP_CWORD; COMPREPLY is the answer).
#   check_completion_bash.sh COMPLETION_FILE BUSYWORK_BINARY
set -u
completion=$1
binary=$2
. "$(dirname "$0")/cli_help.sh"

# shellcheck source=/dev/null
source "$completion" || { echo "FAIL: cannot source $completion"; exit 1; }
registered=$(complete -p busywork 2>/dev/null) || { echo "FAIL: no completion for busywork"; exit 1; }
function=$(sed -n 's/.*-F \([^ ]*\).*/\1/p' <<<"$registered")
[ -n "$function" ] || { echo "FAIL: not a function completion: $registered"; exit 1; }

passed=0
failed=0
# complete_line "LINE": the line split at spaces, the last word the one being completed (empty
# after a trailing space). Write "--tz = Europe/Ber" for --tz=Europe/Ber: bash splits it so, as
# COMP_WORDBREAKS has '='.
complete_line() {
    read -ra COMP_WORDS <<<"$1"
    [[ $1 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$1
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    local previous=""
    ((COMP_CWORD > 0)) && previous=${COMP_WORDS[COMP_CWORD - 1]}
    "$function" busywork "${COMP_WORDS[COMP_CWORD]}" "$previous"
    printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}
check() { # check DESCRIPTION CONDITION-RESULT
    if [ "$2" = ok ]; then
        passed=$((passed + 1))
        echo "ok   $1"
    else
        failed=$((failed + 1))
        echo "FAIL $1: $2"
    fi
}
# expect_exactly "WORDS" EXPECTED...: the completions are exactly these.
expect_exactly() {
    local words=$1
    shift
    local got expected
    got=$(complete_line "$words" | tr '\n' ' ')
    expected=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    if [ "$got" = "$expected" ]; then
        check "'$words<TAB>' -> $expected" ok
    else
        check "'$words<TAB>' -> $expected" "got '$got'"
    fi
}
# expect_includes "WORDS" EXPECTED...: these are among the completions.
expect_includes() {
    local words=$1
    shift
    local got missing=""
    got=$(complete_line "$words")
    for w in "$@"; do
        grep -qxF -- "$w" <<<"$got" || missing="$missing $w"
    done
    if [ -z "$missing" ]; then
        check "'$words<TAB>' includes $*" ok
    else
        check "'$words<TAB>' includes $*" "missing$missing (got $(tr '\n' ' ' <<<"$got"))"
    fi
}
# expect_excludes "WORDS" UNEXPECTED...
expect_excludes() {
    local words=$1
    shift
    local got present=""
    got=$(complete_line "$words")
    for w in "$@"; do
        grep -qxF -- "$w" <<<"$got" && present="$present $w"
    done
    if [ -z "$present" ]; then
        check "'$words<TAB>' excludes $*" ok
    else
        check "'$words<TAB>' excludes $*" "has$present"
    fi
}

# A subcommand, an option, a format, a zone: what the issue asks for.
expect_exactly "busywork rep" report
expect_exactly "busywork report --for" --format
expect_includes "busywork report --format " text csv json markdown html
expect_exactly "busywork events --format " text csv json
expect_exactly "busywork report --format m" markdown
expect_exactly "busywork report --tz Europe/Ber" Europe/Berlin
expect_exactly "busywork events --tz = Europe/Ber" Europe/Berlin
expect_includes "busywork check --tz " UTC America/New_York Asia/Kolkata Europe/London
expect_exactly "busywork report --color " auto always never
expect_exactly "busywork report --format = js" json
expect_includes "busywork events --category " customer pre-meeting internal-sync excluded
expect_exactly "busywork --v" --version

# Every subcommand and every long option that the CLI's --help lists can be completed.
mapfile -t subcommands < <(busywork_subcommands "$binary")
[ "${#subcommands[@]}" -ge 4 ] || check "subcommands read from --help" "only ${subcommands[*]}"
expect_includes "busywork " "${subcommands[@]}"
for command in "${subcommands[@]}"; do
    mapfile -t options < <(busywork_long_options "$binary" "$command")
    expect_includes "busywork $command --" "${options[@]}"
done

# Inputs are calendars and directories; --rules wants a TOML file.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/exports"
touch "$work/anna.ics" "$work/ben.ICS" "$work/notes.txt" "$work/my-rules.toml"
cd "$work" || exit 1
expect_exactly "busywork report " anna.ics ben.ICS exports
expect_excludes "busywork check " notes.txt my-rules.toml
expect_exactly "busywork report anna.ics --rules " my-rules.toml exports
expect_exactly "busywork rules --check my" my-rules.toml
expect_includes "busywork report anna.ics -o " notes.txt anna.ics

echo "completion_bash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
