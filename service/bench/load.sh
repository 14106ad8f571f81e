#!/usr/bin/env bash
# Load benchmark of the union service on this machine (docs/performance.md, "The union service"):
# starts service/target/nuanxin-service.jar on a fresh embedded PostgreSQL, then drives it with wrk
# (Debian package `wrk`) from 32 connections:
#   1. GET /api/v1/regions    the baseline: the same server, framework and security, no engine, no body
#   2. POST /api/v1/assessments  a Xi'an courier case (assess.lua)
#   3. POST /api/v1/grants    each request a new member, taking a quota place (grant.lua)
# and counts the grants in the database afterwards (psql): answered 201 = rows, no member twice, quota
# used = grants that took a place <= places.
# Usage: service/bench/load.sh [seconds per run, default 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN="${1:-30}"
PORT=18080
PGPORT=54329
DATA="$(mktemp -d)"
JAR=service/target/nuanxin-service.jar
command -v wrk > /dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }
command -v psql > /dev/null || { echo "needs psql: apt-get install -y postgresql-client" >&2; exit 2; }
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }

java -Xmx2g -jar "$JAR" --server.port=$PORT --nuanxin.service.data-directory="$DATA" \
  --nuanxin.service.database-port=$PGPORT --logging.level.root=WARN \
  --nuanxin.service.users[0].name=bench --nuanxin.service.users[0].password='{noop}bench' > "$DATA.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; rm -rf "$DATA" "$DATA".*' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health > /dev/null && break; sleep 1; done
curl -sf localhost:$PORT/actuator/health > /dev/null || { cat "$DATA.log" >&2; exit 1; }
echo "machine: $(nproc) cores; java: $(java -version 2>&1 | head -1)"

AUTH="$(printf 'bench:bench' | base64)"
# warm-up: the JIT compiles the hot paths before anything is measured (warm-up grants are members W…)
wrk -t2 -c32 -d15s -s service/bench/assess.lua http://127.0.0.1:$PORT/api/v1/assessments > /dev/null
wrk -t2 -c32 -d5s http://127.0.0.1:$PORT/api/v1/regions > /dev/null
wrk -t2 -c32 -d15s -s service/bench/grant.lua http://127.0.0.1:$PORT/api/v1/grants -- "$AUTH" XIAN_FREE_HEALTH_CHECK W > /dev/null

# baseline and assessments alternate, twice, so that drift on a shared machine shows
for round in 1 2; do
  echo "== round $round: GET /api/v1/regions (baseline)"
  wrk -t2 -c32 -d${SECONDS_PER_RUN}s --latency http://127.0.0.1:$PORT/api/v1/regions | grep -E "Requests/sec|50%|90%|99%"
  echo "== round $round: POST /api/v1/assessments"
  wrk -t2 -c32 -d${SECONDS_PER_RUN}s --latency -s service/bench/assess.lua http://127.0.0.1:$PORT/api/v1/assessments \
    | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
done
echo "== POST /api/v1/grants (each a new member L…, the Xi'an check-up: a quota place each)"
wrk -t2 -c32 -d${SECONDS_PER_RUN}s --latency -s service/bench/grant.lua http://127.0.0.1:$PORT/api/v1/grants \
  -- "$AUTH" XIAN_FREE_HEALTH_CHECK L "$DATA.granted" | grep -E "Requests/sec|50%|90%|99%|answered"
sleep 5 # requests still in flight when wrk stops finish before the count

echo "== the ledger after the run"
SQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -At -c"
cat "$DATA".granted.* | sort > "$DATA.answered"
$SQL "SELECT member_id FROM benefit_grant WHERE member_id LIKE 'L%'" | sort > "$DATA.recorded"
echo "answered 201:                 $(wc -l < "$DATA.answered")"
echo "answered 201 but not recorded (lost): $(comm -23 "$DATA.answered" "$DATA.recorded" | wc -l)"
echo "recorded, answer not read (in flight when wrk stopped): $(comm -13 "$DATA.answered" "$DATA.recorded" | wc -l)"
echo "grants recorded:              $($SQL "SELECT count(*) FROM benefit_grant WHERE member_id LIKE 'L%'")"
echo "  of which took a place:      $($SQL "SELECT count(*) FROM benefit_grant WHERE member_id LIKE 'L%' AND status = 'GRANTED'")"
echo "  waitlisted:                 $($SQL "SELECT count(*) FROM benefit_grant WHERE member_id LIKE 'L%' AND status = 'WAITLISTED'")"
echo "members granted twice:        $($SQL "SELECT count(*) FROM (SELECT member_id FROM benefit_grant GROUP BY member_id, benefit, quota_year HAVING count(*) > 1) d")"
echo "decision records w/o grant:   $($SQL "SELECT count(*) FROM decision_record d LEFT JOIN benefit_grant g ON g.decision_id = d.id WHERE g.id IS NULL")"
echo "quota (places, used, waitlisted): $($SQL "SELECT places, used, waitlisted FROM quota WHERE benefit = 'XIAN_FREE_HEALTH_CHECK' AND year = 2026")"
echo "quota used = grants that took a place: $($SQL "SELECT (SELECT used FROM quota WHERE benefit = 'XIAN_FREE_HEALTH_CHECK' AND year = 2026) = (SELECT count(*) FROM benefit_grant WHERE benefit = 'XIAN_FREE_HEALTH_CHECK' AND quota_year = 2026 AND status = 'GRANTED')")"
