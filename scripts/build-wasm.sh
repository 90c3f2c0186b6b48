#!/usr/bin/env bash
# Builds the core to WebAssembly and writes the page's package to www/pkg/, installing
# what is missing: the wasm32 target through rustup (the usual path) or, where rustup
# cannot download, Debian's rustc-web with its standard library sources; and the
# wasm-bindgen command matching the version in Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

TARGET=wasm32-unknown-unknown
export CARGO_TARGET_DIR="$PWD/target-wasm"
mkdir -p "$CARGO_TARGET_DIR"
# Which toolchain built last time, so a machine without rustup downloads does not wait
# on rustup again every run.
CHOICE="$CARGO_TARGET_DIR/toolchain"

debian_toolchain_ready() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && command -v wasm-ld >/dev/null 2>&1 &&
    [ -f /usr/lib/rustlib/src/rust/library/Cargo.lock ] &&
    /usr/bin/rustc --version | grep -qE '^rustc 1\.(8[5-9]|9[0-9]|[1-9][0-9]{2})'
}

rustup_target_ready() {
  command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"
}

choose_toolchain() {
  # WASM_TOOLCHAIN=debian forces the fallback (to test it on a machine with rustup).
  if [ "${WASM_TOOLCHAIN:-}" = debian ]; then
    debian_toolchain_ready || apt_install rustc-web cargo-web rust-web-src lld >&2 || die "cannot install rustc-web"
    echo debian
    return
  fi
  if rustup_target_ready; then echo rustup; return; fi
  if [ "$(cat "$CHOICE" 2>/dev/null)" = debian ] && debian_toolchain_ready; then echo debian; return; fi
  if command -v rustup >/dev/null 2>&1; then
    log "adding the $TARGET target with rustup"
    # Bounded, since rustup can hang where it cannot reach its server (no `timeout` on macOS).
    local bound=""
    command -v timeout >/dev/null 2>&1 && bound="timeout 60"
    if $bound rustup target add "$TARGET" >&2; then echo rustup; return; fi
    log "rustup could not add $TARGET; using Debian's rustc-web instead"
  fi
  if ! debian_toolchain_ready; then
    apt_install rustc-web cargo-web rust-web-src lld >&2 ||
      die "no way to build for $TARGET: install it with 'rustup target add $TARGET'"
  fi
  debian_toolchain_ready || die "Debian's rustc-web toolchain is incomplete"
  echo debian
}

# 128-bit SIMD (every current browser has it: Chrome and Edge 91, Firefox 89, Safari 16.4)
# lets the compiler add the tagger's weights several at a time: about 8% faster overall.
FEATURES="-C target-feature=+simd128"

toolchain="$(choose_toolchain)"
echo "$toolchain" >"$CHOICE"
log "building the core for $TARGET ($toolchain toolchain)"
if [ "$toolchain" = rustup ]; then
  RUSTFLAGS="$FEATURES ${RUSTFLAGS:-}" cargo build --lib --profile wasm --target "$TARGET"
else
  # Debian ships no prebuilt standard library for wasm32, so build it from its sources.
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C linker=wasm-ld $FEATURES ${RUSTFLAGS:-}" \
    /usr/bin/cargo build --lib --profile wasm --target "$TARGET" -Zbuild-std=std,panic_abort
fi

# wasm-bindgen's command must match the library version exactly.
version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
[ -n "$version" ] || die "wasm-bindgen not found in Cargo.lock"
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  log "installing wasm-bindgen-cli $version (a few minutes, once)"
  if command -v cargo >/dev/null 2>&1; then cargo=cargo; else cargo=/usr/bin/cargo; fi
  "$cargo" install wasm-bindgen-cli --version "$version"
fi

log "generating www/pkg"
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  "$CARGO_TARGET_DIR/$TARGET/wasm/article_analyser.wasm"

wasm=www/pkg/article_analyser_bg.wasm
# No wasm-opt: on this module it saves 2% of the gzipped size and costs a third of the speed.
raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
log "www/pkg ready: wasm $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzipped"
