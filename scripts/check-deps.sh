#!/usr/bin/env bash
# The portal's wasm must not carry `regex` (heavy) nor two copies of any crate.
# Known exceptions, both brought by Leptos 0.8 itself and checked to stay the only ones:
# - leptos_config depends on regex to read settings from the environment, which a
#   client-side app never calls; the linker drops it.
# - thiserror 1 (through gloo-net 0.6, under leptos_router) beside thiserror 2 (the rest of
#   leptos): a derive macro whose runtime part is a few trait impls.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=(cargo tree -q -p support-portal --target wasm32-unknown-unknown -e normal,no-proc-macro)
dependents=$("${tree[@]}" -i regex --depth 1 --prefix none 2>/dev/null | sed 1d | sort -u || true)
if [ -n "$dependents" ] && [ "$dependents" != "leptos_config v0.8.10" ]; then
  echo "check-deps: something besides leptos_config brings regex into the portal:" >&2
  echo "$dependents" >&2
  exit 1
fi
dups=$("${tree[@]}" -d --depth 0 2>/dev/null | grep -v -e '^$' -e '^thiserror v[12]\.' || true)
if [ -n "$dups" ]; then
  echo "check-deps: the portal's wasm carries duplicate crates:" >&2
  echo "$dups" >&2
  exit 1
fi
echo "check-deps: no regex of our own, no duplicate crates in the wasm"
