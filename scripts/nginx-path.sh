#!/usr/bin/env bash
# Prints where nginx is, or fails quietly: the one answer to "where is nginx" for
# scripts/setup.sh and for the browser tests' servers (tests/e2e/support/servers.mjs).
# Debian installs it as /usr/sbin/nginx, which a non-root user's PATH often lacks.
set -euo pipefail
for candidate in "$(command -v nginx || true)" /usr/sbin/nginx /usr/local/sbin/nginx; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    printf '%s\n' "$candidate"
    exit 0
  fi
done
exit 1
