# bench/lib.sh — shell functions shared by bench/run.sh and bench/scale.sh (sourced, not run).
#
#   time_field FILE          "ELAPSED_SECONDS MAX_RSS_KB" from a /usr/bin/time -v report
#   cpu_seconds FILE         user + system seconds from a /usr/bin/time -v report
#   json_numbers KEY FILE    the number after "KEY": on each line that has one
#   percentile P FILE        nearest-rank P-th percentile of a sorted one-number-a-line file, or "-"
#   run_timed TIMEFILE STDOUT STDERR STDIN -- CMD...
#                            CMD under /usr/bin/time -v ($TIME_BIN); returns CMD's exit status
#   ratio A B                A / B with 2 decimals, or "-" when either is missing or B is 0
#   check_collection_options validates DOCS, SEED, FILES and TIME_BIN; makes INPUT and QUERIES
#                            absolute
#   build_targets TARGET...  configures and builds BUILD (unless DO_BUILD=0); checks the programs
#   prepare_input LOG [GEN_OPTION...]
#                            the collection under $WORK: generated, or INPUT converted to JSONL
#
#   die, note, usage         messages prefixed with $SCRIPT (the caller's name); usage prints the
#                            caller's header comment
#   collection_option ARGS...
#                            takes one option run.sh and scale.sh share; sets TAKEN, else returns 1
#
# The caller sets SCRIPT and sources this before reading its options. Needs bash, gawk or mawk, and
# /usr/bin/time (package time).
# shellcheck shell=bash

die() { echo "$SCRIPT: $*" >&2; exit 1; }
note() { echo "$SCRIPT: $*" >&2; }
usage() { sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; }

# collection_option ARGS...: takes the option in $1 (and its value in $2) when it is one that run.sh
# and scale.sh share — the collection, the engines, the queries, the build — and sets TAKEN to the
# number of words used; returns 1 for any other option.
collection_option() {
    case "$1" in
        --docs) DOCS="${2:?--docs needs a number}"; TAKEN=2 ;;
        --seed) SEED="${2:?--seed needs a number}"; TAKEN=2 ;;
        --files) FILES="${2:?--files needs a number}"; TAKEN=2 ;;
        --input) INPUT="${2:?--input needs a folder}"; TAKEN=2 ;;
        --keep) KEEP=1; TAKEN=1 ;;
        --engines) ENGINES="${2:?--engines needs a list}"; TAKEN=2 ;;
        --queries) QUERIES="${2:?--queries needs a file}"; TAKEN=2 ;;
        --build) BUILD="${2:?--build needs a folder}"; TAKEN=2 ;;
        --no-build) DO_BUILD=0; TAKEN=1 ;;
        --baseline-stemmer) BASELINE_STEMMER="${2:?--baseline-stemmer needs a name}"; TAKEN=2 ;;
        *) return 1 ;;
    esac
}

# time_field FILE: prints "ELAPSED_SECONDS MAX_RSS_KB" from a /usr/bin/time -v report.
time_field() {
    awk '
        /Elapsed \(wall clock\) time/ {
            t = $NF; n = split(t, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i]
            elapsed = s
        }
        /Maximum resident set size/ { rss = $NF }
        END { printf "%.3f %d\n", elapsed + 0, rss + 0 }' "$1"
}

# cpu_seconds FILE: user + system seconds from a /usr/bin/time -v report.
cpu_seconds() {
    awk '/User time \(seconds\)/ { u = $NF } /System time \(seconds\)/ { s = $NF }
         END { printf "%.2f\n", u + s }' "$1"
}

# json_numbers KEY FILE: the value of top-level-looking "KEY": NUMBER on each line that has it.
json_numbers() {
    awk -v key="$1" '
        {
            if (match($0, "[{,][ \t]*\"" key "\"[ \t]*:[ \t]*-?[0-9.]+([eE][-+]?[0-9]+)?")) {
                v = substr($0, RSTART, RLENGTH)
                sub(/^[^:]*:[ \t]*/, "", v)
                print v
            }
        }' "$2"
}

# percentile P SORTED_FILE: nearest-rank percentile of a sorted one-number-a-line file.
percentile() {
    awk -v p="$1" '{ v[NR] = $1 }
        END {
            if (NR == 0) { print "-"; exit }
            i = int((p * NR + 99) / 100); if (i < 1) i = 1; if (i > NR) i = NR
            printf "%.2f", v[i]
        }' "$2"
}

# run_timed TIMEFILE STDOUT STDERR STDIN -- CMD...: runs CMD under /usr/bin/time -v with the
# given redirections; returns CMD's exit status.
run_timed() {
    local tf="$1" out="$2" err="$3" in="$4"
    shift 5
    local rc=0
    "${TIME_BIN:-/usr/bin/time}" -v -o "$tf" "$@" < "$in" > "$out" 2> "$err" || rc=$?
    return "$rc"
}

# ratio A B: A / B with 2 decimals, or "-" when either is missing or B is 0.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-" || b == "-" || a == "" || b == "" || b + 0 == 0) print "-"
        else printf "%.2f", a / b }'
}

# check_collection_options: validates the options both benchmarks take (DOCS, SEED, FILES, the
# time program) and makes INPUT and QUERIES absolute.
check_collection_options() {
    [[ "$DOCS" =~ ^[1-9][0-9]*$ ]] || die "--docs must be a positive integer"
    [[ "$SEED" =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"
    [[ "$FILES" =~ ^[1-9][0-9]*$ ]] || die "--files must be a positive integer"
    [[ -x "$TIME_BIN" ]] || die "$TIME_BIN not found: apt-get install time"
    if [[ -n "$INPUT" ]]; then
        [[ -d "$INPUT" ]] || die "--input $INPUT is not a folder"
        INPUT="$(cd "$INPUT" && pwd)"
    fi
    if [[ -n "$QUERIES" ]]; then
        [[ -f "$QUERIES" ]] || die "--queries $QUERIES not found"
        QUERIES="$(cd "$(dirname "$QUERIES")" && pwd)/$(basename "$QUERIES")"
    fi
}

# build_targets TARGET...: configures $BUILD (Release) when it has no cache, builds the targets
# with $JOBS jobs unless DO_BUILD=0, and checks that every program is there.
build_targets() {
    if ((DO_BUILD)); then
        if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
            note "configuring $BUILD"
            cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >&2 || die "cmake configure failed"
        fi
        note "building $*"
        cmake --build "$BUILD" -j "$JOBS" --target "$@" >&2 || die "build failed"
    fi
    local t
    for t in "$@"; do
        [[ -x "$BUILD/$t" ]] || die "$BUILD/$t is missing (build it, or choose --engines)"
    done
}

# prepare_input LOG [GEN_OPTION...]: the collection, with agora-bench-gen (extra options passed
# on): DOCS generated documents in $WORK/corpus, or the folder INPUT converted to JSONL in
# $WORK/converted. Sets AGORA_INPUT (what agora-index reads), BASE_INPUT (JSONL for the other
# engines; empty when the folder gives none), INPUT_BYTES, INPUT_MB, DOC_COUNT, INPUT_DESC and
# GEN_OUT (the folder with the generator's queries.txt and query-mix.tsv).
prepare_input() {
    local log="$1"
    shift
    local gen="$BUILD/agora-bench-gen"
    AGORA_INPUT=()
    BASE_INPUT=()
    if [[ -z "$INPUT" ]]; then
        note "generating $DOCS documents (seed $SEED)"
        GEN_OUT="$WORK/corpus"
        "$gen" --docs "$DOCS" --seed "$SEED" --files "$FILES" "$@" --out "$GEN_OUT" 2> "$log" \
            || { cat "$log" >&2; die "agora-bench-gen failed"; }
        AGORA_INPUT=("$GEN_OUT"/part-*.jsonl)
        BASE_INPUT=("${AGORA_INPUT[@]}")
        INPUT_BYTES=$(cat "${AGORA_INPUT[@]}" | wc -c)
        DOC_COUNT=$(cat "${AGORA_INPUT[@]}" | wc -l)
        INPUT_DESC="generated collection: --docs $DOCS --seed $SEED (en/ru/fr JSONL, $FILES files)"
    else
        note "converting $INPUT to JSONL for the other engines, and sampling queries"
        GEN_OUT="$WORK/converted"
        "$gen" --from-folder "$INPUT" --seed "$SEED" "$@" --out "$GEN_OUT" 2> "$log" \
            || { cat "$log" >&2; die "agora-bench-gen --from-folder failed"; }
        AGORA_INPUT=("$INPUT")
        BASE_INPUT=("$GEN_OUT"/part-*.jsonl)
        DOC_COUNT=$(cat "${BASE_INPUT[@]}" | wc -l)
        INPUT_BYTES=$(find "$INPUT" -type f \( -iname '*.txt' -o -iname '*.md' -o -iname '*.html' \
            -o -iname '*.htm' -o -iname '*.jsonl' \) -printf '%s\n' | awk '{s += $1} END {print s + 0}')
        INPUT_DESC="folder $INPUT"
    fi
    INPUT_MB=$(awk -v b="$INPUT_BYTES" 'BEGIN {printf "%.1f", b / 1048576}')
}
