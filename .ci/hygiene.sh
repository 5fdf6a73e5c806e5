#!/usr/bin/env bash
# Repository hygiene, run as the ctest case repo.hygiene: no third-party source committed (the
# grammars are fetched by npm ci), no download URLs in the npm lockfile, no package-registry host
# named in a tracked file, no machine-specific absolute path. Prints each offence; exits 1 if any.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "hygiene: not a git work tree; nothing to check"
  exit 0
fi
fail=0
offence() { echo "hygiene: $*"; fail=1; }

committed="$(git ls-files | grep -E '(^|/)node_modules/|(^|/)parser\.c$|(^|/)scanner\.c$|\.tgz$' || true)"
[[ -z "$committed" ]] || offence "third-party sources are committed: $committed"

for lock in third_party/package-lock.json tests/lsp/package-lock.json tests/browser/package-lock.json; do
  if grep -n '"resolved"' "$lock"; then
    offence "$lock records download URLs (keep omit-lockfile-registry-resolved)"
  fi
done

# A registry host is any "registry." host in a URL-like context; this file's own pattern is excluded.
hosts="$(git grep -nIE '(https?://|//)registry\.[a-z0-9-]+\.[a-z]+' -- . ':!.ci/hygiene.sh' || true)"
[[ -z "$hosts" ]] || offence "package-registry host named: $hosts"

paths="$(git grep -nIE '(^|[^a-zA-Z0-9_.])/(work|home|root)/[A-Za-z]' -- . ':!.ci/hygiene.sh' || true)"
[[ -z "$paths" ]] || offence "machine paths in tracked files: $paths"

[[ $fail == 0 ]] && echo "hygiene: clean"
exit "$fail"
