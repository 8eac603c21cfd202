# Shared by scripts/demo, scripts/test and scripts/bench: install what is
# missing from Debian's packages, then configure and build a preset.
# Sourced, not run.

CHRONICLE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages the build and the tests need.
CHRONICLE_PACKAGES=(
  cmake ninja-build g++ pkg-config python3 sqlite3
  libsqlite3-dev libsqlitecpp-dev libicu-dev libspdlog-dev libfmt-dev
  libgtest-dev libcli11-dev nlohmann-json3-dev libbenchmark-dev libssl-dev
  chromium clang libclang-rt-dev
)

# Installs the packages that are not installed yet. Silent when nothing is
# missing; runs `apt-get update` only when something must be installed.
chronicle_install_packages() {
  local missing=() pkg
  for pkg in "${CHRONICLE_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "chronicle: need root or sudo to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  echo "Installing ${missing[*]} ..." >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || return 1
}

# chronicle_build PRESET [targets...]: configure (once) and build quietly;
# on failure, show the build log.
chronicle_build() {
  local preset=$1
  shift
  local log
  log=$(mktemp)
  if ! (cd "$CHRONICLE_ROOT" && cmake --preset "$preset" >"$log" 2>&1 && cmake --build --preset "$preset" -j "$(nproc)" "$@" >>"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "chronicle: the $preset build failed" >&2
    return 1
  fi
  rm -f "$log"
}
