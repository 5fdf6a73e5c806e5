#!/usr/bin/env bash
# Builds Galley and runs the whole test suite: unit tests (GoogleTest, one ctest case each) and
# `galley test` (rule self-tests and annotated fixtures, registered as the ctest case
# galley.self_test). With CI=true the build treats warnings as errors and clang-tidy checks linter/
# first, and after the normal suite the sanitizer suite and short fixed-seed fuzz runs
# (GALLEY_SANITIZE=0 skips those; GALLEY_SANITIZE=1 runs them outside CI too). Exits non-zero on
# any failure.
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

# The same suite under ASan/LSan/UBSan, then every fuzz target for 5 s from a fixed seed (README,
# "Hostile input, sanitizers and fuzzing", and "How CI runs" for what each stage costs). On by
# default in CI; a local run of command (b) skips it unless GALLEY_SANITIZE=1 (it doubles the time).
default_sanitize=0
[[ "${CI:-false}" == "true" ]] && default_sanitize=1
if [[ "${GALLEY_SANITIZE:-$default_sanitize}" == 1 ]]; then
  stage=$SECONDS
  bash .ci/sanitize.sh || { status=1; echo "test: the sanitizer suite failed (above)"; }
  GALLEY_FUZZ_SKIP_BUILD=1 bash .ci/fuzz.sh 5 || { status=1; echo "test: a fuzz target failed (above)"; }
  echo "test: sanitizer suite and fuzz runs took $((SECONDS - stage)) s"
fi
exit "$status"
