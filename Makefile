# commentary-reader — the two commands a developer needs: `make serve` and `make test`.
# Both install whatever is missing first (scripts/setup.sh, idempotent, prints what it does).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# Our pinned wasm-opt first (Debian's is too old), then cargo-installed tools.
export PATH := $(CURDIR)/.tools/node_modules/binaryen/bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve build test test-native test-wasm test-e2e size bench

setup:
	@scripts/setup.sh

## Development server on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve

## Release build into dist/ (no inline script; runs from any static server).
build: setup
	trunk build --release

## Every test: native, browser (wasm-bindgen-test), size budget, end-to-end (Playwright).
test: setup
	@$(MAKE) --no-print-directory test-native test-wasm size test-e2e

test-native:
	@echo "== native tests: cargo test"
	cargo test

test-wasm:
	@echo "== browser tests: wasm-bindgen-test in headless Chromium"
	cargo test --target wasm32-unknown-unknown --test web

size:
	@echo "== release build and size budget"
	trunk build --release
	node scripts/size-check.mjs dist

test-e2e:
	@echo "== end-to-end: Playwright (playwright-core + /usr/bin/chromium) against dist/"
	@test -f dist/commentary-reader-core_bg.wasm || trunk build --release
	cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec

## Benchmarks that print numbers (never asserted): parse + link throughput.
bench:
	cargo bench --bench link
