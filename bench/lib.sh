# bench/lib.sh — shell functions shared by bench/run.sh and bench/scale.sh (sourced, not run).
#
#   time_field FILE          "ELAPSED_SECONDS MAX_RSS_KB" from a /usr/bin/time -v report
#   json_numbers KEY FILE    the number after "KEY": on each line that has one
#   percentile P FILE        nearest-rank P-th percentile of a sorted one-number-a-line file, or "-"
#   run_timed TIMEFILE STDOUT STDERR STDIN -- CMD...
#                            CMD under /usr/bin/time -v ($TIME_BIN); returns CMD's exit status
#   ratio A B                A / B with 2 decimals, or "-" when either is missing or B is 0
#
# Needs bash, gawk or mawk, and /usr/bin/time (package time).
# shellcheck shell=bash

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
