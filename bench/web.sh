#!/usr/bin/env bash
# bench/web.sh — the web front end under load: agora.cgi behind lighttpd (scripts/serve) measured
# with wrk, next to the same queries answered by agora-search, to show what a CGI request costs
# beyond the search itself (a process start and an index open per request).
#
# Usage:
#   bench/web.sh [--docs N] [--seed S] [--duration D] [--threads T] [--connections C]
#                [--build DIR] [--no-build] [--keep]
#
#   --docs N         documents to generate (default 20000); --seed S (default 42)
#   --duration D     wrk run per URL kind (default 20s); --threads T (2); --connections C (8)
#   --build DIR      build folder (default build/ at the repository root); --no-build: no cmake
#   --keep           keep the temporary folder (collection, index, query lists, raw outputs)
#   --cli-runs N     fresh agora-search processes timed per kind (default 30)
#
# URL kinds (each request takes the next query of a list, so the server sees varied queries):
#   one word         /?q=WORD                     the generator's one-word queries (HTML page)
#   two words        /?q=WORD+WORD                its two-word queries (HTML page; facets are on
#                                                  every page)
#   filtered         /?q=WORD&country=CC          one-word queries, filtered by the country
#                                                  the collection mentions most
#   json             /?q=WORD&format=json         one-word queries, the JSON contract
#   dossier          /?entity=NAME                persons of the collection (from the facets)
#
# Columns:
#   req/s            requests per second over the wrk run (all connections)
#   p50, p95 ms      latency percentiles of wrk (whole HTTP round trip, wrk's own measurement;
#                    p95 printed by bench/web.lua's done hook)
#   errors (non-2xx) socket errors, time-outs (10 s) and non-2xx/3xx answers counted by wrk, and
#                    in brackets the non-2xx/3xx answers alone
#   1-conn p50 ms    p50 of a 5 s run with one connection (a request that waits for no other)
#   CLI took p50/p95 took_ms of the same queries through one `agora-search --batch` process
#                    (the search alone: no process start, index opened once); the filtered kind
#                    uses `country:CC` in the query; no dossier in batch mode
#   CLI process p50  wall-clock ms of a fresh `agora-search --json` process per query (process
#                    start and index open included, like a CGI request), median of --cli-runs
#
# Needs: lighttpd, wrk, curl (scripts/install-deps installs them), bash, coreutils, awk.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCS=20000
SEED=42
DURATION=20s
THREADS=2
CONNECTIONS=8
BUILD="$ROOT/build"
DO_BUILD=1
KEEP=0
CLI_RUNS=30
SINGLE_DURATION=5s

die() { echo "web.sh: $*" >&2; exit 1; }
note() { echo "web.sh: $*" >&2; }
usage() { sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while (($# > 0)); do
    case "$1" in
        --docs) DOCS="${2:?--docs needs a number}"; shift 2 ;;
        --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
        --duration) DURATION="${2:?--duration needs a time such as 20s}"; shift 2 ;;
        --threads) THREADS="${2:?--threads needs a number}"; shift 2 ;;
        --connections) CONNECTIONS="${2:?--connections needs a number}"; shift 2 ;;
        --cli-runs) CLI_RUNS="${2:?--cli-runs needs a number}"; shift 2 ;;
        --build) BUILD="${2:?--build needs a folder}"; shift 2 ;;
        --no-build) DO_BUILD=0; shift ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$DOCS" =~ ^[1-9][0-9]*$ ]] || die "--docs must be a positive integer"
[[ "$DURATION" =~ ^[1-9][0-9]*[smh]?$ ]] || die "--duration must look like 20s"
command -v wrk >/dev/null || die "wrk is not installed: scripts/install-deps (or apt-get install wrk)"
command -v curl >/dev/null || die "curl is not installed: scripts/install-deps"
command -v lighttpd >/dev/null || [[ -x /usr/sbin/lighttpd ]] || die "lighttpd is not installed: scripts/install-deps"

targets=(agora-bench-gen agora-index agora-search agora-cgi)
if ((DO_BUILD)); then
    if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
        note "configuring $BUILD"
        cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >&2 || die "cmake configure failed"
    fi
    note "building ${targets[*]}"
    cmake --build "$BUILD" -j 2 --target "${targets[@]}" >&2 || die "build failed"
fi
for p in agora-bench-gen agora-index agora-search agora.cgi; do
    [[ -x "$BUILD/$p" ]] || die "$BUILD/$p is missing (build it first)"
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/agora-web-bench.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if ((KEEP)); then note "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ---- Collection and index ------------------------------------------------------------------------
note "generating $DOCS documents (seed $SEED) and indexing them"
"$BUILD/agora-bench-gen" --docs "$DOCS" --seed "$SEED" --files 20 --out "$WORK/corpus" 2> "$WORK/gen.log" \
    || { cat "$WORK/gen.log" >&2; die "agora-bench-gen failed"; }
DB="$WORK/db"
rc=0
"$BUILD/agora-index" --db "$DB" "$WORK/corpus" > "$WORK/index.log" 2>&1 || rc=$?
((rc <= 1)) || { tail -n 20 "$WORK/index.log" >&2; die "agora-index failed ($rc)"; }
DOC_COUNT=$(cat "$WORK"/corpus/part-*.jsonl | wc -l)

# ---- Query lists ---------------------------------------------------------------------------------
# The generator's queries: 40 one-word, 30 two-word and 30 phrase queries a language.
awk '!/"/ && NF == 1' "$WORK/corpus/queries.txt" > "$WORK/one-word.txt"
awk '!/"/ && NF == 2' "$WORK/corpus/queries.txt" > "$WORK/two-words.txt"
[[ -s "$WORK/one-word.txt" && -s "$WORK/two-words.txt" ]] || die "no one- or two-word queries in queries.txt"

# The country and persons come from the facets (compact JSON, one line).
FACETS_JSON="$("$BUILD/agora-search" --db "$DB" --json --facet-limit 20 "$(head -n 1 "$WORK/one-word.txt")" || true)"
COUNTRY="$(grep -o '"country":\[{[^]]*' <<< "$FACETS_JSON" | grep -o '"value":"[A-Z][A-Z]"' | head -n 1 | cut -d'"' -f4)"
[[ -n "$COUNTRY" ]] || die "no country facet in the collection"
for q in $(head -n 8 "$WORK/one-word.txt"); do
    "$BUILD/agora-search" --db "$DB" --json --facet-limit 10 "$q" 2>/dev/null \
        | grep -o '"person":\[{[^]]*' | grep -o '"value":"[^"]*"' | cut -d'"' -f4 || true
done | awk 'NF && !seen[$0]++' | head -n 20 > "$WORK/persons.txt"
[[ -s "$WORK/persons.txt" ]] || die "no persons in the collection's facets"
awk -v c="$COUNTRY" '{print $0 " country:" c}' "$WORK/one-word.txt" > "$WORK/one-word-filtered-cli.txt"
note "$DOC_COUNT documents; $(wc -l < "$WORK/one-word.txt") one-word and $(wc -l < "$WORK/two-words.txt") two-word queries; country $COUNTRY; $(wc -l < "$WORK/persons.txt") persons"

# ---- The server ----------------------------------------------------------------------------------
PORT="$(awk 'BEGIN {srand(); print 20000 + int(rand() * 30000)}')"
for _ in 1 2 3 4 5 6 7 8 9 10; do
    # A port nobody answers on (curl: connection refused = 7).
    rc=0; curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" || rc=$?
    ((rc == 7)) && break
    PORT=$((PORT + 1))
done
"$ROOT/scripts/serve" --port "$PORT" --db "$DB" --cgi "$BUILD/agora.cgi" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 100); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" || true)"
    [[ "$code" != "000" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; die "scripts/serve failed"; }
    sleep 0.1
done
[[ "$code" == "200" ]] || { cat "$WORK/serve.log" >&2; die "the server answers $code at $BASE/"; }
check_url() {
    local code
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE$1")"
    [[ "$code" == "200" ]] || die "$BASE$1 answers $code"
}
check_url "/?q=rights&country=$COUNTRY"
check_url "/?entity=$(head -n 1 "$WORK/persons.txt" | sed 's/ /+/g')"

# ---- Measurements --------------------------------------------------------------------------------
declare -A R
KINDS=(one-word two-words filtered json dossier)
declare -A LIST=([one-word]=one-word.txt [two-words]=two-words.txt [filtered]=one-word.txt
                 [json]=one-word.txt [dossier]=persons.txt)
declare -A PREFIX=([one-word]="/?q=" [two-words]="/?q=" [filtered]="/?q=" [json]="/?q=" [dossier]="/?entity=")
declare -A SUFFIX=([one-word]="" [two-words]="" [filtered]="&country=$COUNTRY" [json]="&format=json" [dossier]="")
declare -A SHOWN=([one-word]="/?q=WORD" [two-words]="/?q=WORD+WORD" [filtered]="/?q=WORD&country=$COUNTRY"
                  [json]="/?q=WORD&format=json" [dossier]="/?entity=NAME")
declare -A CLI_LIST=([one-word]=one-word.txt [two-words]=two-words.txt [filtered]=one-word-filtered-cli.txt
                     [json]=one-word.txt)

# nearest-rank percentile of a sorted file of numbers
percentile() {
    awk -v p="$1" '{v[NR] = $1} END {
        if (NR == 0) { print "-"; exit }
        i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR
        printf "%.1f", v[i] }' "$2"
}

# A short warm-up, so that the first kind does not pay for a cold page cache alone.
wrk -t1 -c2 -d3s -s "$ROOT/bench/web.lua" "$BASE" -- "$WORK/one-word.txt" "/?q=" > /dev/null 2>&1 || true

for kind in "${KINDS[@]}"; do
    note "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency: $kind"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$ROOT/bench/web.lua" "$BASE" -- \
        "$WORK/${LIST[$kind]}" "${PREFIX[$kind]}" "${SUFFIX[$kind]}" > "$WORK/wrk-$kind.out" 2>&1 \
        || { cat "$WORK/wrk-$kind.out" >&2; die "wrk failed on $kind"; }
    line="$(grep '^agora-wrk ' "$WORK/wrk-$kind.out" || true)"
    [[ -n "$line" ]] || { cat "$WORK/wrk-$kind.out" >&2; die "no summary from wrk on $kind"; }
    for field in rps p50_ms p95_ms errors non2xx requests; do
        R[$kind.$field]="$(grep -o "$field=[0-9.]*" <<< "$line" | cut -d= -f2)"
    done
    # One connection: the latency of a request that waits for no other.
    wrk -t1 -c1 -d"$SINGLE_DURATION" --timeout 10s -s "$ROOT/bench/web.lua" "$BASE" -- \
        "$WORK/${LIST[$kind]}" "${PREFIX[$kind]}" "${SUFFIX[$kind]}" > "$WORK/wrk1-$kind.out" 2>&1 \
        || { cat "$WORK/wrk1-$kind.out" >&2; die "wrk -c1 failed on $kind"; }
    R[$kind.single_p50]="$(grep -o 'p50_ms=[0-9.]*' "$WORK/wrk1-$kind.out" | cut -d= -f2)"

    # The same queries through agora-search.
    if [[ -n "${CLI_LIST[$kind]:-}" ]]; then
        "$BUILD/agora-search" --db "$DB" --batch < "$WORK/${CLI_LIST[$kind]}" > "$WORK/cli-$kind.jsonl" 2> /dev/null || true
        grep -o '"took_ms":[0-9.eE+-]*' "$WORK/cli-$kind.jsonl" | cut -d: -f2 | sort -g > "$WORK/cli-$kind.took"
        R[$kind.cli_p50]="$(percentile 50 "$WORK/cli-$kind.took")"
        R[$kind.cli_p95]="$(percentile 95 "$WORK/cli-$kind.took")"
    else
        R[$kind.cli_p50]="-"; R[$kind.cli_p95]="-"
    fi
    # A fresh process per query, cycling through the list.
    : > "$WORK/process-$kind.ms"
    mapfile -t items < "$WORK/${CLI_LIST[$kind]:-${LIST[$kind]}}"
    for ((i = 0; i < CLI_RUNS; i++)); do
        item="${items[$((i % ${#items[@]}))]}"
        if [[ "$kind" == dossier ]]; then args=(--entity "$item" --json); else args=(--json "$item"); fi
        start=$(date +%s%N)
        "$BUILD/agora-search" --db "$DB" "${args[@]}" > /dev/null 2>&1 || true
        end=$(date +%s%N)
        echo $(((end - start) / 1000)) >> "$WORK/process-$kind.ms"
    done
    sort -g "$WORK/process-$kind.ms" | awk '{printf "%.3f\n", $1 / 1000}' > "$WORK/process-$kind.sorted"
    R[$kind.process_p50]="$(percentile 50 "$WORK/process-$kind.sorted")"
done

# ---- Report --------------------------------------------------------------------------------------
report() {
    echo "# Agora web benchmark"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $DOC_COUNT generated documents (seed $SEED) ·" \
        "agora.cgi behind lighttpd $(lighttpd -v 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1 || true) (mod_cgi) ·" \
        "wrk -t$THREADS -c$CONNECTIONS -d$DURATION per kind"
    echo
    echo "| kind | URL | req/s | p50 ms | p95 ms | errors (non-2xx) | 1-conn p50 ms | CLI took p50 ms | CLI took p95 ms | CLI process p50 ms |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    local k
    for k in "${KINDS[@]}"; do
        printf '| %s | `%s` | %s | %s | %s | %s (%s) of %s | %s | %s | %s | %s |\n' "$k" "${SHOWN[$k]}" \
            "${R[$k.rps]}" "${R[$k.p50_ms]}" "${R[$k.p95_ms]}" "${R[$k.errors]}" "${R[$k.non2xx]}" "${R[$k.requests]}" \
            "${R[$k.single_p50]}" \
            "${R[$k.cli_p50]}" "${R[$k.cli_p95]}" "${R[$k.process_p50]}"
    done
    echo
    echo "- req/s, p50, p95: wrk over HTTP (each request starts agora.cgi, which opens the index);"
    echo "  1-conn p50: wrk -t1 -c1 -d$SINGLE_DURATION, one request at a time (no queueing);"
    echo "  CLI took: agora-search --batch, the search alone in one process; CLI process: a fresh"
    echo "  agora-search --json per query, wall clock ($CLI_RUNS runs)."
    echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown CPU)," \
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo '? GiB') RAM;" \
        "build $(grep -o 'CMAKE_BUILD_TYPE:STRING=.*' "$BUILD/CMakeCache.txt" 2>/dev/null | cut -d= -f2 || echo '?')"
}

mkdir -p "$ROOT/bench/out"
report | tee "$ROOT/bench/out/web-latest.md"
