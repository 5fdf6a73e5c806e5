#!/usr/bin/env bash
# Sets up and builds Galley on Debian 12 from a clean clone; safe and quick to run again.
#
#   1. installs the Debian packages that are missing (as root, or through sudo);
#   2. fetches the pinned tree-sitter grammar sources with `npm ci` in third_party/ (integrity-checked
#      against package-lock.json; skipped when that lockfile was already installed);
#   3. configures `build/` (Ninja when it is a new build tree) and builds everything.
#
# Environment: CI=true adds -DGALLEY_WERROR=ON (warnings are errors) and the clang-tidy package.
#              GALLEY_BUILD_DIR overrides the build directory (default: build).
#              GALLEY_JOBS overrides the build parallelism (default: number of cores).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${GALLEY_BUILD_DIR:-build}"
jobs="${GALLEY_JOBS:-$(nproc 2>/dev/null || echo 2)}"
ci="${CI:-false}"

say() { printf 'bootstrap: %s\n' "$*"; }

# --- 1. Debian packages ------------------------------------------------------------------------------
packages=(build-essential cmake ninja-build pkg-config libtree-sitter-dev libyaml-cpp-dev
          libboost-regex-dev libfmt-dev nlohmann-json3-dev googletest libgtest-dev libbenchmark-dev
          python3)
# The spelling kinds: Hunspell and its British and American dictionaries.
packages+=(libhunspell-dev hunspell-en-gb hunspell-en-us)
# The language server's editor test drives a headless Neovim (tests/lsp/nvim_test.lua).
packages+=(neovim)
# `galley serve` is built on cpp-httplib; its browser test drives Debian's Chromium headless.
packages+=(libcpp-httplib-dev chromium)
[[ "$ci" == "true" ]] && packages+=(clang-tidy)
# Node.js and npm are checked as commands: a machine whose nodejs package bundles npm (as
# third-party builds of Node do) must not get Debian's npm, which conflicts with it.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  say "installing ${missing[*]}"
  # `env` passes DEBIAN_FRONTEND through sudo, which resets the environment.
  if [[ "$(id -u)" == 0 ]]; then
    as_root=(env DEBIAN_FRONTEND=noninteractive)
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
  else
    say "missing packages and neither root nor sudo: install ${missing[*]}" >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages present"
fi

# --- 2. grammar sources ------------------------------------------------------------------------------
# npm ci verifies every tarball against the lockfile's integrity hash; .npmrc in third_party/ sets
# ignore-scripts (nothing is built by npm) and legacy-peer-deps (the grammar's peer metadata would
# otherwise drag in the Node binding's build).
stamp="third_party/node_modules/.galley-lock.sha256"
lock_sum="$(sha256sum third_party/package-lock.json | cut -d' ' -f1)"
grammar="third_party/node_modules/@tree-sitter-grammars/tree-sitter-markdown"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" &&
      -f "$grammar/tree-sitter-markdown/src/parser.c" &&
      -f "$grammar/tree-sitter-markdown-inline/src/parser.c" ]]; then
  say "grammar sources present"
else
  say "fetching pinned grammar sources (npm ci in third_party/)"
  (cd third_party && npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$lock_sum" >"$stamp"
fi

# The LSP client test's packages (tests/lsp/package-lock.json), fetched the same way.
lsp_stamp="tests/lsp/node_modules/.galley-lock.sha256"
lsp_sum="$(sha256sum tests/lsp/package-lock.json | cut -d' ' -f1)"
if [[ -f "$lsp_stamp" && "$(cat "$lsp_stamp")" == "$lsp_sum" ]]; then
  say "LSP client test packages present"
else
  say "fetching the LSP client test packages (npm ci in tests/lsp/)"
  (cd tests/lsp && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$lsp_sum" >"$lsp_stamp"
fi

# The review page's browser test packages (tests/browser/package-lock.json: puppeteer-core, which
# drives the system Chromium and downloads no browser of its own), fetched the same way.
browser_stamp="tests/browser/node_modules/.galley-lock.sha256"
browser_sum="$(sha256sum tests/browser/package-lock.json | cut -d' ' -f1)"
if [[ -f "$browser_stamp" && "$(cat "$browser_stamp")" == "$browser_sum" ]]; then
  say "browser test packages present"
else
  say "fetching the browser test packages (npm ci in tests/browser/)"
  (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$browser_sum" >"$browser_stamp"
fi

# --- 3. configure and build --------------------------------------------------------------------------
cmake_args=(-S . -B "$build_dir")
# An existing build tree keeps its generator (CMake refuses to switch); a new one uses Ninja.
[[ -f "$build_dir/CMakeCache.txt" ]] || cmake_args+=(-G Ninja)
if [[ "$ci" == "true" ]]; then
  cmake_args+=(-DGALLEY_WERROR=ON)
fi
say "configuring $build_dir"
mkdir -p "$build_dir"
if ! cmake "${cmake_args[@]}" >"$build_dir/configure.log" 2>&1; then
  cat "$build_dir/configure.log" >&2
  say "configure failed (log above)" >&2
  exit 1
fi
say "building with $jobs jobs"
cmake --build "$build_dir" -j "$jobs"
say "done: ./$build_dir/galley"
