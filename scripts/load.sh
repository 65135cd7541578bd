#!/usr/bin/env bash
# Load test of the reference server on loopback (wrk, from Debian): sign-in, plan, a
# ledger page and request creation, each under 200 concurrent connections for a bounded
# time. Prints throughput, latency percentiles and errors; fails on any error or non-2xx.
# Usage: scripts/load.sh [SECONDS per scenario, default 15]   (make load)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
work=$(mktemp -d)
trap 'kill "$api_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "load: wrk is missing: apt-get install wrk"; exit 1; }
cargo build -q --release -p support-api-server
target/release/support-api-server reset-demo --db "$work/load.sqlite3" >/dev/null
# The sign-in scenario signs in thousands of times from one address: lift the limit that
# would (rightly) refuse that in production.
target/release/support-api-server serve --addr 127.0.0.1:0 --db "$work/load.sqlite3" \
  --no-sign-in-limit >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 100); do
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/api.log" | head -1 || true)
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { echo "load: the API did not start"; cat "$work/api.log"; exit 1; }

session=$(curl -sf -c "$work/cookies" -H 'content-type: application/json' \
  -d '{"email":"admin@strojirny-hradec.demo","password":"portal-demo"}' "$base/api/v1/session")
export LOAD_CSRF=$(printf '%s' "$session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
export LOAD_COOKIE=$(awk '$6 == "portal_session" { print $7 }' "$work/cookies")

status=0
for scenario in plan ledger create-request sign-in; do
  echo "== $scenario: 200 connections, 2 threads, ${seconds}s"
  out=$(wrk -t2 -c200 -d"${seconds}s" --timeout 10s --latency -s "tests/load/$scenario.lua" "$base")
  echo "$out" | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors|requests in'
  if echo "$out" | grep -qE 'Non-2xx|Socket errors'; then status=1; fi
done
# grep -c exits 1 when it counts nothing, which is the good case here.
errors=$(grep -c ' ERROR ' "$work/api.log" || true)
echo "server error log lines: $errors"
[ "$errors" = 0 ] || status=1
exit $status
