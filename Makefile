# Task runner for the README and CI. `make serve` builds everything and serves the page;
# `make test` runs every test. Both install what is missing.

PORT ?= 8000
export PORT

.PHONY: serve build test test-rust test-browser samples clean

serve: ## build the page and serve it on http://localhost:$(PORT)
	bash scripts/serve.sh

build: ## build www/pkg only
	bash scripts/build-wasm.sh

test: ## the Rust tests, then the page in headless Chromium
	bash scripts/test.sh

test-rust:
	cargo test

test-browser: build
	. scripts/lib.sh && ensure_node_modules && ensure_chromium && node --test --test-concurrency=1 tests/browser/

samples: ## regenerate www/samples.js from tests/fixtures
	node scripts/samples.mjs

clean:
	rm -rf www/pkg target-wasm
