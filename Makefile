# The two commands of the README: `make run` and `make test`. Both install what is
# missing first (scripts/setup.sh), so a fresh clone needs nothing else: `make run` only
# what running needs, `make test` (and the benchmarks) the browsers, nginx and the rest.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

API_ADDR ?= 127.0.0.1:3000
DB ?= data/portal.sqlite3
WASM := --target wasm32-unknown-unknown

.PHONY: run test setup setup-run reset-demo lint unit build size e2e fuzz fuzz-bounded load bench files-bench test-s3 lighthouse server-release openapi fmt

## make run: the reference API with demo data on $(API_ADDR) and the portal on :8080.
run: setup-run
	@scripts/run.sh "$(API_ADDR)" "$(DB)"

## make test: every check CI runs.
test: setup lint unit test-s3 build size fuzz-bounded e2e
	@echo "make test: all checks passed"

setup:
	@scripts/setup.sh test

setup-run:
	@scripts/setup.sh run

## Recreates the demo database (the API must not be running on it).
reset-demo:
	cargo run -q -p support-api-server -- reset-demo --db "$(DB)"

lint:
	cargo fmt --all --check
	cargo clippy -q --workspace --all-targets -- -D warnings
	cargo clippy -q -p support-portal $(WASM) --all-targets -- -D warnings
	scripts/check-deps.sh

# clamd is installed by setup: a test that needs it fails rather than skips without it.
unit:
	PORTAL_TESTS_NEED_CLAMD=1 cargo test -q --workspace
	CHROMEDRIVER=$$(command -v chromedriver) cargo test -p support-portal $(WASM)

build:
	trunk build --release
	cargo build -q -p support-api-server

size:
	node scripts/size-budget.mjs dist

## The API against its OpenAPI document: a bounded run in make test, a longer one alone.
fuzz-bounded:
	scripts/fuzz.sh 50

fuzz: setup
	cargo build -q -p support-api-server
	scripts/fuzz.sh 1000

## Load test of the reference server on loopback (docs/load-test.md).
load: setup
	scripts/load.sh 8

## The S3 file store against s3rver (the server built with its `s3` feature).
test-s3:
	PORTAL_TESTS_NEED_S3RVER=1 cargo test -q -p support-api-server --features s3 --test s3

## Memory bound of uploads: 10 concurrent 100 MiB uploads, the server's peak RSS.
files-bench:
	scripts/files-bench.sh 10 100

## Benchmarks (figures, not pass/fail) with the scale customer, 4x CPU slowdown, and
## Lighthouse below: both against the API's release build, as it is deployed.
bench: setup build server-release
	PORTAL_SERVER_PROFILE=release npx playwright test --config tests/e2e/bench.config.ts

server-release:
	cargo build -q --release -p support-api-server

## Lighthouse, mobile, median of 3, on every page of the release build behind deploy/nginx
## (make lighthouse RUNS=5 PAGES="/plan /credit": more runs, fewer pages).
RUNS ?= 3
lighthouse: setup build server-release
	PORTAL_SERVER_PROFILE=release node scripts/lighthouse.mjs --runs $(RUNS) $(PAGES)

e2e:
	npx playwright test --config tests/e2e/playwright.config.ts

## Regenerates crates/api/openapi.json from the contract types.
openapi:
	UPDATE_OPENAPI=1 cargo test -q -p support-api --features openapi --test openapi

fmt:
	cargo fmt --all
