#!/usr/bin/env bash
# Runs every test: the Rust tests, then the page in headless Chromium against a fresh
# wasm build. Installs what is missing on the way (see build-wasm.sh and lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

command -v cargo >/dev/null 2>&1 || export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup"

# Every suite runs even when an earlier one fails; the exit status reports any failure.
failed=()

log "Rust tests"
cargo test --quiet || failed+=("Rust tests")
# Benchmarks are not built by `cargo test`; make sure they still compile.
cargo check --quiet --benches || failed+=("benchmarks do not compile")

bash scripts/build-wasm.sh
ensure_node_modules
ensure_chromium

log "browser tests (Chromium: $CHROMIUM_PATH)"
node scripts/samples.mjs --check || failed+=("www/samples.js is stale")
node --test --test-concurrency=1 tests/browser/ || failed+=("browser tests")

if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
