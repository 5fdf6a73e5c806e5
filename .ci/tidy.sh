#!/usr/bin/env bash
# Runs clang-tidy (the root .clang-tidy) on every linter/**/*.cpp in the compilation database of a
# configured build tree, two at a time. Exits non-zero on any warning (WarningsAsErrors is '*').
#
# Usage: .ci/tidy.sh [BUILD_DIR] [FILE_REGEX]     defaults: build, /linter/.*\.cpp$
# Environment: GALLEY_JOBS overrides the parallelism (default: number of cores).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${1:-build}"
filter="${2:-/linter/.*\\.cpp\$}"
jobs="${GALLEY_JOBS:-$(nproc 2>/dev/null || echo 2)}"

if [[ ! -f "$build_dir/compile_commands.json" ]]; then
  echo "tidy: $build_dir/compile_commands.json missing; configure first (.ci/bootstrap.sh)" >&2
  exit 2
fi
tidy="$(command -v clang-tidy-14 || command -v clang-tidy || true)"
if [[ -z "$tidy" ]]; then
  echo "tidy: clang-tidy not found (apt-get install clang-tidy)" >&2
  exit 2
fi

start=$SECONDS
runner="$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)"
if [[ -n "$runner" ]]; then
  # run-clang-tidy returns non-zero when any file fails; -quiet drops the per-file banner.
  status=0
  "$runner" -quiet -clang-tidy-binary "$tidy" -p "$build_dir" -j "$jobs" "$filter" || status=$?
else
  # Fallback without the runner: one clang-tidy per file, $jobs at a time.
  status=0
  python3 -c 'import json,re,sys; [print(e["file"]) for e in json.load(open(sys.argv[1])) if re.search(sys.argv[2], e["file"])]' \
      "$build_dir/compile_commands.json" "$filter" |
    xargs -r -P "$jobs" -n 1 "$tidy" -quiet -p "$build_dir" || status=$?
fi
echo "tidy: $((SECONDS - start)) s, $([[ $status == 0 ]] && echo clean || echo 'problems found')"
exit "$status"
