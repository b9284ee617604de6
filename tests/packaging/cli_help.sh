# SPDX-License-Identifier: MIT
# Sourced by the packaging tests: what the CLI says it knows, read from its --help (CLI11's
# layout: "Subcommands:" lists one command a line; an option line starts with "  -", its names
# comma-separated in the first column, like "  -o,--output TEXT" or "  --strict,--no-strict{false}").

# The subcommands of `busywork --help`, one a line.
busywork_subcommands() {
    "$1" --help | awk '/^Subcommands:/ { on = 1; next } on && /^$/ { on = 0 } on && NF { print $1 }'
}

# The long options of `busywork COMMAND --help` (or of `busywork --help` without COMMAND),
# one a line, sorted.
busywork_long_options() {
    binary=$1
    shift
    "$binary" "$@" --help | awk '/^  +-/ { n = split($1, names, ","); for (i = 1; i <= n; i++) if (names[i] ~ /^--/) { sub(/\{.*/, "", names[i]); print names[i] } }' | sort -u
}

# Exit code for CTest's SKIP_RETURN_CODE, or a failure on CI, where every tool is installed
# (scripts/install-deps), so that a test cannot be skipped there unseen.
skip_or_fail() {
    if [ -n "${CI:-}" ]; then
        echo "FAIL (CI): $*" >&2
        exit 1
    fi
    echo "SKIP: $*" >&2
    exit 77
}
