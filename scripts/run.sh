#!/usr/bin/env bash
# `make run`: the reference API with the demo data, and the portal (trunk serve, which
# forwards /api to the API). Ctrl-C stops both. The database file survives restarts.
set -euo pipefail
cd "$(dirname "$0")/.."
api_addr=${1:-127.0.0.1:3000}
db=${2:-data/portal.sqlite3}
mkdir -p "$(dirname "$db")"

cargo build -q -p support-api-server
# The virus check of uploads: clamd with a local signature database (scripts/clamd.sh).
clamd_dir="$(dirname "$db")/clamd"
scripts/clamd.sh "$clamd_dir" > "$(dirname "$db")/clamd.out" 2>&1 &
clamd_pid=$!
for _ in $(seq 1 300); do grep -q 'clamd ready' "$(dirname "$db")/clamd.out" && break; sleep 0.1; done
target/debug/support-api-server serve --addr "$api_addr" --db "$db" --clamd "$clamd_dir/clamd.sock" &
api_pid=$!
trap 'kill "$api_pid" "$clamd_pid" 2>/dev/null; wait "$api_pid" "$clamd_pid" 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Support portal:  http://127.0.0.1:8080  (first build takes a few minutes)
  Support API:     http://$api_addr/api/v1  (OpenAPI: /api/v1/openapi.json)
  Database:        $db  (make reset-demo recreates it)
  Virus check:     clamd on $clamd_dir/clamd.sock (knows the EICAR test file only)

  Demo accounts, password "portal-demo":
    admin@kowalski-aero.demo      Kowalski Aero (PL)        ALC + SBP, admin
    inzynier@kowalski-aero.demo   Kowalski Aero (PL)        member
    admin@strojirny-hradec.demo   Strojírny Hradec (CZ)     ALC + SBP + SLA, admin
    technik@strojirny-hradec.demo Strojírny Hradec (CZ)     member
    admin@tatra-forming.demo      Tatra Forming (SK)        ALC, admin
    buyer@northbridge.demo        Northbridge Tooling (GB)  PAY only, admin

  Ctrl-C stops both.

MSG
trunk serve --no-autoreload
