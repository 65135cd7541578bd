#!/usr/bin/env bash
# `make run`: the reference API with the demo data, MailDev (where the API's mails go),
# clamd (the virus check of uploads) and the portal (trunk serve, which forwards /api to the
# API). Ctrl-C stops all four.
# The database file survives restarts; MailDev keeps its mails in memory only.
set -euo pipefail
cd "$(dirname "$0")/.."
api_addr=${1:-127.0.0.1:3000}
db=${2:-data/portal.sqlite3}
mkdir -p "$(dirname "$db")"

cargo build -q -p support-api-server
# Every mail of the demo lands here, never in a real mailbox (all addresses are .demo).
node_modules/.bin/maildev --smtp 1025 --ip 127.0.0.1 --web 1080 --web-ip 127.0.0.1 \
  >"$(dirname "$db")/maildev.log" 2>&1 &
maildev_pid=$!
# The virus check of uploads: clamd with a local signature database (scripts/clamd.sh).
clamd_dir="$(dirname "$db")/clamd"
scripts/clamd.sh "$clamd_dir" > "$(dirname "$db")/clamd.out" 2>&1 &
clamd_pid=$!
for _ in $(seq 1 300); do grep -q 'clamd ready' "$(dirname "$db")/clamd.out" && break; sleep 0.1; done
target/debug/support-api-server serve --addr "$api_addr" --db "$db" --clamd "$clamd_dir/clamd.sock" \
  --smtp-host 127.0.0.1 --smtp-port 1025 --smtp-tls none --public-url http://127.0.0.1:8080 &
api_pid=$!
trap 'kill "$api_pid" "$maildev_pid" "$clamd_pid" 2>/dev/null; wait "$api_pid" "$maildev_pid" "$clamd_pid" 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Support portal:  http://127.0.0.1:8080  (first build takes a few minutes)
  Support API:     http://$api_addr/api/v1  (OpenAPI: /api/v1/openapi.json)
  Mail inbox:      http://127.0.0.1:1080  (MailDev: every mail the portal sends)
  Database:        $db  (make reset-demo recreates it)
  Virus check:     clamd on $clamd_dir/clamd.sock (knows the EICAR test file only)

  Demo accounts, password "portal-demo":
    admin@kowalski-aero.demo      Kowalski Aero (PL)        ALC + SBP, admin
    inzynier@kowalski-aero.demo   Kowalski Aero (PL)        member
    admin@strojirny-hradec.demo   Strojírny Hradec (CZ)     ALC + SBP + SLA, admin
    technik@strojirny-hradec.demo Strojírny Hradec (CZ)     member
    admin@tatra-forming.demo      Tatra Forming (SK)        ALC, admin
    buyer@northbridge.demo        Northbridge Tooling (GB)  PAY only, admin

  Ctrl-C stops all four.

MSG
trunk serve --no-autoreload
