#!/usr/bin/env bash
# Builds the page and serves www/ on http://localhost:${PORT:-8000}.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

bash scripts/build-wasm.sh
ensure_node
exec node scripts/serve.mjs --port "${PORT:-8000}"
