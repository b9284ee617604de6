#!/bin/sh
# Runs one libFuzzer target for a bounded time, from the seed corpora, with its dictionary.
#   run_fuzzer.sh FUZZER SECONDS DICTIONARY WORK_DIR SEED_DIR...
# New inputs go to WORK_DIR/corpus, crashes to WORK_DIR/artifacts; a crash fails the test.
# The 60 s timeout is a hang guard for an ASan build, some 20 times slower than a normal one;
# tests/bad_input_test.cpp holds normal builds to 2 s a file.
set -eu
fuzzer=$1
seconds=$2
dictionary=$3
work=$4
shift 4
mkdir -p "$work/corpus" "$work/artifacts"
exec "$fuzzer" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=262144 \
    -dict="$dictionary" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$work/corpus" "$@"
