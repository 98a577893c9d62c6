#!/usr/bin/env bash
# bench/per-core.sh — one Agora job against Xapian's stock pipeline, indexing the same collection in
# alternating rounds, so that a shared machine whose speed drifts over minutes weighs on both alike.
#
# Usage:
#   bench/per-core.sh [--docs N] [--seed S] [--files K] [--input DIR] [--rounds R] [--keep]
#                     [--build DIR] [--no-build]
#
#   --docs N      documents to generate (default 30000); --seed S (default 42); --files K (30)
#   --input DIR   index this folder as is instead of generating (the baseline gets its JSONL
#                 conversion, as in scale.sh)
#   --rounds R    rounds (default 3); each round indexes with the baseline, then with Agora
#   --keep, --build DIR, --no-build: as in run.sh
#
# Each round runs, under /usr/bin/time -v, into a new database:
#   agora 1 job     agora-index --db DB --shards 1 --jobs 1 --quiet INPUT
#   baseline        agora-bench-xapian index --db DB FILES
# Columns: wall-clock seconds, CPU seconds (user + system), MB per wall second and MB per CPU second.
# The summary gives each engine's medians (nearest rank) over the rounds and Agora / baseline for
# both speeds: with one job Agora runs on one thread (besides the reader's start-up), so the CPU
# ratio is its speed per core, and the wall ratio is what scale.sh's single run measures.
#
# Needs bash, gawk or mawk and /usr/bin/time (package time). Exits non-zero only when a program
# fails. Tables are printed and written to bench/out/per-core-latest.md.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCS=30000
SEED=42
FILES=30
INPUT=""
KEEP=0
ENGINES="agora,baseline"
QUERIES=""
BUILD="$ROOT/build"
DO_BUILD=1
BASELINE_STEMMER="auto"
TIME_BIN="/usr/bin/time"
ROUNDS=3

SCRIPT=per-core.sh
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

while (($# > 0)); do
    case "$1" in
        --rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) collection_option "$@" || die "unknown option $1 (see --help)"; shift "$TAKEN" ;;
    esac
done
check_collection_options
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"

build_targets agora-bench-gen agora-bench-xapian agora-index

WORK="$(mktemp -d "${TMPDIR:-/tmp}/agora-per-core.XXXXXX")"
cleanup() { if ((KEEP)); then note "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
mkdir -p "$WORK/log"
prepare_input "$WORK/log/gen.log" --queries 1

# index_once ENGINE ROUND: one indexing run; appends "engine round wall cpu" to $WORK/runs.txt.
index_once() {
    local engine="$1" round="$2" db="$WORK/db-$1-$2" rc=0
    local tf="$WORK/log/$1-$2.time"
    if [[ "$engine" == agora ]]; then
        run_timed "$tf" "$WORK/log/$1-$2.out" "$WORK/log/$1-$2.err" /dev/null -- \
            "$BUILD/agora-index" --db "$db" --shards 1 --jobs 1 --quiet "${AGORA_INPUT[@]}" || rc=$?
    else
        run_timed "$tf" "$WORK/log/$1-$2.out" "$WORK/log/$1-$2.err" /dev/null -- \
            "$BUILD/agora-bench-xapian" index --db "$db" "${BASE_INPUT[@]}" || rc=$?
    fi
    # Exit status 1: some input was rejected and the rest indexed (reported, not fatal).
    ((rc <= 1)) || { cat "$WORK/log/$1-$2.err" >&2; die "$engine failed in round $round (exit $rc)"; }
    read -r wall _ < <(time_field "$tf")
    echo "$engine $round $wall $(cpu_seconds "$tf")" >> "$WORK/runs.txt"
    rm -rf "$db"
}

: > "$WORK/runs.txt"
for ((r = 1; r <= ROUNDS; r++)); do
    note "round $r of $ROUNDS"
    index_once baseline "$r"
    index_once agora "$r"
done

# median COLUMN ENGINE: the nearest-rank median of one engine's wall (3) or CPU (4) seconds.
median() { awk -v e="$2" -v c="$1" '$1 == e { print $c }' "$WORK/runs.txt" | sort -n > "$WORK/median.txt"; percentile 50 "$WORK/median.txt"; }
speed() { awk -v mb="$INPUT_MB" -v s="$1" 'BEGIN { if (s + 0 > 0) printf "%.2f", mb / s; else print "-" }'; }

OUT_DIR="$ROOT/bench/out"
mkdir -p "$OUT_DIR"
{
    echo "| engine | round | documents | MB | wall s | CPU s | MB/s (wall) | MB per CPU s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    while read -r engine round wall cpu; do
        label="xapian baseline"
        [[ "$engine" == agora ]] && label="agora 1 shard 1 job"
        echo "| $label | $round | $DOC_COUNT | $INPUT_MB | $wall | $cpu | $(speed "$wall") | $(speed "$cpu") |"
    done < "$WORK/runs.txt"
    echo
    echo "| median over $ROUNDS rounds | wall s | CPU s | MB/s (wall) | MB per CPU s |"
    echo "|---|---:|---:|---:|---:|"
    for engine in agora baseline; do
        w=$(median 3 "$engine")
        c=$(median 4 "$engine")
        label="xapian baseline"
        [[ "$engine" == agora ]] && label="agora 1 shard 1 job"
        echo "| $label | $w | $c | $(speed "$w") | $(speed "$c") |"
        eval "${engine}_wall=$w ${engine}_cpu=$c"
    done
    echo
    echo "| agora 1 job / baseline | ratio | better |"
    echo "|---|---:|---|"
    # shellcheck disable=SC2154  # set by the eval above
    echo "| indexing MB/s (wall, medians) | $(ratio "$baseline_wall" "$agora_wall") | higher |"
    # shellcheck disable=SC2154
    echo "| indexing MB per CPU second (medians) | $(ratio "$baseline_cpu" "$agora_cpu") | higher |"
    echo
    echo "Input: $INPUT_DESC, $INPUT_MB MB. Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)."
} | tee "$OUT_DIR/per-core-latest.md"
