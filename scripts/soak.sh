#!/usr/bin/env bash
# Runs the packaged application on a fresh embedded database for a while, with the connection pool
# recycling every connection after 30 s, and writes through the JSON API throughout: a case is
# registered every INTERVAL seconds and the batch's cases are read back. Exits 1 at the first
# failed write. This is the recipe that exposed H2 2.4.240's check-constraint fault in minutes.
#
#   scripts/soak.sh [DURATION_SECONDS=3600] [INTERVAL_SECONDS=30] [PORT=8188]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-3600}
interval=${2:-30}
port=${3:-8188}
password=Ducha-2026-demo
base=http://127.0.0.1:$port

./mvnw -q -DskipTests package
jar=$(ls target/ducha-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
log=$data/app.log
java -jar "$jar" --server.port="$port" --ducha.data-dir="$data" \
  --spring.datasource.url="jdbc:h2:file:$data/ducha;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  --spring.datasource.hikari.max-lifetime=30000 >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
# The web server answers before the demo is loaded: wait for the demo round.
round=
for _ in $(seq 1 300); do
  round=$(curl -fs -u "office:$password" "$base/api/rounds" 2>/dev/null | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2 || true)
  [ -n "$round" ] && break
  kill -0 $app 2>/dev/null || { echo "the application stopped: see $log" >&2; exit 1; }
  sleep 1
done
[ -n "$round" ] || { echo "no demo round after 300 s: see $log" >&2; exit 1; }

api() { curl -s -u "office:$password" -H 'Content-Type: application/json' -o /tmp/soak-body.$$ -w '%{http_code}' "$@"; }
code=$(api "$base/api/rounds/$round/batches" -d "{\"number\": 900, \"transferredAt\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}")
[ "$code" = 201 ] || { echo "creating the batch answered $code: $(cat /tmp/soak-body.$$)" >&2; exit 1; }
batch=$(grep -o '"id":[0-9]*' /tmp/soak-body.$$ | head -n 1 | cut -d: -f2)

echo "== soak: $duration s, a case every $interval s, pool max-lifetime 30 s, data in $data"
start=$(date +%s)
n=0
while [ $(( $(date +%s) - start )) -lt "$duration" ]; do
  n=$((n + 1))
  code=$(api "$base/api/batches/$batch/petitions" -d "{\"receiptNumber\": \"SOAK$(printf '%06d' $n)\",
    \"channel\": \"PHONE\", \"priority\": \"ORDINARY\", \"complaint\": \"湘东区某砖厂夜间生产，粉尘大，影响周边居民。\",
    \"regions\": [\"360313\"], \"pollutionTypes\": [\"AIR\"]}")
  if [ "$code" != 201 ]; then
    echo "FAIL after $(( $(date +%s) - start )) s: registration $n answered $code: $(cat /tmp/soak-body.$$)" >&2
    grep -m 3 -i "constraint\|exception" "$log" >&2 || true
    exit 1
  fi
  listed=$(curl -fs -u "office:$password" "$base/api/batches/$batch/petitions" | grep -o '"receiptNumber"' | wc -l)
  [ "$listed" -eq "$n" ] || { echo "FAIL: $n registered, $listed listed" >&2; exit 1; }
  sleep "$interval"
done
echo "== soak passed: $n cases registered over $duration s with no failed write"
