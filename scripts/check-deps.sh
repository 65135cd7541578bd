#!/usr/bin/env bash
# The portal's wasm must not carry `regex` (heavy) nor two copies of any crate.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=(cargo tree -q -p support-portal --target wasm32-unknown-unknown -e normal)
if "${tree[@]}" -i regex >/dev/null 2>&1; then
  echo "check-deps: the portal depends on regex:" >&2
  "${tree[@]}" -i regex >&2
  exit 1
fi
dups=$("${tree[@]}" -d --depth 0 2>/dev/null || true)
if [ -n "$dups" ]; then
  echo "check-deps: the portal's wasm carries duplicate crates:" >&2
  echo "$dups" >&2
  exit 1
fi
echo "check-deps: no regex, no duplicate crates in the wasm"
