#!/usr/bin/env bash
# bench/run.sh — Agora's benchmark: indexing and query speed, memory and index size, measured
# against Xapian's stock pipeline (agora-bench-xapian) on the same input and the same queries.
#
# Usage:
#   bench/run.sh [--docs N] [--seed S] [--input DIR] [--keep]
#                [--engines agora,baseline] [--queries FILE] [--files K]
#                [--build DIR] [--no-build] [--baseline-stemmer NAME]
#
#   --docs N      documents to generate (default 50000); --seed S (default 42); --files K (50)
#   --input DIR   index this folder as is (.txt .md .html .htm .jsonl) instead of generating;
#                 the baseline gets a JSONL conversion of it (agora-bench-gen --from-folder),
#                 and the queries are sampled from its text unless --queries is given
#   --keep        keep the temporary folder (collection, databases, logs, raw results)
#   --engines     comma-separated subset of agora,agora-nospell,baseline (default all three)
#   --queries     query file, one a line (default: the generated/sampled queries.txt)
#   --build DIR   build folder (default build/ at the repository root)
#   --no-build    do not run cmake first
#   --baseline-stemmer NAME  QueryParser stemmer of the baseline: auto (default; guessed per query:
#                 russian/french/english), english (Omega's single-language setup), none
#
# Columns of the table:
#   engine        agora; agora-nospell (agora-index --no-spelling: no "did you mean" data);
#                 baseline (Xapian TermGenerator + QueryParser + BM25 + MSet::snippet)
#   documents     records in the collection: the generator's count (for --input, the records of
#                 the JSONL conversion: one per .txt/.md/.html file plus each JSONL line)
#   MB            input bytes / 2^20 (the JSONL files, or for --input the folder's indexable files)
#   index s       wall-clock seconds of the whole indexing command ("Elapsed (wall clock)" of
#                 /usr/bin/time -v; includes start-up and the final commit)
#   MB/s          MB / index s
#   docs/s        documents / index s
#   peak RSS MiB  "Maximum resident set size" of the indexing command / 1024
#   index MiB     disk usage of the database folder after indexing (du -sk / 1024)
#   query p50 ms, p95 ms, p99 ms
#                 nearest-rank percentiles of the per-query "took_ms" printed by the search
#                 program in --batch mode (parse + match top 10 + snippets; no process start-up;
#                 Agora runs with --no-facets, as the baseline has none)
#   queries/s     queries / (sum of took_ms / 1000): the throughput of one search process that
#                 answers one query at a time (a query may use a second thread), without start-up
# The ratio table divides Agora's figure by the baseline's. Below the tables: queries with no
# hit, the wall time and peak RSS of each whole search batch, and the machine.
#
# Needs only Debian tools: bash, coreutils (sort, du, wc, mktemp), gawk/mawk, time (/usr/bin/time),
# cmake for the build. Exits non-zero only when a program fails (never because of a timing).
# Tables are printed and written to bench/out/latest.md.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCS=50000
SEED=42
FILES=50
INPUT=""
KEEP=0
ENGINES="agora,agora-nospell,baseline"
QUERIES=""
BUILD="$ROOT/build"
DO_BUILD=1
BASELINE_STEMMER="auto"
TIME_BIN="/usr/bin/time"
JOBS=2

SCRIPT=run.sh
# Shared helpers: die, note, usage, collection_option, check_collection_options, build_targets,
# prepare_input, and the measurement helpers time_field, json_numbers, percentile, run_timed, ratio.
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

while (($# > 0)); do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        *) collection_option "$@" || die "unknown option $1 (see --help)"; shift "$TAKEN" ;;
    esac
done

check_collection_options

RUN_AGORA=0
RUN_AGORA_NOSPELL=0
RUN_BASELINE=0
IFS=',' read -r -a engine_list <<< "$ENGINES"
for e in "${engine_list[@]}"; do
    case "$e" in
        agora) RUN_AGORA=1 ;;
        agora-nospell) RUN_AGORA_NOSPELL=1 ;;
        baseline) RUN_BASELINE=1 ;;
        *) die "unknown engine '$e' (agora, agora-nospell, baseline)" ;;
    esac
done
((RUN_AGORA + RUN_BASELINE > 0)) || die "no engine selected"

# ---- Build ---------------------------------------------------------------------------------------
targets=(agora-bench-gen)
((RUN_BASELINE)) && targets+=(agora-bench-xapian)
((RUN_AGORA || RUN_AGORA_NOSPELL)) && targets+=(agora-index agora-search)
build_targets "${targets[@]}"

# ---- Work folder -----------------------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/agora-bench.XXXXXX")"
cleanup() {
    if ((KEEP)); then
        note "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

# ---- Input -------------------------------------------------------------------------------------
prepare_input "$WORK/gen.log"
[[ -n "$QUERIES" ]] || QUERIES="$GEN_OUT/queries.txt"
if [[ -n "$INPUT" ]] && ((RUN_BASELINE)) && ((DOC_COUNT == 0)); then
    note "the folder gave no record for the baseline: skipping it"
    RUN_BASELINE=0
fi
QUERY_COUNT=$(grep -c '[^[:space:]]' "$QUERIES" || true)
((QUERY_COUNT > 0)) || note "no queries in $QUERIES: query columns will be empty"
note "input: $DOC_COUNT documents, $INPUT_MB MB; $QUERY_COUNT queries"


declare -A R  # results: R[engine.key]

# measure ENGINE INDEX_CMD... -- SEARCH_CMD...
measure() {
    local engine="$1"
    shift
    local index_cmd=() search_cmd=()
    while [[ "$1" != "--" ]]; do index_cmd+=("$1"); shift; done
    shift
    search_cmd=("$@")
    local dir="$WORK/$engine" rc=0
    mkdir -p "$dir"

    note "$engine: indexing"
    run_timed "$dir/index.time" "$dir/index.out" "$dir/index.log" /dev/null -- "${index_cmd[@]}" || rc=$?
    if ((rc == 1)); then
        note "$engine: exit 1 from indexing: some input was rejected (see below); the rest was indexed"
        tail -n 5 "$dir/index.log" >&2
    elif ((rc != 0)); then
        tail -n 20 "$dir/index.log" >&2
        die "$engine: indexing failed with exit status $rc (${index_cmd[*]})"
    fi
    read -r R[$engine.index_s] R[$engine.index_rss_kb] < <(time_field "$dir/index.time")
    R[$engine.index_kb]=$(du -sk "$dir/db" | awk '{print $1}')

    if ((QUERY_COUNT > 0)); then
        note "$engine: searching $QUERY_COUNT queries"
        rc=0
        run_timed "$dir/search.time" "$dir/results.jsonl" "$dir/search.log" "$QUERIES" -- \
            "${search_cmd[@]}" || rc=$?
        if ((rc != 0)); then
            tail -n 20 "$dir/search.log" >&2
            die "$engine: search failed with exit status $rc (${search_cmd[*]})"
        fi
        read -r R[$engine.search_s] R[$engine.search_rss_kb] < <(time_field "$dir/search.time")
        json_numbers took_ms "$dir/results.jsonl" | sort -g > "$dir/took_ms.sorted"
        R[$engine.answered]=$(wc -l < "$dir/took_ms.sorted")
        R[$engine.zero_hits]=$(json_numbers total "$dir/results.jsonl" | awk '$1 == 0 {n++} END {print n + 0}')
        R[$engine.p50]=$(percentile 50 "$dir/took_ms.sorted")
        R[$engine.p95]=$(percentile 95 "$dir/took_ms.sorted")
        R[$engine.p99]=$(percentile 99 "$dir/took_ms.sorted")
        R[$engine.qps]=$(awk '{s += $1} END {if (NR > 0 && s > 0) printf "%.0f", NR / (s / 1000); else print "-"}' \
            "$dir/took_ms.sorted")
        if [[ "${R[$engine.answered]}" != "$QUERY_COUNT" ]]; then
            note "$engine: ${R[$engine.answered]} result lines with took_ms for $QUERY_COUNT queries"
        fi
    else
        R[$engine.search_s]="-"; R[$engine.search_rss_kb]=0; R[$engine.answered]=0; R[$engine.zero_hits]="-"
        R[$engine.p50]="-"; R[$engine.p95]="-"; R[$engine.p99]="-"; R[$engine.qps]="-"
    fi
}

if ((RUN_AGORA)); then
    measure agora \
        "$BUILD/agora-index" --db "$WORK/agora/db" "${AGORA_INPUT[@]}" -- \
        "$BUILD/agora-search" --db "$WORK/agora/db" --batch --no-facets
fi
if ((RUN_AGORA_NOSPELL)); then
    measure agora-nospell \
        "$BUILD/agora-index" --no-spelling --db "$WORK/agora-nospell/db" "${AGORA_INPUT[@]}" -- \
        "$BUILD/agora-search" --db "$WORK/agora-nospell/db" --batch --no-facets
fi
if ((RUN_BASELINE)); then
    measure baseline \
        "$BUILD/agora-bench-xapian" index --db "$WORK/baseline/db" "${BASE_INPUT[@]}" -- \
        "$BUILD/agora-bench-xapian" search --db "$WORK/baseline/db" --batch --stemmer "$BASELINE_STEMMER"
fi

# ---- Report --------------------------------------------------------------------------------------
engines_run=()
((RUN_AGORA)) && engines_run+=(agora)
((RUN_AGORA_NOSPELL)) && engines_run+=(agora-nospell)
((RUN_BASELINE)) && engines_run+=(baseline)

report() {
    echo "# Agora benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC') · input: $INPUT_DESC · $DOC_COUNT documents, $INPUT_MB MB · $QUERY_COUNT queries"
    echo
    echo "| engine | documents | MB | index s | MB/s | docs/s | peak RSS MiB | index MiB | query p50 ms | p95 ms | p99 ms | queries/s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    local e
    for e in "${engines_run[@]}"; do
        awk -v e="$e" -v docs="$DOC_COUNT" -v mb="$INPUT_MB" -v bytes="$INPUT_BYTES" \
            -v s="${R[$e.index_s]}" -v rss="${R[$e.index_rss_kb]}" -v kb="${R[$e.index_kb]}" \
            -v p50="${R[$e.p50]}" -v p95="${R[$e.p95]}" -v p99="${R[$e.p99]}" -v qps="${R[$e.qps]}" '
            BEGIN {
                mbps = s > 0 ? sprintf("%.2f", bytes / 1048576 / s) : "-"
                dps = s > 0 ? sprintf("%.0f", docs / s) : "-"
                printf "| %s | %d | %s | %.2f | %s | %s | %.0f | %.1f | %s | %s | %s | %s |\n",
                    e, docs, mb, s, mbps, dps, rss / 1024, kb / 1024, p50, p95, p99, qps
            }'
        R[$e.mbps]=$(awk -v b="$INPUT_BYTES" -v s="${R[$e.index_s]}" 'BEGIN {if (s > 0) printf "%.4f", b / 1048576 / s; else print "-"}')
    done
    if ((RUN_AGORA && RUN_BASELINE)); then
        echo
        echo "| Agora / baseline | ratio | better |"
        echo "|---|---:|---|"
        echo "| indexing MB/s | $(ratio "${R[agora.mbps]}" "${R[baseline.mbps]}") | higher |"
        if ((RUN_AGORA_NOSPELL)); then
            echo "| indexing MB/s, --no-spelling | $(ratio "${R[agora-nospell.mbps]}" "${R[baseline.mbps]}") | higher |"
        fi
        echo "| query p95 | $(ratio "${R[agora.p95]}" "${R[baseline.p95]}") | lower |"
        echo "| indexing peak RSS | $(ratio "${R[agora.index_rss_kb]}" "${R[baseline.index_rss_kb]}") | lower |"
        echo "| index size | $(ratio "${R[agora.index_kb]}" "${R[baseline.index_kb]}") | lower |"
    fi
    echo
    echo "Notes:"
    for e in "${engines_run[@]}"; do
        local batch="${R[$e.search_s]}"
        echo "- $e: ${R[$e.zero_hits]} of ${R[$e.answered]} queries without a hit;" \
            "whole search batch ${batch} s wall (start-up included), search peak RSS" \
            "$(awk -v k="${R[$e.search_rss_kb]}" 'BEGIN {printf "%.0f", k / 1024}') MiB"
    done
    ((RUN_BASELINE)) && echo "- baseline QueryParser stemmer: $BASELINE_STEMMER"
    echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown CPU)," \
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo '? GiB') RAM;" \
        "xapian $(xapian-config --version 2>/dev/null | awk '{print $NF}' || echo '?')"
}

mkdir -p "$ROOT/bench/out"
report | tee "$ROOT/bench/out/latest.md"
