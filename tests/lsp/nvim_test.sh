#!/usr/bin/env bash
# Runs tests/lsp/nvim_test.lua in a headless Neovim against `galley lsp` (ctest case lsp.neovim).
# Usage: nvim_test.sh PATH_TO_GALLEY. Exits 77 (skipped) only when Neovim is not installed
# (.ci/bootstrap.sh installs Debian's neovim package).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v nvim >/dev/null 2>&1; then
  echo "SKIP: nvim is not installed (apt-get install neovim; .ci/bootstrap.sh does it)"
  exit 77
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# "é", "–", curly quotes and an emoji before the finding: UTF-16 and byte columns all differ.
printf '# Note\n\nCaf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x9cyes\xe2\x80\x9d \xf0\x9f\x98\x80 the Secretary General spoke.\n' >"$scratch/draft.md"
GALLEY_BINARY="$1" GALLEY_NVIM_DRAFT="$scratch/draft.md" HOME="$scratch" XDG_STATE_HOME="$scratch" \
  timeout 120 nvim --headless --clean -c "luafile $here/nvim_test.lua"
