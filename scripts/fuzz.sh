#!/usr/bin/env bash
# Fuzzes the reference server against its own OpenAPI document with schemathesis,
# signed in as a demo admin: no 5xx, every status, content type and body as documented.
# Usage: scripts/fuzz.sh MAX_EXAMPLES   (make test runs a bounded number, make fuzz more)
# One worker: two threads parsing Python at once crash this Python 3.11.7 ("AST constructor
# recursion depth mismatch"), fixed in 3.11.8.
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-25}
work=$(mktemp -d)
trap 'kill "$api_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

target/debug/support-api-server reset-demo --db "$work/fuzz.sqlite3" >/dev/null
target/debug/support-api-server serve --addr 127.0.0.1:0 --db "$work/fuzz.sqlite3" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 100); do
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/api.log" | head -1 || true)
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { echo "fuzz: the API did not start"; cat "$work/api.log"; exit 1; }

session=$(curl -sf -c "$work/cookies" -H 'content-type: application/json' \
  -d '{"email":"admin@strojirny-hradec.demo","password":"portal-demo"}' "$base/api/v1/session")
csrf=$(printf '%s' "$session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
cookie=$(awk '$6 == "portal_session" { print $7 }' "$work/cookies")

# Signing in or out would replace the session the fuzzer runs with; the Rust tests cover both.
.venv/bin/schemathesis --config-file tests/fuzz/schemathesis.toml \
  run "$base/api/v1/openapi.json" --url "$base" \
  --header "Cookie: portal_session=$cookie" --header "X-CSRF-Token: $csrf" \
  --exclude-path-regex '^/api/v1/session$' \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "$examples" --workers 1 --seed 1 2>&1 | tee "$work/fuzz.log" | tail -25
