#!/usr/bin/env bash
# bench/scale.sh — Agora at scale: one shard against two, local shards against remote ones
# (xapian-tcpsrv), with and without facets, next to Xapian's stock pipeline (agora-bench-xapian)
# and SQLite FTS5 (agora-bench-sqlite), all in one run on the same input and the same queries.
#
# Usage:
#   bench/scale.sh [--docs N] [--seed S] [--input DIR] [--keep] [--build DIR] [--no-build]
#                  [--engines LIST] [--queries FILE] [--files K] [--per-cell N] [--repeat R]
#                  [--baseline-stemmer NAME] [--no-readme]
#
#   --docs N      documents to generate (default 100000); --seed S (default 42); --files K (50)
#   --input DIR   index this folder as is (.txt .md .html .htm .jsonl) instead of generating;
#                 the baseline and SQLite get a JSONL conversion of it (agora-bench-gen
#                 --from-folder), and the queries are sampled from its text unless --queries
#   --keep        keep the temporary folder (collection, databases, logs, raw results)
#   --build DIR   build folder (default build/ at the repository root)
#   --no-build    do not run cmake first
#   --engines     comma-separated subset of agora1,agora2,remote,baseline,sqlite (default all;
#                 remote searches agora2's index, so it needs agora2)
#   --queries     query file: "kind<TAB>lang<TAB>query" lines, or one query a line (then the kind
#                 comes from its shape: "..." phrase, several words and, one word single; lang any)
#   --per-cell N  generated queries per kind and language (default 40: 3 kinds x 3 languages = 360)
#   --repeat R    rounds of every query batch (default 3), run after all indexing with the engines
#                 taking turns; a query's time is the median of its rounds
#   --baseline-stemmer NAME  QueryParser stemmer of the baseline: auto (default), english, none
#   --no-readme   leave README.md alone (by default the report replaces the README's block between
#                 the lines "<!-- bench/scale.sh: latest run -->" and "<!-- end of bench/scale.sh -->")
#   When agora-index --help shows no --shards/--jobs (or AGORA_SCALE_UNSHARDED=1 is set), the
#   agora1 row indexes with plain `agora-index --db DIR` and the agora2 and remote rows are skipped.
#
# Rows of the first table:
#   agora 1 shard 1 job      agora-index --db DB --shards 1 --jobs 1 --quiet INPUT
#   agora 2 shards 2 jobs    agora-index --db DB --shards 2 --jobs 2 --quiet INPUT
#   agora 2 remote shards    no indexing of its own: the shards of the row above, each served by an
#                            xapian-tcpsrv on a loopback port, searched through a stub file
#                            (`auto CATALOG` and one `remote tcp 127.0.0.1 PORT` line a shard)
#   ... + facets             the same index searched again with facets (agora-search --batch's
#                            default); the rows without "+ facets" search with --no-facets
#   ..., estimated totals    agora 1 shard searched with --no-facets --estimate-total: the matcher
#                            stops once the top ten are settled and the total is Xapian's estimate,
#                            as the baseline's is (the other Agora rows count every match)
#   ..., on one thread       agora 1 shard searched with --no-facets --one-thread: the counting pass
#                            runs after the ranked one instead of beside it on a second thread
#   xapian baseline          agora-bench-xapian (TermGenerator, QueryParser, BM25, MSet::snippet)
#   sqlite fts5              agora-bench-sqlite (FTS5 unicode61 remove_diacritics 2, bm25 with the
#                            title weighted 5, snippet(); no stemming)
# Columns of the first table:
#   documents     records in the collection: the generator's count (for --input, the records of
#                 the JSONL conversion: one per .txt/.md/.html file plus each JSONL line)
#   MB            input bytes / 2^20 (the JSONL files, or for --input the folder's indexable files)
#   index s       wall-clock seconds of the whole indexing command ("Elapsed (wall clock)" of
#                 /usr/bin/time -v; includes start-up and the final commit)
#   MB/s          MB / index s
#   peak RSS MiB  "Maximum resident set size" of the indexing command / 1024 (agora-index's
#                 --jobs are threads of one process, so this covers them all)
#   index MiB     disk usage of the database folder after indexing (du -sk / 1024)
#   queries/s     queries / (sum of took_ms / 1000): the throughput of one search process that
#                 answers one query at a time (a query may use a second thread), without start-up
#   p50 ms, p95 ms, p99 ms
#                 nearest-rank percentiles of the per-query "took_ms" printed by the search
#                 program in batch mode (parse + match top 10 + snippets [+ facets]; no start-up)
#   "—" marks what a row does not measure: the remote and "+ facets" rows index nothing.
# The second table gives "p50 / p95" ms per query kind (single word, two-word AND, two-word phrase)
# and language. The third gives ratios and differences between rows (see its "better" column).
# Below the tables: queries without a hit, the wall time and peak RSS of each whole search batch,
# the query set and the machine.
#
# Needs only Debian tools: bash, coreutils (sort, du, wc, mktemp, paste, cut), gawk/mawk,
# time (/usr/bin/time), xapian-tcpsrv (xapian-tools) and setsid (util-linux) for the remote row,
# cmake for the build.
# Exits non-zero only when a program fails (never because of a timing).
# Tables are printed and written to bench/out/scale-latest.md, and (unless --no-readme) into
# README.md's block for them, with the report's headings moved under the README's.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCS=100000
SEED=42
FILES=50
INPUT=""
KEEP=0
ENGINES="agora1,agora2,remote,baseline,sqlite"
QUERIES=""
BUILD="$ROOT/build"
DO_BUILD=1
PER_CELL=40
REPEAT=3
BASELINE_STEMMER="auto"
UNSHARDED="${AGORA_SCALE_UNSHARDED:-0}"
WRITE_README=1
README_BEGIN="<!-- bench/scale.sh: latest run -->"
README_END="<!-- end of bench/scale.sh -->"
TIME_BIN="/usr/bin/time"
JOBS=2
SERVER_START_TRIES=20
SERVER_WAIT_TENTHS=100   # how long to wait for a server to accept connections, in 0.1 s

SCRIPT=scale.sh
# Shared helpers: die, note, usage, collection_option, check_collection_options, build_targets,
# prepare_input, and the measurement helpers time_field, json_numbers, percentile, run_timed, ratio.
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

while (($# > 0)); do
    case "$1" in
        --per-cell) PER_CELL="${2:?--per-cell needs a number}"; shift 2 ;;
        --repeat) REPEAT="${2:?--repeat needs a number}"; shift 2 ;;
        --unsharded) UNSHARDED=1; shift ;;  # same as AGORA_SCALE_UNSHARDED=1
        --no-readme) WRITE_README=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) collection_option "$@" || die "unknown option $1 (see --help)"; shift "$TAKEN" ;;
    esac
done

check_collection_options
[[ "$PER_CELL" =~ ^[1-9][0-9]*$ ]] || die "--per-cell must be a positive integer"
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat must be a positive integer"

declare -A RUN=([agora1]=0 [agora2]=0 [remote]=0 [baseline]=0 [sqlite]=0)
IFS=',' read -r -a engine_list <<< "$ENGINES"
for e in "${engine_list[@]}"; do
    [[ -n "${RUN[$e]+set}" ]] || die "unknown engine '$e' (agora1, agora2, remote, baseline, sqlite)"
    RUN[$e]=1
done
((RUN[agora1] + RUN[agora2] + RUN[remote] + RUN[baseline] + RUN[sqlite] > 0)) || die "no engine selected"
((RUN[remote] == 0 || RUN[agora2] == 1)) || die "the remote engine serves agora2's shards: add agora2 to --engines"

# ---- Build -------------------------------------------------------------------------------------
targets=(agora-bench-gen)
((RUN[baseline])) && targets+=(agora-bench-xapian)
((RUN[sqlite])) && targets+=(agora-bench-sqlite)
((RUN[agora1] || RUN[agora2])) && targets+=(agora-index agora-search)
build_targets "${targets[@]}"

# Sharding: agora-index's help must show --shards and --jobs; else (or when asked) the agora1 row
# indexes one plain database and the rows that need shards are skipped.
SHARDED=0
SKIPPED=()
if ((RUN[agora1] || RUN[agora2])); then
    index_help="$("$BUILD/agora-index" --help 2>&1 || true)"
    if [[ "$index_help" == *--shards* && "$index_help" == *--jobs* ]] && ((UNSHARDED != 1)); then
        SHARDED=1
    else
        if ((UNSHARDED == 1)); then
            why="AGORA_SCALE_UNSHARDED=1 / --unsharded"
        else
            why="agora-index has no --shards/--jobs yet"
        fi
        if ((RUN[agora2])); then SKIPPED+=("agora 2 shards 2 jobs ($why)"); RUN[agora2]=0; fi
        if ((RUN[remote])); then SKIPPED+=("agora 2 remote shards ($why)"); RUN[remote]=0; fi
        note "$why: agora1 indexes one plain database; skipping agora2 and remote"
    fi
fi
if ((RUN[remote])); then
    command -v xapian-tcpsrv > /dev/null || die "xapian-tcpsrv not found: apt-get install xapian-tools"
    command -v setsid > /dev/null || die "setsid not found: apt-get install util-linux"
fi

# ---- Work folder and servers -------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/agora-scale.XXXXXX")"
SERVER_PIDS=()
cleanup() {
    local pid
    for pid in "${SERVER_PIDS[@]}"; do
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    if ((KEEP)); then
        note "kept $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
mkdir -p "$WORK/log"

# ---- Input -------------------------------------------------------------------------------------
prepare_input "$WORK/log/gen.log" --query-mix "$PER_CELL"
MIX="$GEN_OUT/query-mix.tsv"
if [[ -n "$INPUT" ]] && ((DOC_COUNT == 0)); then
    for e in baseline sqlite; do
        if ((RUN[$e])); then SKIPPED+=("$e (the folder gave no JSONL record)"); RUN[$e]=0; fi
    done
fi

# ---- Query set: $WORK/queries.tsv (kind, lang, query) and $WORK/queries.txt (the queries) ------
# Blank lines are dropped: the baseline and SQLite skip them, agora-search answers them, and the
# result lines must line up with the query lines.
if [[ -n "$QUERIES" ]]; then
    awk -F'\t' '
        { sub(/\r$/, "") }
        NF >= 3 && $3 ~ /[^ \t]/ { print $1 "\t" $2 "\t" $3; next }
        NF < 3 && $0 ~ /[^ \t]/ {
            q = $0; sub(/^[ \t]+/, "", q); sub(/[ \t]+$/, "", q)
            kind = q ~ /^"/ ? "phrase" : (q ~ /[ \t]/ ? "and" : "single")
            print kind "\tany\t" q
        }' "$QUERIES" > "$WORK/queries.tsv"
    QUERY_DESC="$QUERIES"
else
    awk -F'\t' 'NF >= 3 && $3 ~ /[^ \t]/' "$MIX" > "$WORK/queries.tsv"
    QUERY_DESC="agora-bench-gen --query-mix $PER_CELL (up to $PER_CELL per kind and language)"
fi
cut -f3- "$WORK/queries.tsv" > "$WORK/queries.txt"
QUERY_COUNT=$(wc -l < "$WORK/queries.txt")
((QUERY_COUNT > 0)) || note "no queries: query columns will be empty"
note "input: $DOC_COUNT documents, $INPUT_MB MB; $QUERY_COUNT queries"

declare -A R  # results: R[row.key]
get() { echo "${R[$1]:--}"; }

# index_engine ID DB -- CMD...: indexes, and records time, peak RSS and du of DB under R[ID.*].
index_engine() {
    local id="$1" db="$2"
    shift 3
    local rc=0 log="$WORK/log/$id"
    note "$id: indexing"
    run_timed "$log.index.time" "$log.index.out" "$log.index.log" /dev/null -- "$@" || rc=$?
    if ((rc == 1)); then
        note "$id: exit 1 from indexing: some input was rejected (see below); the rest was indexed"
        tail -n 5 "$log.index.log" >&2
        R[$id.index_note]="exit 1 (some input rejected)"
    elif ((rc != 0)); then
        tail -n 20 "$log.index.log" >&2
        die "$id: indexing failed with exit status $rc ($*)"
    fi
    local seconds rss_kb
    read -r seconds rss_kb < <(time_field "$log.index.time")
    R[$id.index_s]=$seconds
    R[$id.index_rss_kb]=$rss_kb
    R[$id.index_kb]=$(du -sk "$db" | awk '{print $1}')
}

# search_engine ROW -- CMD...: registers ROW's query batch. The batches run after all indexing, in
# REPEAT rounds that take the rows in turn (so a noisy moment on a shared machine hits every engine
# alike), and each query's time is the median of its rounds.
SEARCH_ROWS=()
declare -A SEARCH_CMD
search_engine() {
    local row="$1"
    shift 2
    ((QUERY_COUNT > 0)) || return 0
    SEARCH_ROWS+=("$row")
    SEARCH_CMD[$row]=$(printf '%q ' "$@")
}

# took_lines FILE: one "took_ms<TAB>total" line per result line, NA where a field is missing.
took_lines() {
    awk '
        function num(key,   v) {
            if (match($0, "[{,][ \t]*\"" key "\"[ \t]*:[ \t]*-?[0-9.]+([eE][-+]?[0-9]+)?")) {
                v = substr($0, RSTART, RLENGTH); sub(/^[^:]*:[ \t]*/, "", v); return v
            }
            return "NA"
        }
        { print num("took_ms") "\t" num("total") }' "$1"
}

run_searches() {
    local round row rc log
    for ((round = 1; round <= REPEAT; round++)); do
        for row in "${SEARCH_ROWS[@]}"; do
            log="$WORK/log/$row"
            note "$row: searching $QUERY_COUNT queries (round $round of $REPEAT)"
            rc=0
            eval "run_timed \"\$log.search.$round.time\" \"\$log.results.$round.jsonl\" \"\$log.search.log\" \
                \"\$WORK/queries.txt\" -- ${SEARCH_CMD[$row]}" || rc=$?
            if ((rc != 0)); then
                tail -n 20 "$log.search.log" >&2
                die "$row: search failed with exit status $rc (${SEARCH_CMD[$row]})"
            fi
            took_lines "$log.results.$round.jsonl" > "$log.took.$round"
        done
    done
    for row in "${SEARCH_ROWS[@]}"; do
        log="$WORK/log/$row"
        cp "$log.results.1.jsonl" "$log.results.jsonl"
        cp "$log.search.1.time" "$log.search.time"
        # Per line: the median took_ms of the rounds, and the first round's total.
        paste "$log".took.[0-9]* | awk -F'\t' '
            {
                n = 0
                for (i = 1; i <= NF; i += 2) if ($i != "NA") v[++n] = $i + 0
                if (n == 0) { print "NA\t" $2; next }
                for (i = 2; i <= n; i++) { x = v[i]; j = i - 1; while (j > 0 && v[j] > x) { v[j + 1] = v[j]; j-- } v[j + 1] = x }
                m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
                print m "\t" $2
            }' > "$log.took"
        summarize_search "$row"
    done
}

# summarize_search ROW: percentiles, throughput, hits and per-kind/language percentiles of ROW's
# median query times, under R[ROW.*].
summarize_search() {
    local row="$1" log="$WORK/log/$1"
    local seconds rss_kb
    read -r seconds rss_kb < <(time_field "$log.search.time")
    R[$row.search_s]=$seconds
    R[$row.search_rss_kb]=$rss_kb
    awk -F'\t' '$1 != "NA" {print $1}' "$log.took" | sort -g > "$log.took.sorted"
    R[$row.answered]=$(wc -l < "$log.took.sorted")
    R[$row.zero_hits]=$(awk -F'\t' '$2 == "0" {n++} END {print n + 0}' "$log.took")
    R[$row.p50]=$(percentile 50 "$log.took.sorted")
    R[$row.p95]=$(percentile 95 "$log.took.sorted")
    R[$row.p99]=$(percentile 99 "$log.took.sorted")
    R[$row.qps]=$(awk '{s += $1} END {if (NR > 0 && s > 0) printf "%.0f", NR / (s / 1000); else print "-"}' \
        "$log.took.sorted")
    local lines
    lines=$(wc -l < "$log.took")
    if ((lines != QUERY_COUNT)); then
        note "$row: $lines result lines for $QUERY_COUNT queries: no per-kind figures for it"
        R[$row.misaligned]=1
        return 0
    fi
    # Per kind and language ("KIND.LANG"), and per kind over all languages ("KIND.all").
    paste "$WORK/queries.tsv" "$log.took" \
        | awk -F'\t' '$4 != "NA" {print $1 "." $2 "\t" $4; print $1 ".all\t" $4}' \
        | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2g \
        | awk -F'\t' '
            function at(p) { i = int((p * n + 99) / 100); if (i < 1) i = 1; if (i > n) i = n; return v[i] }
            function flush() { if (n > 0) printf "%s %.2f %.2f\n", g, at(50), at(95) }
            $1 != g { flush(); g = $1; n = 0 }
            { v[++n] = $2 }
            END { flush() }' > "$log.cells"
    local cell p50 p95
    while read -r cell p50 p95; do
        R[$row.cell.$cell.p50]=$p50
        R[$row.cell.$cell.p95]=$p95
    done < "$log.cells"
}

# port_open PORT: whether something accepts connections on 127.0.0.1:PORT.
port_open() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# start_server DB LOG: starts xapian-tcpsrv for DB on a free loopback port, waits until it accepts
# connections and sets SERVER_PORT.
start_server() {
    local db="$1" log="$2" try port pid tenth
    for ((try = 0; try < SERVER_START_TRIES; try++)); do
        port=$((20000 + RANDOM % 40000))
        port_open "$port" && continue
        # In a session of its own: on SIGTERM xapian-tcpsrv signals its whole process group (to end
        # the children serving connections), which would otherwise include this script.
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$db" >> "$log" 2>&1 &
        pid=$!
        SERVER_PIDS+=("$pid")
        for ((tenth = 0; tenth < SERVER_WAIT_TENTHS; tenth++)); do
            if port_open "$port"; then
                SERVER_PORT=$port
                return 0
            fi
            kill -0 "$pid" 2> /dev/null || break  # exited: port taken meanwhile, or a bad database
            sleep 0.1
        done
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    cat "$log" >&2
    die "xapian-tcpsrv did not start for $db (see above)"
}

# ---- Runs (one at a time) ------------------------------------------------------------------------
ROWS=()            # rows of the tables, in order
declare -A LABEL   # row → engine name in the tables
declare -A INDEXED # row → the index row whose index columns it shows ("" for none)

add_row() { ROWS+=("$1"); LABEL[$1]="$2"; INDEXED[$1]="$3"; }

if ((RUN[agora1])); then
    if ((SHARDED)); then
        add_row a1 "agora 1 shard 1 job" a1
        index_engine a1 "$WORK/a1" -- "$BUILD/agora-index" --db "$WORK/a1" --shards 1 --jobs 1 --quiet \
            "${AGORA_INPUT[@]}"
    else
        add_row a1 "agora, one plain database (no --shards)" a1
        index_engine a1 "$WORK/a1" -- "$BUILD/agora-index" --db "$WORK/a1" --quiet "${AGORA_INPUT[@]}"
    fi
    search_engine a1 -- "$BUILD/agora-search" --db "$WORK/a1" --batch --no-facets
    add_row a1f "${LABEL[a1]} + facets" ""
    search_engine a1f -- "$BUILD/agora-search" --db "$WORK/a1" --batch
    if [[ "$("$BUILD/agora-search" --help 2>&1 || true)" == *--estimate-total* ]]; then
        add_row a1e "${LABEL[a1]}, estimated totals" ""
        search_engine a1e -- "$BUILD/agora-search" --db "$WORK/a1" --batch --no-facets --estimate-total
    fi
    if [[ "$("$BUILD/agora-search" --help 2>&1 || true)" == *--one-thread* ]]; then
        add_row a1o "${LABEL[a1]}, on one thread" ""
        search_engine a1o -- "$BUILD/agora-search" --db "$WORK/a1" --batch --no-facets --one-thread
    fi
fi
if ((RUN[agora2])); then
    add_row a2 "agora 2 shards 2 jobs" a2
    index_engine a2 "$WORK/a2" -- "$BUILD/agora-index" --db "$WORK/a2" --shards 2 --jobs 2 --quiet \
        "${AGORA_INPUT[@]}"
    search_engine a2 -- "$BUILD/agora-search" --db "$WORK/a2" --batch --no-facets
    add_row a2f "agora 2 shards 2 jobs + facets" ""
    search_engine a2f -- "$BUILD/agora-search" --db "$WORK/a2" --batch
fi
if ((RUN[remote])); then
    # The catalog and shards of agora2's index: from its stub file when it has one (first `auto`
    # line the catalog, the others the shards), else the folder names the sharded layout uses.
    catalog=""
    shards=()
    if [[ -f "$WORK/a2/agora.stub" ]]; then
        while read -r kind path _; do
            [[ "$kind" == auto || "$kind" == glass ]] || continue
            [[ "$path" == /* ]] || path="$WORK/a2/$path"
            if [[ -z "$catalog" ]]; then catalog="$path"; else shards+=("$path"); fi
        done < "$WORK/a2/agora.stub"
    else
        catalog="$WORK/a2/catalog"
        shards=("$WORK/a2/shard-0" "$WORK/a2/shard-1")
    fi
    for d in "$catalog" "${shards[@]}"; do
        [[ -d "$d" ]] || die "agora 2 shards: expected database $d is missing (in $WORK/a2: $(cd "$WORK/a2" && echo *))"
    done
    ((${#shards[@]} > 0)) || die "agora 2 shards: no shard listed in $WORK/a2/agora.stub"
    {
        echo "auto $catalog"
        for s in "${shards[@]}"; do
            start_server "$s" "$WORK/log/tcpsrv.log"
            note "remote: xapian-tcpsrv serves $s on 127.0.0.1:$SERVER_PORT"
            echo "remote tcp 127.0.0.1 $SERVER_PORT"
        done
    } > "$WORK/remote.stub"
    add_row remote "agora ${#shards[@]} remote shards" ""
    search_engine remote -- "$BUILD/agora-search" --db "$WORK/remote.stub" --batch --no-facets
    add_row remotef "agora ${#shards[@]} remote shards + facets" ""
    search_engine remotef -- "$BUILD/agora-search" --db "$WORK/remote.stub" --batch
fi
if ((RUN[baseline])); then
    add_row baseline "xapian baseline" baseline
    index_engine baseline "$WORK/xapian" -- "$BUILD/agora-bench-xapian" index --db "$WORK/xapian" \
        "${BASE_INPUT[@]}"
    search_engine baseline -- "$BUILD/agora-bench-xapian" search --db "$WORK/xapian" --batch \
        --stemmer "$BASELINE_STEMMER"
fi
if ((RUN[sqlite])); then
    add_row sqlite "sqlite fts5" sqlite
    index_engine sqlite "$WORK/sqlite" -- "$BUILD/agora-bench-sqlite" index --db "$WORK/sqlite" \
        "${BASE_INPUT[@]}"
    search_engine sqlite -- "$BUILD/agora-bench-sqlite" search --db "$WORK/sqlite" --batch
fi

run_searches

# ---- Report --------------------------------------------------------------------------------------
# MB/s of each indexing row, for the table and the ratios.
for row in "${ROWS[@]}"; do
    if [[ -n "${INDEXED[$row]}" ]]; then
        R[$row.mbps]=$(awk -v b="$INPUT_BYTES" -v s="${R[$row.index_s]}" \
            'BEGIN {if (s > 0) printf "%.4f", b / 1048576 / s; else print "-"}')
    fi
done

# difference A B: A − B with 2 decimals, or "-" when either is missing.
difference() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        if (a == "-" || b == "-" || a == "" || b == "") print "-"
        else printf "%+.2f", a - b }'
}

# present_values COLUMN "FIXED ORDER": the distinct values of a column of queries.tsv, those named
# in FIXED ORDER first (in that order), then the others as they come.
present_values() {
    awk -F'\t' -v col="$1" -v fixed="$2" '
        !($col in seen) { seen[$col] = 1; order[++n] = $col }
        END {
            m = split(fixed, f, " ")
            for (i = 1; i <= m; i++) if (f[i] in seen) { print f[i]; done[f[i]] = 1 }
            for (i = 1; i <= n; i++) if (!(order[i] in done)) print order[i]
        }' "$WORK/queries.tsv"
}
mapfile -t KINDS < <(present_values 1 "single and phrase")
mapfile -t LANGS < <(present_values 2 "en ru fr")
# join_list ITEM...: the items separated by ", ", or "none".
join_list() {
    local out="" x
    for x in "$@"; do out+="${out:+, }$x"; done
    echo "${out:-none}"
}
kind_name() { case "$1" in single) echo "single" ;; and) echo "AND" ;; phrase) echo "phrase" ;; *) echo "$1" ;; esac; }

report() {
    echo "# Agora at scale"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC') · input: $INPUT_DESC · $DOC_COUNT documents, $INPUT_MB MB · $QUERY_COUNT queries"
    echo
    echo "| engine | documents | MB | index s | MB/s | peak RSS MiB | index MiB | queries/s | p50 ms | p95 ms | p99 ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    local row
    for row in "${ROWS[@]}"; do
        awk -v e="${LABEL[$row]}" -v docs="$DOC_COUNT" -v mb="$INPUT_MB" -v indexed="${INDEXED[$row]}" \
            -v s="$(get "$row.index_s")" -v mbps="$(get "$row.mbps")" \
            -v rss="$(get "$row.index_rss_kb")" -v kb="$(get "$row.index_kb")" \
            -v qps="$(get "$row.qps")" -v p50="$(get "$row.p50")" -v p95="$(get "$row.p95")" \
            -v p99="$(get "$row.p99")" '
            BEGIN {
                if (indexed == "") {
                    idx = "| — | — | — | — "
                } else {
                    idx = sprintf("| %.2f | %s | %.0f | %.1f ", s, mbps == "-" ? "-" : sprintf("%.2f", mbps),
                                  rss / 1024, kb / 1024)
                }
                printf "| %s | %d | %s %s| %s | %s | %s | %s |\n", e, docs, mb, idx, qps, p50, p95, p99
            }'
    done

    if ((${#KINDS[@]} > 0)); then
        echo
        echo "Query latency by kind and language, p50 / p95 ms (AND: two words; phrase: two adjacent words in quotes):"
        echo
        local header="| engine |" rule="|---|" l k
        for l in "${LANGS[@]}"; do
            for k in "${KINDS[@]}"; do
                header+=" $l $(kind_name "$k") |"
                rule+="---:|"
            done
        done
        echo "$header"
        echo "$rule"
        for row in "${ROWS[@]}"; do
            [[ -n "${R[$row.answered]:-}" ]] || continue
            local line="| ${LABEL[$row]} |"
            for l in "${LANGS[@]}"; do
                for k in "${KINDS[@]}"; do
                    line+=" $(get "$row.cell.$k.$l.p50") / $(get "$row.cell.$k.$l.p95") |"
                done
            done
            echo "$line"
        done
    fi

    echo
    echo "| comparison | value | better |"
    echo "|---|---:|---|"
    local one="1 shard"
    [[ "${LABEL[a1]:-}" == *"plain database"* ]] && one="1 plain database"
    echo "| indexing MB/s: 2 shards 2 jobs / $one 1 job | $(ratio "$(get a2.mbps)" "$(get a1.mbps)") | higher |"
    echo "| indexing MB/s: agora $one 1 job / xapian baseline | $(ratio "$(get a1.mbps)" "$(get baseline.mbps)") | higher |"
    echo "| query p95: agora $one, no facets / xapian baseline | $(ratio "$(get a1.p95)" "$(get baseline.p95)") | lower |"
    echo "| query p95: agora $one, with facets / xapian baseline | $(ratio "$(get a1f.p95)" "$(get baseline.p95)") | lower |"
    if [[ -n "${R[a1e.p95]:-}" ]]; then
        echo "| query p95: agora $one, estimated totals / xapian baseline | $(ratio "$(get a1e.p95)" "$(get baseline.p95)") | lower |"
    fi
    if [[ -n "${R[a1o.p95]:-}" ]]; then
        echo "| query p95: agora $one, no facets, on one thread / xapian baseline | $(ratio "$(get a1o.p95)" "$(get baseline.p95)") | lower |"
    fi
    echo "| query p95: agora 2 shards, no facets / xapian baseline | $(ratio "$(get a2.p95)" "$(get baseline.p95)") | lower |"
    echo "| query p95: agora 2 shards, with facets / xapian baseline | $(ratio "$(get a2f.p95)" "$(get baseline.p95)") | lower |"
    echo "| query p50 ms: remote − local 2 shards, no facets | $(difference "$(get remote.p50)" "$(get a2.p50)") | lower |"
    echo "| query p50 ms: remote − local 2 shards, with facets | $(difference "$(get remotef.p50)" "$(get a2f.p50)") | lower |"
    echo "| two-word AND p95: agora $one, no facets / sqlite fts5 | $(ratio "$(get a1.cell.and.all.p95)" "$(get sqlite.cell.and.all.p95)") | lower |"
    echo "| phrase p95: agora $one, no facets / sqlite fts5 | $(ratio "$(get a1.cell.phrase.all.p95)" "$(get sqlite.cell.phrase.all.p95)") | lower |"

    echo
    echo "Notes:"
    for row in "${ROWS[@]}"; do
        [[ -n "${R[$row.answered]:-}" ]] || continue
        echo "- ${LABEL[$row]}: $(get "$row.zero_hits") of $(get "$row.answered") queries without a hit;" \
            "whole search batch $(get "$row.search_s") s wall (start-up included), search peak RSS" \
            "$(awk -v k="$(get "$row.search_rss_kb")" 'BEGIN {printf "%.0f", k / 1024}') MiB${R[$row.index_note]:+; indexing: ${R[$row.index_note]}}"
    done
    local s
    for s in "${SKIPPED[@]}"; do echo "- skipped: $s"; done
    local kinds=() k
    for k in "${KINDS[@]}"; do kinds+=("$(kind_name "$k")"); done
    echo "- queries: $QUERY_DESC; kinds: $(join_list "${kinds[@]}"); languages: $(join_list "${LANGS[@]}")"
    ((RUN[baseline])) && echo "- baseline QueryParser stemmer: $BASELINE_STEMMER"
    if ((RUN[sqlite])); then
        echo "- sqlite fts5: $(grep -o 'SQLite [0-9.]*' "$WORK/log/sqlite.index.log" 2> /dev/null || echo 'SQLite ?'); no stemming, so inflected forms are not found; \"total\" counted outside took_ms"
    fi
    echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown CPU)," \
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo '? GiB') RAM;" \
        "xapian $(xapian-config --version 2>/dev/null | awk '{print $NF}' || echo '?')"
}

mkdir -p "$ROOT/bench/out"
report | tee "$ROOT/bench/out/scale-latest.md"

# README.md: the report replaces what is between the two marker lines (kept), its "# " heading
# becoming a "#### " one. Without both markers, in that order, the README is left as it is.
write_readme() {
    local readme="$ROOT/README.md" begin end
    begin=$(grep -nxF -- "$README_BEGIN" "$readme" | head -n 1 | cut -d: -f1 || true)
    end=$(grep -nxF -- "$README_END" "$readme" | head -n 1 | cut -d: -f1 || true)
    if [[ -z "$begin" || -z "$end" ]] || ((end <= begin)); then
        note "README.md has no '$README_BEGIN' ... '$README_END' block: left as it is"
        return 0
    fi
    {
        head -n "$begin" "$readme"
        echo
        sed 's/^# /#### /' "$ROOT/bench/out/scale-latest.md"
        echo
        tail -n "+$end" "$readme"
    } > "$readme.scale-new"
    mv "$readme.scale-new" "$readme"
    note "README.md: the latest run is in its '$README_BEGIN' block"
}
if ((WRITE_README)); then write_readme; fi
