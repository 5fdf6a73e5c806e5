#!/usr/bin/env bash
# Builds Galley and runs the whole test suite: unit tests (GoogleTest, one ctest case each) and
# `galley test` (rule self-tests and annotated fixtures, registered as the ctest case
# galley.self_test). With CI=true the build treats warnings as errors and clang-tidy checks linter/
# first. Exits non-zero on any failure; ctest's summary is the last line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${GALLEY_BUILD_DIR:-build}"
start=$SECONDS

bash .ci/bootstrap.sh

status=0
# GALLEY_TIDY=0 skips clang-tidy in CI (e.g. for a quick local CI=true run).
if [[ "${CI:-false}" == "true" && "${GALLEY_TIDY:-1}" != 0 ]]; then
  bash .ci/tidy.sh "$build_dir" || { status=1; echo "test: clang-tidy found problems (above)"; }
fi

echo "test: set-up and checks took $((SECONDS - start)) s; running ctest"
ctest --test-dir "$build_dir" --output-on-failure -j "${GALLEY_JOBS:-2}" --timeout 600 || status=1
exit "$status"
