#!/usr/bin/env bash
# `make files-bench`: 10 concurrent uploads of 100 MiB each to the release server on
# loopback; prints the server's peak resident memory (VmHWM from /proc) and the
# throughput. Uploads stream to disk, so the peak must stay far below their sum
# (the issue's bound: 200 MiB). Usage: scripts/files-bench.sh [UPLOADS] [MIB]
set -euo pipefail
cd "$(dirname "$0")/.."
uploads=${1:-10}
mib=${2:-100}
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build -q --release -p support-api-server
# Scanning is not what is measured here (clamd has its own memory): --no-scan.
target/release/support-api-server serve --addr 127.0.0.1:0 --db "$work/portal.sqlite3" \
  --no-scan --request-files-max-bytes $(( (uploads + 1) * mib * 1024 * 1024 )) \
  > "$work/server.out" 2>/dev/null &
server_pid=$!
for _ in $(seq 1 600); do grep -q '^listening on' "$work/server.out" && break; sleep 0.1; done
base=$(sed -n 's/^listening on //p' "$work/server.out")

curl -s -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"admin@kowalski-aero.demo","password":"portal-demo"}' \
  "$base/api/v1/session" > "$work/session.json"
csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$work/session.json")

# A text log of the size asked for (text must be UTF-8 without NUL bytes).
head -c $(( mib * 1024 * 1024 )) /dev/zero | tr '\0' 'a' > "$work/big.log"
rss_before=$(awk '/VmRSS/ {print $2}' /proc/$server_pid/status)

start=$(date +%s.%N)
pids=()
for i in $(seq 1 "$uploads"); do
  curl -s -o "$work/answer-$i" -w '%{http_code}\n' -b "$work/cookies" \
    -H "X-CSRF-Token: $csrf" -H "Idempotency-Key: bench-$i" \
    -F "file=@$work/big.log;filename=big-$i.log" \
    "$base/api/v1/requests/19/files" > "$work/status-$i" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
end=$(date +%s.%N)

created=$(cat "$work"/status-* | grep -c '^201$' || true)
peak=$(awk '/VmHWM/ {print $2}' /proc/$server_pid/status)
awk -v n="$uploads" -v mib="$mib" -v ok="$created" -v s="$start" -v e="$end" \
    -v before="$rss_before" -v peak="$peak" 'BEGIN {
  t = e - s
  printf "uploads: %d x %d MiB concurrently, %d answered 201\n", n, mib, ok
  printf "time: %.1f s, throughput on loopback: %.0f MiB/s\n", t, n * mib / t
  printf "server resident memory: %.1f MiB before, peak %.1f MiB (VmHWM)\n", before / 1024, peak / 1024
}'
[ "$created" -eq "$uploads" ] || { echo "not every upload was stored" >&2; exit 1; }
