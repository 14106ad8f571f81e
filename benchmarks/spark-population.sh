#!/usr/bin/env bash
# Rows/s per core of the Spark module (local[1], local[2]) against `nuanxin population`, on the same generated
# register, on this machine (docs/performance.md, "Population on Apache Spark").
#
# Needs both launchers, built first:
#   mvn -B package -pl cli -am -DskipTests                      # cli/target/nuanxin.jar
#   mvn -B -P spark-jars package -pl spark -am -DskipTests      # spark/target/nuanxin-spark-local.jar
# Usage: benchmarks/spark-population.sh [ROWS] [ROUNDS] [WARM_RUNS]   (default 1000000 rows, 3 rounds, 4 runs)
#
# cold: the commands as a user runs them, one process a run, alternating: `nuanxin population --threads N` and
#       `java -jar nuanxin-spark-local.jar --master local[N]` (which totals a CSV file split by split, population's
#       reader in each task).
# warm: benchmarks/SparkPopulationBench.java, WARM_RUNS runs in one JVM, the first dropped, ROUNDS JVMs alternating:
#       population, spark (as the command) and spark-dataset (the register through a Dataset of Spark's CSV source,
#       the way of any source).
# The machine this was written on is a shared 2-core one: other work moves single runs by a factor of two, so only
# medians of alternating runs are compared.
# Every run is pinned to its cores (taskset, -XX:ActiveProcessorCount), -Xmx2g. rows/s is each tool's own figure, from
# its first row read to its report (Spark: the job, not the session's start); "process" is the whole command.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
ROUNDS=${2:-3}
WARM=${3:-4}
AS_OF=2026-03-10
OUT=target/spark-bench
mkdir -p "$OUT"
REG="$OUT/xian-$ROWS.csv"
[ -f "$REG" ] || java -jar cli/target/nuanxin.jar generate --region xian --seed 7 --rows "$ROWS" "$REG" > /dev/null
OPENS=$(sed -n 's#.*<spark.add-opens>\(.*\)</spark.add-opens>.*#\1#p' spark/pom.xml)
cpus() { [ "$1" = 1 ] && echo 0 || echo "0-$(($1 - 1))"; }

# one cold run: prints "cold tool cores rows/s process-seconds"
cold() {
  local tool=$1 cores=$2 line start end
  start=$(date +%s.%N)
  if [ "$tool" = population ]; then
    line=$(taskset -c "$(cpus "$cores")" java -Xmx2g -XX:ActiveProcessorCount="$cores" -jar cli/target/nuanxin.jar \
      population --lang en --progress never --region xian --as-of $AS_OF --threads "$cores" "$REG" | tail -1)
  else
    line=$(taskset -c "$(cpus "$cores")" java -Xmx2g -XX:ActiveProcessorCount="$cores" \
      -jar spark/target/nuanxin-spark-local.jar --master "local[$cores]" --region xian --as-of $AS_OF "$REG" \
      2> "$OUT/spark-$cores.err" | tail -1)
  fi
  end=$(date +%s.%N)
  # the last line of both: 'N rows, N bad rows, S s, R rows/s'
  echo "cold $tool $cores $(echo "$line" | sed -E 's/.* ([0-9]+) rows\/s$/\1/') $(echo "$end - $start" | bc)"
}

# warm runs in one JVM: prints "warm tool cores rows/s -" for each run after the first
warm() {
  local tool=$1 cores=$2
  # shellcheck disable=SC2086
  taskset -c "$(cpus "$cores")" java -Xmx2g -XX:ActiveProcessorCount="$cores" $OPENS \
    -Dlog4j2.configurationFile=org/nuanxin/spark/log4j2-local.properties \
    -cp spark/target/nuanxin-spark-local.jar benchmarks/SparkPopulationBench.java "$tool" "$cores" "$REG" "$WARM" \
    2> "$OUT/warm-$tool-$cores.err" | awk '$3 > 1 { print "warm", $1, $2, $5, "-" }'
}

{
  echo "# $ROWS rows, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  for round in $(seq "$ROUNDS"); do
    for cores in 1 2; do
      cold population "$cores"
      cold spark "$cores"
    done
  done
  for round in $(seq "$ROUNDS"); do
    for cores in 1 2; do
      for tool in population spark spark-dataset; do
        warm "$tool" "$cores"
      done
    done
  done
  echo "# load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
} | tee "$OUT/runs.txt"

# medians per kind, tool and cores; Spark's rows/s against population's, core for core
python3 - "$OUT/runs.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    if line.startswith("#"):
        continue
    kind, tool, cores, rate, wall = line.split()
    runs.setdefault((kind, tool, int(cores)), []).append((int(rate), wall))
print()
print("| run | cores | tool | rows/s, median (range) | per core | against population | process s (median) |")
print("|---|---:|---|---:|---:|---:|---:|")
for kind in ("cold", "warm"):
    for cores in (1, 2):
        base = statistics.median(r for r, _ in runs[(kind, "population", cores)])
        for tool in ("population", "spark", "spark-dataset"):
            if (kind, tool, cores) not in runs:
                continue
            rs = runs[(kind, tool, cores)]
            m = statistics.median(r for r, _ in rs)
            walls = [float(w) for _, w in rs if w != "-"]
            wall = f"{statistics.median(walls):.1f}" if walls else "-"
            print(f"| {kind} | {cores} | {tool} | {m:,.0f} ({min(r for r, _ in rs):,}–{max(r for r, _ in rs):,}) "
                  f"| {m / cores:,.0f} | {m / base:.2f} | {wall} |")
PY
