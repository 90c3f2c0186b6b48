# Task runner for the README and CI. `make serve` builds everything and serves the page;
# `make test` runs every test. Both install what is missing.

PORT ?= 8000
export PORT

.PHONY: serve build test test-rust test-browser golden samples eval train bench bench-wasm fuzz clean

serve: ## build the page and serve it on http://localhost:$(PORT)
	bash scripts/serve.sh

build: ## build www/pkg only
	bash scripts/build-wasm.sh

test: ## the Rust tests, then the page in headless Chromium
	bash scripts/test.sh

test-rust:
	cargo test

golden: ## rewrite tests/golden/*.json from the current output (review the diff)
	UPDATE_GOLDEN=1 cargo test --test golden

test-browser: build
	. scripts/lib.sh && ensure_node_modules && ensure_chromium && node --test --test-concurrency=1 tests/browser/

DATA ?= ../shared/data

eval: ## score entities, figures and summaries against the annotated data in $(DATA)
	cargo run --release --bin evaluate -- all --data $(DATA)

train: ## retrain the name tagger on CoNLL-2003 (deterministic) into data/entities/tagger.bin
	cargo run --release --bin train-tagger -- --data $(DATA)

bench: ## criterion benchmarks: each stage, the whole pipeline, pathological inputs
	cargo bench --bench pipeline

bench-wasm: build ## the wasm build beside wink-nlp and compromise, on the samples and BBC articles
	. scripts/lib.sh && ensure_node_modules && node benches/wasm.mjs $(DATA)

FUZZ_SECONDS ?= 300
fuzz: ## coverage-guided fuzzing of the whole pipeline (cargo-fuzz; installs it when missing)
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none analyse -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096

samples: ## regenerate www/samples.js from tests/fixtures
	node scripts/samples.mjs

clean:
	rm -rf www/pkg target-wasm
