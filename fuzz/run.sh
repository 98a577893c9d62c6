#!/usr/bin/env bash
# @file
# @brief Builds the libFuzzer targets with clang and runs each for a while; crashes, timeouts and
#        out-of-memory inputs are copied into fuzz/regressions/<target>/, where the normal test
#        suite replays them.
#
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
#   SECONDS  time per target (default 60)
#   TARGET   analyzer decode text_reader html_reader jsonl_reader query (default: all)
# Environment: AGORA_FUZZ_BUILD_DIR (default build/fuzz-clang), AGORA_FUZZ_JOBS (default 2).
# Exit status: 0 when no target left an artifact, 1 when some did, 2 on a usage or build error.
set -euo pipefail

readonly ALL_TARGETS=(analyzer decode text_reader html_reader jsonl_reader query cgi_request)
readonly DEFAULT_SECONDS=60
# Inputs beyond these sizes rarely find more and slow every run down; readers get more room for
# long documents, nested markup and several records.
readonly MAX_LEN=65536
readonly MAX_LEN_READERS=131072
readonly TIMEOUT_SECONDS=10
readonly RSS_LIMIT_MB=2048

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fuzz_dir="$repo/fuzz"
# Not build/fuzz: that is where the main build folder (build/) puts the fuzz/ subdirectory's own
# files, and two CMake trees must not share a folder. build/ is already ignored by git.
build_dir=${AGORA_FUZZ_BUILD_DIR:-$repo/build/fuzz-clang}
jobs=${AGORA_FUZZ_JOBS:-2}

usage() {
    sed -n 's/^# \{0,1\}//; 7,11p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

seconds=$DEFAULT_SECONDS
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
elif [[ $# -gt 0 && ( $1 == -h || $1 == --help ) ]]; then
    usage
fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${ALL_TARGETS[@]}")
for target in "${targets[@]}"; do
    if [[ " ${ALL_TARGETS[*]} " != *" $target "* ]]; then
        echo "run.sh: unknown target '$target' (known: ${ALL_TARGETS[*]})" >&2
        exit 2
    fi
done

# ---- clang with libFuzzer ---------------------------------------------------------------------

# True when clang++ can link a libFuzzer program (clang alone lacks the runtime on Debian).
can_build_fuzzers() {
    command -v clang++ >/dev/null 2>&1 || return 1
    local probe
    probe=$(mktemp -d)
    cat >"$probe/probe.cc" <<'PROBE'
extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }
PROBE
    local status=0
    clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cc" -o "$probe/probe" \
        >/dev/null 2>&1 || status=1
    rm -rf "$probe"
    return $status
}

if ! can_build_fuzzers; then
    echo "run.sh: installing clang and the libFuzzer runtime with apt" >&2
    if [[ $(id -u) -eq 0 ]]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "run.sh: need root or sudo to install clang and libclang-rt-14-dev" >&2
        exit 2
    fi
    "${as_root[@]}" apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends clang libclang-rt-14-dev
    can_build_fuzzers || { echo "run.sh: clang still cannot link libFuzzer programs" >&2; exit 2; }
fi

# ---- build ------------------------------------------------------------------------------------

mkdir -p "$build_dir"
CC=clang CXX=clang++ cmake -S "$repo" -B "$build_dir" -DAGORA_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build_dir/configure.log" 2>&1 ||
    { cat "$build_dir/configure.log" >&2; echo "run.sh: configure failed" >&2; exit 2; }
build_targets=()
for target in "${targets[@]}"; do build_targets+=(--target "agora-fuzz-$target"); done
cmake --build "$build_dir" -j "$jobs" "${build_targets[@]}" ||
    { echo "run.sh: build failed" >&2; exit 2; }

# ---- fuzz -------------------------------------------------------------------------------------

count_files() { find "$1" -maxdepth 1 -type f | wc -l; }

# Copies @2 into fuzz/regressions/@1/ unless a file with the same bytes is already there; prints
# the path it now has.
keep_artifact() {
    local target=$1 artifact=$2 kept
    local dest="$fuzz_dir/regressions/$target"
    mkdir -p "$dest"
    for kept in "$dest"/*; do
        if [[ -f $kept ]] && cmp -s "$kept" "$artifact"; then
            echo "$kept"
            return
        fi
    done
    cp "$artifact" "$dest/"
    echo "$dest/$(basename "$artifact")"
}

# libFuzzer reports UBSan findings and ASan errors as crashes only if they abort.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

rows=()
found=0
for target in "${targets[@]}"; do
    work="$build_dir/work/$target"
    corpus="$work/corpus"      # scratch corpus: grows across runs, never committed
    artifacts="$work/artifacts"
    rm -rf "$artifacts"
    mkdir -p "$corpus" "$artifacts"
    max_len=$MAX_LEN
    [[ $target == *_reader ]] && max_len=$MAX_LEN_READERS
    seeds=("$fuzz_dir/corpus/$target")
    [[ -d $fuzz_dir/regressions/$target ]] && seeds+=("$fuzz_dir/regressions/$target")
    before=$(count_files "$corpus")
    echo "== $target: ${seconds}s (log: $work/fuzz.log)"
    started=$(date +%s)
    # New inputs go to the first folder (the scratch corpus); the seed folders are only read.
    "$build_dir/fuzz/agora-fuzz-$target" "$corpus" "${seeds[@]}" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout="$TIMEOUT_SECONDS" \
        -rss_limit_mb="$RSS_LIMIT_MB" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        >"$work/fuzz.log" 2>&1 || true
    elapsed=$(( $(date +%s) - started ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -1)
    added=$(( $(count_files "$corpus") - before ))
    target_artifacts=0
    for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* \
                    "$artifacts"/leak-*; do
        [[ -f $artifact ]] || continue
        target_artifacts=$(( target_artifacts + 1 ))
        kept=$(keep_artifact "$target" "$artifact")
        echo "!! $target: $(basename "$artifact") -> ${kept#"$repo"/}"
        grep -m1 -E 'ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error:' \
            "$work/fuzz.log" | sed 's/^/   /' || true
    done
    # A run that ended without stats died outside the input loop (a crash while loading seeds
    # leaves an artifact; anything else is reported here so that it is not mistaken for clean).
    if [[ -z $runs && $target_artifacts -eq 0 ]]; then
        echo "!! $target: fuzzer stopped without statistics; see $work/fuzz.log"
        target_artifacts=1
    fi
    [[ $target_artifacts -eq 0 ]] || found=1
    rows+=("$target ${runs:-?} $elapsed $added $target_artifacts")
done

echo
printf '%-14s %12s %8s %12s %10s\n' target runs seconds "new corpus" artifacts
for row in "${rows[@]}"; do
    # shellcheck disable=SC2086  # the row is five words on purpose
    printf '%-14s %12s %8s %12s %10s\n' $row
done
if [[ $found -ne 0 ]]; then
    echo
    echo "Artifacts were kept in fuzz/regressions/<target>/; replay one with"
    echo "  $build_dir/fuzz/agora-fuzz-<target> fuzz/regressions/<target>/<file>"
    exit 1
fi
