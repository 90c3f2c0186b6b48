# Shared helpers for the set-up, build and test scripts (sourced, not run).

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo (asking for a
# password only when there is a terminal to ask on).
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
  else
    return 1
  fi
}

# Installs Debian/Ubuntu packages, updating the package lists once per run.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { log "apt-get not found: please install $* yourself"; return 1; }
  log "installing $* with apt-get"
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -qq || return 1
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# Node.js and npm, for the static server and the browser tests.
ensure_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return
  apt_install nodejs npm || die "Node.js 20 or newer is needed: install it from your package manager"
}

# The npm packages in package-lock.json (playwright-core), when missing or out of date.
ensure_node_modules() {
  ensure_node
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# A Chromium for the browser tests; sets CHROMIUM_PATH.
ensure_chromium() {
  local c
  for c in "${CHROMIUM_PATH:-}" chromium chromium-browser google-chrome-stable google-chrome; do
    [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && { CHROMIUM_PATH="$(command -v "$c")"; export CHROMIUM_PATH; return; }
  done
  apt_install chromium || die "Chromium is needed for the browser tests: install it, or set CHROMIUM_PATH"
  CHROMIUM_PATH="$(command -v chromium)"
  export CHROMIUM_PATH
}
