#!/usr/bin/env bash
# How `population` scales with the cores it is given: rows/s of the command line on a generated Xi'an
# register, each run pinned to the first N cores with taskset and told N with -XX:ActiveProcessorCount
# (so the JVM sizes its threads, GC and default heap as on an N-core machine).
#
#   benchmarks/scaling.sh [-j JAR]... [-c "1 2 4 8 16"] [-r ROWS] [-n RUNS] [-f FILE] [-p "CPU CPU ..."] [-x "JVM FLAGS"]
#
#   -j JAR   a command-line jar (default cli/target/nuanxin.jar); give -j twice or more to compare builds
#            (say, the main branch's jar and a branch's): their runs alternate, so a busy spell hits all alike
#   -c       the core counts (default "1 2")
#   -r       rows of the register (default 2000000); it is generated once with the first jar, seed 7
#   -n       runs per jar and core count (default 5)
#   -f       the register (default: xian-ROWS.csv in a temporary folder, kept between calls)
#   -p       the CPUs to pin to, in order; N cores are the first N of them (default: 0 1 2 ... as the
#            kernel numbers them; on a machine with SMT list one CPU per physical core first)
#   -x       extra JVM flags for every run (say -Xmx2g)
#
# Prints each run as it finishes, then per jar and core count the best and the median rows/s and their
# ratio to the same jar on the fewest cores. "rows/s" is the command's own figure: from the first row
# read to the report, without the JVM's start and the building of the region. Run it from the
# repository root on a machine nobody else is using; on a shared one read the best figures, not the
# median, and say so.
set -euo pipefail

jars=()
cores="1 2"
rows=2000000
runs=5
file=""
cpus=""
extra=""
while getopts "j:c:r:n:f:p:x:h" opt; do
    case "$opt" in
        j) jars+=("$OPTARG") ;;
        c) cores="$OPTARG" ;;
        r) rows="$OPTARG" ;;
        n) runs="$OPTARG" ;;
        f) file="$OPTARG" ;;
        p) cpus="$OPTARG" ;;
        x) extra="$OPTARG" ;;
        h | *)
            sed -n '2,25p' "$0"
            exit 2
            ;;
    esac
done
[ ${#jars[@]} -gt 0 ] || jars=(cli/target/nuanxin.jar)
for j in "${jars[@]}"; do
    [ -f "$j" ] || { echo "no jar $j (build it: mvn -B -q package -pl cli -am -DskipTests)" >&2; exit 2; }
done
command -v taskset >/dev/null || { echo "taskset is needed (util-linux)" >&2; exit 2; }
online=$(getconf _NPROCESSORS_ONLN)
[ -n "$cpus" ] || cpus=$(seq -s ' ' 0 $((online - 1)))
read -r -a cpu <<<"$cpus"
for n in $cores; do
    [ "$n" -le ${#cpu[@]} ] || { echo "$n cores asked for, ${#cpu[@]} CPUs listed" >&2; exit 2; }
done

if [ -z "$file" ]; then
    file="${TMPDIR:-/tmp}/nuanxin-scaling/xian-$rows.csv"
fi
if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    java -jar "${jars[0]}" generate --region xian --rows "$rows" --seed 7 --as-of 2026-03-10 "$file" >&2
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "register: $rows rows, $(du -h "$file" | cut -f1); CPUs in order: ${cpu[*]}; $runs runs each" >&2
for ((run = 1; run <= runs; run++)); do
    for n in $cores; do
        list=$(IFS=,; echo "${cpu[*]:0:$n}")
        for j in "${jars[@]}"; do
            # shellcheck disable=SC2086
            line=$(taskset -c "$list" java -XX:ActiveProcessorCount="$n" $extra -jar "$j" population \
                --region xian --as-of 2026-03-10 --progress never --lang en "$file" | tail -n 1)
            rate=$(sed -E 's/.* ([0-9]+) rows\/s$/\1/' <<<"$line")
            echo "$j $n $rate" >>"$results"
            echo "run $run, $n cores, $j: $line" >&2
        done
    done
done

printf '\n| jar | cores | runs | best rows/s | median rows/s | best / best at %s | median / median at %s |\n' \
    "${cores%% *}" "${cores%% *}"
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for j in "${jars[@]}"; do
    base_best=""
    base_median=""
    for n in $cores; do
        sorted=$(awk -v j="$j" -v n="$n" '$1 == j && $2 == n { print $3 }' "$results" | sort -n)
        count=$(wc -l <<<"$sorted")
        best=$(tail -n 1 <<<"$sorted")
        median=$(awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }' <<<"$sorted")
        [ -n "$base_best" ] || { base_best=$best; base_median=$median; }
        printf '| %s | %s | %s | %s | %s | %.2f× | %.2f× |\n' "$j" "$n" "$count" "$best" "$median" \
            "$(awk -v a="$best" -v b="$base_best" 'BEGIN { print a / b }')" \
            "$(awk -v a="$median" -v b="$base_median" 'BEGIN { print a / b }')"
    done
done
