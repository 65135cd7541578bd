#!/usr/bin/env bash
# Load test of the reference server on loopback (wrk, from Debian). First the floor: the
# same server answering the same path without a session (GET /api/v1/plan, a 401 that
# touches no database). Then, signed in, GET /plan, /catalog, /credit and a ledger page,
# request creation and sign-in, each under 200 concurrent connections for SECONDS. Prints
# req/s, p50, p99, errors and each scenario's throughput as a share of the floor measured
# in this run, with the targets of docs/load-test.md. Exits non-zero on any error, non-2xx
# answer or ERROR line in the server's log; a missed target is printed, not fatal.
# Usage: scripts/load.sh [SECONDS per scenario, default 8]   (make load)
# LOAD_SERVER=path/to/support-api-server runs that binary instead of building this one
# (to measure an older build beside the current one on the same machine).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
work=$(mktemp -d)
api_pid=
trap '[ -z "$api_pid" ] || kill "$api_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "load: wrk is missing: apt-get install wrk"; exit 1; }
server=${LOAD_SERVER:-}
if [ -z "$server" ]; then
  cargo build -q --release -p support-api-server
  server=target/release/support-api-server
fi
"$server" reset-demo --db "$work/load.sqlite3" >/dev/null
# The sign-in scenario signs in thousands of times from one address: lift the limit that
# would (rightly) refuse that in production.
"$server" serve --addr 127.0.0.1:0 --db "$work/load.sqlite3" --no-sign-in-limit \
  >"$work/api.log" 2>&1 &
api_pid=$!
base=
for _ in $(seq 100); do
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/api.log" 2>/dev/null | head -1 || true)
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { echo "load: the API did not start"; cat "$work/api.log"; exit 1; }

floor_status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/plan")
[ "$floor_status" = 401 ] || { echo "load: the floor's path answered $floor_status, not 401"; exit 1; }
session=$(curl -sf -c "$work/cookies" -H 'content-type: application/json' \
  -d '{"email":"admin@strojirny-hradec.demo","password":"portal-demo"}' "$base/api/v1/session")
LOAD_CSRF=$(printf '%s' "$session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
LOAD_COOKIE=$(awk '$6 == "portal_session" { print $7 }' "$work/cookies")
export LOAD_CSRF LOAD_COOKIE

# scenario, script, what it is held to (read: >= 50% of the floor and p99 <= 20 ms;
# write: p99 <= 100 ms; none: printed only).
scenarios=(
  "floor floor none"
  "plan plan read"
  "catalog catalog read"
  "credit credit read"
  "ledger ledger read"
  "create create-request write"
  "sign-in sign-in none"
)
echo "200 connections, 2 wrk threads, ${seconds}s per scenario, $(nproc) cores"
printf '%-8s %10s %9s %9s %7s %9s  %s\n' scenario req/s p50 p99 errors "of floor" target
status=0
floor_rps=
for line in "${scenarios[@]}"; do
  read -r name script kind <<<"$line"
  # tests/load/report.lua prints: RESULT requests duration_us p50_us p99_us errors non2xx
  out=$(wrk -t2 -c200 -d"${seconds}s" --timeout 10s -s "tests/load/$script.lua" "$base")
  read -r requests duration p50 p99 errors non2xx \
    <<<"$(printf '%s\n' "$out" | awk '$1 == "RESULT" { print $2, $3, $4, $5, $6, $7 }')"
  [ -n "${requests:-}" ] || { echo "load: no result from $name:"; echo "$out"; exit 1; }
  # The floor's answers are 401 by design; everywhere else a non-2xx answer is an error.
  [ "$name" = floor ] || errors=$((errors + non2xx))
  rps=$(awk -v n="$requests" -v d="$duration" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
  [ "$name" = floor ] && floor_rps=$rps
  share=$(awk -v r="$rps" -v f="$floor_rps" 'BEGIN { printf "%.0f%%", 100 * r / f }')
  verdict=
  case $kind in
    read) verdict=$(awk -v r="$rps" -v f="$floor_rps" -v p="$p99" \
      'BEGIN { print (r >= f / 2 && p <= 20000) ? "met (>= 50%, p99 <= 20 ms)" : "MISSED (>= 50%, p99 <= 20 ms)" }') ;;
    write) verdict=$(awk -v p="$p99" \
      'BEGIN { print (p <= 100000) ? "met (p99 <= 100 ms)" : "MISSED (p99 <= 100 ms)" }') ;;
  esac
  printf '%-8s %10s %7.1fms %7.1fms %7s %9s  %s\n' "$name" "$rps" \
    "$(awk -v v="$p50" 'BEGIN { print v / 1000 }')" "$(awk -v v="$p99" 'BEGIN { print v / 1000 }')" \
    "$errors" "$share" "$verdict"
  [ "$errors" = 0 ] || status=1
done
# grep -c exits 1 when it counts nothing, which is the good case here.
log_errors=$(grep -c ' ERROR ' "$work/api.log" || true)
echo "server error log lines: $log_errors"
[ "$log_errors" = 0 ] || status=1
exit $status
