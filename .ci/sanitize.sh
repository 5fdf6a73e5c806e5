#!/usr/bin/env bash
# The whole test suite under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer (any
# finding is fatal), in its own build tree built by clang-14 with libFuzzer instrumentation too, so
# that .ci/fuzz.sh can run the fuzz targets from the same tree without a second build.
#
# Usage: .ci/sanitize.sh [--configure-only]
# Environment: GALLEY_FUZZ_BUILD_DIR (default build-fuzz), GALLEY_JOBS (default 2).
# Installs clang-14 and libclang-rt-14-dev when missing (as root, or through sudo).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${GALLEY_FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${GALLEY_JOBS:-2}"
say() { printf 'sanitize: %s\n' "$*"; }

missing=()
for package in clang-14 libclang-rt-14-dev; do
  [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  say "installing ${missing[*]}"
  if [[ "$(id -u)" == 0 ]]; then as_root=(env DEBIAN_FRONTEND=noninteractive); else as_root=(sudo env DEBIAN_FRONTEND=noninteractive); fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake_args=(-S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGALLEY_FUZZ=ON -DGALLEY_BUILD_BENCHMARKS=OFF
            -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14)
[[ -f "$build_dir/CMakeCache.txt" ]] || cmake_args+=(-G Ninja)
[[ "${CI:-false}" == "true" ]] && cmake_args+=(-DGALLEY_WERROR=ON)
say "configuring $build_dir (clang-14, ASan + UBSan + libFuzzer instrumentation)"
cmake "${cmake_args[@]}" >/dev/null
[[ "${1:-}" == "--configure-only" ]] && exit 0

start=$SECONDS
say "building $build_dir"
cmake --build "$build_dir" -j "$jobs"
say "build took $((SECONDS - start)) s; running ctest under the sanitizers"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
start=$SECONDS
status=0
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 900 || status=1
say "ctest under the sanitizers took $((SECONDS - start)) s"
exit "$status"
