#!/usr/bin/env bash
# Installs whatever the portal needs and is missing, at the versions it needs, and says
# nothing about what is already there.
#   scripts/setup.sh run    what `make run` needs: Rust's wasm target, trunk,
#                           wasm-bindgen-cli, the npm packages (MailDev) and Debian's
#                           ClamAV daemon
#   scripts/setup.sh test   that, and what the checks and benchmarks need (`make test`, CI):
#                           schemathesis, and Debian's chromium, chromium-driver, nginx
#                           with brotli_static, and wrk
# Every tool comes from a package registry (crates.io, npm, PyPI, Debian): trunk must find
# wasm-bindgen and wasm-opt on PATH, or it would try to download them, which fails here.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-test}
TRUNK_VERSION=0.21.14

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

case "$mode" in
  run | test) ;;
  *) fail "usage: scripts/setup.sh run|test" ;;
esac

# Installs the Debian packages listed in need_apt, then empties the list.
need_apt=()
apt_install() {
  if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing ${need_apt[*]} with apt-get"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
      fail "please install these Debian packages, then run this again: sudo apt-get install ${need_apt[*]}"
    fi
  fi
  need_apt=()
}

# --- what running needs -----------------------------------------------------------------

command -v cargo >/dev/null || fail "Rust is missing: install rustup (https://rustup.rs) with the stable toolchain, then run this again."
# trunk's post-build hook (scripts/post-build.mjs) is a node script.
command -v node >/dev/null || fail "Node.js 20+ is missing: install it (e.g. apt-get install nodejs npm), then run this again."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # trunk's own release profile (fat LTO, one codegen unit) makes it a little faster at
  # orchestrating a build and takes 13 minutes to compile on 2 cores; without them the
  # install takes about 8 and the portal's build time is the same.
  say "installing trunk $TRUNK_VERSION (takes about 8 minutes on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi

# wasm-bindgen-cli must equal the wasm-bindgen of Cargo.lock exactly. Without --locked:
# its own lock file names a crate version the registry no longer serves.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[ -n "$wb_version" ] || fail "cannot read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version" --quiet
fi

command -v npm >/dev/null || fail "npm is missing: install it (e.g. apt-get install npm), then run this again."

# npm packages, pinned by package-lock.json: MailDev (the demo's and the tests' SMTP
# server and inbox), binaryen (wasm-opt, for release builds), Playwright, axe-core,
# Lighthouse and s3rver (an S3-compatible store for the tests). The browser is Debian's
# chromium, never one Playwright downloads.
if ! cmp -s package-lock.json node_modules/.installed-from-lock 2>/dev/null; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-from-lock
fi

# ClamAV's daemon scans uploaded files (make run and the tests start their own clamd with
# a local signature database: scripts/clamd.sh). Debian's packages; nothing downloads
# signatures here.
command -v clamd >/dev/null || need_apt+=(clamav-daemon)
command -v sigtool >/dev/null || need_apt+=(clamav)
apt_install

[ "$mode" = test ] || exit 0

# --- what the checks and benchmarks need ------------------------------------------------

# schemathesis (PyPI) fuzzes the API against its OpenAPI document, from a venv of its own.
fuzz_pin=$(sed -n 's/^schemathesis==//p' tests/fuzz/requirements.txt)
if [ "$(.venv/bin/schemathesis --version 2>/dev/null)" != "schemathesis, version $fuzz_pin" ]; then
  command -v python3 >/dev/null || fail "Python 3 is missing: install python3 and python3-venv, then run this again."
  say "installing schemathesis $fuzz_pin into .venv"
  python3 -m venv .venv || fail "cannot create a Python venv: install python3-venv, then run this again."
  .venv/bin/pip install -q --disable-pip-version-check -r tests/fuzz/requirements.txt
fi

command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
# The browser tests and `make lighthouse` serve the release build through nginx with
# deploy/nginx's config, found where they will look for it (scripts/nginx-path.sh).
scripts/nginx-path.sh >/dev/null || need_apt+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need_apt+=(libnginx-mod-http-brotli-static)
command -v wrk >/dev/null || need_apt+=(wrk)
apt_install
