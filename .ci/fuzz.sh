#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang-14, ASan + UBSan + libFuzzer) and runs each in turn.
#
# Usage: .ci/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#        .ci/fuzz.sh --replay CORPUS_ROOT [TARGET...]
#   --replay            runs every input kept under CORPUS_ROOT/TARGET once through this tree's
#                       targets (e.g. a long GALLEY_FUZZ_ASAN=0 run's corpus through the ASan tree).
#   SECONDS_PER_TARGET  default 60; e.g. 3600 for a long run (a few hours over the nine targets).
#   TARGET              markdown plain_text rule_pack fact_base dates comments lsp fix serve
#                       (default: all).
# Environment: GALLEY_FUZZ_BUILD_DIR (default build-fuzz), GALLEY_JOBS (build parallelism),
#              GALLEY_FUZZ_ASAN=0 (a tree without AddressSanitizer, default build-fuzz-fast: UBSan and
#              coverage only, several times the executions per second, for long runs; replay what
#              it found under ASan afterwards with --replay),
#              GALLEY_FUZZ_MAX_LEN (largest input libFuzzer makes, default 16384),
#              GALLEY_FUZZ_SEED (a fixed -seed: same seed + same -runs = same inputs; default 1),
#              GALLEY_FUZZ_RUNS (cap on executions per target, for short fixed runs; default none),
#              GALLEY_FUZZ_FLAGS (more libFuzzer flags, e.g. "-entropic=0": the entropic scheduler's
#              per-feature bookkeeping took a quarter of a draft target's time with ~50,000 features),
#              GALLEY_FUZZ_SKIP_BUILD=1 (the tree is already built, e.g. by .ci/sanitize.sh).
# Seeds are copied at run time from fixtures/ (drafts) and rules/ (packs, fact bases) into
# BUILD_DIR/fuzz-corpus/TARGET (for lsp and serve: each draft wrapped in a session or requests), which also keeps what libFuzzer finds between runs. A crash, leak,
# UB report or time-out is written to BUILD_DIR/fuzz-artifacts/ and makes the script exit 1; each
# target's last figures (executions, cov, ft) are printed at the end and kept in fuzz-logs/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
replay_root=""
if [[ "${1:-}" == --replay ]]; then
  replay_root="${2:?--replay needs the folder holding the corpora}"
  replay_root="$(cd "$replay_root" && pwd)"
  shift 2
  seconds=0
else
  seconds="${1:-60}"
  shift || true
fi
all_targets=(markdown plain_text rule_pack fact_base dates comments lsp fix serve)
targets=("$@")
((${#targets[@]} > 0)) || targets=("${all_targets[@]}")
asan="${GALLEY_FUZZ_ASAN:-1}"
if [[ "$asan" == 0 ]]; then build_dir="${GALLEY_FUZZ_BUILD_DIR:-build-fuzz-fast}"; else build_dir="${GALLEY_FUZZ_BUILD_DIR:-build-fuzz}"; fi
max_len="${GALLEY_FUZZ_MAX_LEN:-16384}"
jobs="${GALLEY_JOBS:-2}"
seed="${GALLEY_FUZZ_SEED:-1}"

say() { printf 'fuzz: %s\n' "$*"; }

if [[ "${GALLEY_FUZZ_SKIP_BUILD:-0}" != 1 ]]; then
  if [[ "$asan" == 0 ]]; then
    bash .ci/sanitize.sh --configure-only  # installs clang when missing
    generator=()
    [[ -f "$build_dir/CMakeCache.txt" ]] || generator=(-G Ninja)
    cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGALLEY_FUZZ=ON -DGALLEY_FUZZ_ASAN=OFF \
          -DGALLEY_BUILD_TESTS=OFF -DGALLEY_BUILD_BENCHMARKS=OFF -DCMAKE_C_COMPILER=clang-14 \
          -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
  else
    bash .ci/sanitize.sh --configure-only
  fi
  say "building the fuzz targets in $build_dir"
  cmake --build "$build_dir" -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}")
fi

# A file's bytes as a JSON string (the fixtures hold no control bytes but tab, CR and LF).
json_string() {
  printf '"'
  LC_ALL=C sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' "$1" | LC_ALL=C awk '{ printf "%s\\n", $0 }'
  printf '"'
}
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | LC_ALL=C wc -c)" "$1"; }
# fuzz_lsp input: a set-up byte ('x': the harness initializes, UTF-16, push, 16-byte chunks; 'F':
# UTF-8 positions, pull diagnostics, 9-byte chunks), then one session around the draft.
lsp_session() {
  local file="$1" setup="$2" uri="file:///seed/$(basename "$1")" text
  text="$(json_string "$file")"
  printf '%s' "$setup"
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"languageId\":\"markdown\",\"version\":1,\"text\":$text}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/diagnostic\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":99,\"character\":0}},\"context\":{\"diagnostics\":[]}}}"
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":2,\"character\":4},\"end\":{\"line\":2,\"character\":9}},\"text\":\"Secretary General na\u00efve \"}]}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"position\":{\"line\":2,\"character\":8}}}"
  frame "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"},\"range\":{\"start\":{\"line\":2,\"character\":0},\"end\":{\"line\":2,\"character\":0}},\"context\":{\"only\":[\"source.fixAll.galley\"]}}}"
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":\"$uri\"}}}"
  frame '{"jsonrpc":"2.0","id":5,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
}
# fuzz_serve inputs: an endpoint byte (0 check, 1 fix, 2 file, 3 save, 4 Host/token, 5 path), then
# the body; the drafts go in as /api/check and /api/fix bodies, the rest are fixed requests.
serve_seeds() {
  local dir="$1" file text name
  for file in $(find fixtures -type f \( -name '*.md' -o -name '*.txt' \) | sort); do
    text="$(json_string "$file")"
    name="$(basename "$file")"
    printf '\0{"text":%s,"path":"%s"}' "$text" "$name" >"$dir/seed-check-$name"
    printf '\1{"text":%s,"path":"%s"}' "$text" "$name" >"$dir/seed-fix-$name"
  done
  printf '\1{"text":"The Secretary General spoke.\\n","path":"note.md","finding":{"rule":"un-style.title-hyphenation","begin":4,"end":21}}' >"$dir/seed-fix-finding"
  printf '\2note.md' >"$dir/seed-file-note"
  printf '\2../outside.md' >"$dir/seed-file-outside"
  printf '\3{"path":"note.md","original":"# Note\\n\\nThe Secretary General spoke on 14 June 2011.\\n","text":"# Note\\n"}' >"$dir/seed-save"
  printf '\4localhost:8765' >"$dir/seed-host"
  printf '\5sub/plain.txt' >"$dir/seed-path"
}

# Seeds per target: copies, so the corpus directory can grow without touching the repository.
seed_corpus() {
  local target="$1" dir="$build_dir/fuzz-corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    markdown|comments) find fixtures rules -name '*.md' -exec cp -n {} "$dir/" \; ;;
    plain_text|dates) find fixtures -type f \( -name '*.txt' -o -name '*.md' \) -exec cp -n {} "$dir/" \; ;;
    rule_pack) find rules -name '*.yaml' ! -name 'facts*' -exec cp -n {} "$dir/" \; ;;
    fact_base) find rules -name 'facts*.yaml' -exec cp -n {} "$dir/" \; ;;
    fix) find fixtures -type f \( -name '*.txt' -o -name '*.md' \) -exec cp -n {} "$dir/" \; ;;
    lsp)
      local file setup=x
      for file in $(find fixtures -type f \( -name '*.md' -o -name '*.txt' \) | sort); do
        lsp_session "$file" "$setup" >"$dir/seed-$setup-$(basename "$file")"
        [[ "$setup" == x ]] && setup=F || setup=x
      done ;;
    serve) serve_seeds "$dir" ;;
  esac
}
dict_for() {
  case "$1" in
    markdown|plain_text|comments|fix) echo fuzz/markdown.dict ;;
    lsp) echo fuzz/lsp.dict ;;
    serve) echo fuzz/serve.dict ;;
    rule_pack|fact_base) echo fuzz/yaml.dict ;;
    dates) echo fuzz/dates.dict ;;
  esac
}

mkdir -p "$build_dir/fuzz-artifacts" "$build_dir/fuzz-logs"
status=0
summary=()
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [[ -n "$replay_root" ]]; then
  for target in "${targets[@]}"; do
    corpus="$replay_root/$target"
    [[ -d "$corpus" ]] || { say "$target: no corpus in $corpus, skipped"; continue; }
    log="$build_dir/fuzz-logs/replay-$target.log"
    say "$target: replaying $(ls "$corpus" | wc -l) inputs"
    if ! "$build_dir/fuzz/fuzz_$target" -runs=0 -timeout=30 -rss_limit_mb=2048 \
         -artifact_prefix="$build_dir/fuzz-artifacts/replay-$target-" "$corpus" >"$log" 2>&1; then
      status=1
      say "$target FAILED on replay; the log's end:"
      tail -n 40 "$log"
    fi
  done
  exit "$status"
fi
for target in "${targets[@]}"; do
  seed_corpus "$target"
  log="$build_dir/fuzz-logs/$target.log"
  args=(-seed="$seed" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len="$max_len"
        -dict="$(dict_for "$target")" -print_final_stats=1
        -artifact_prefix="$build_dir/fuzz-artifacts/$target-")
  [[ -n "${GALLEY_FUZZ_RUNS:-}" ]] && args+=(-runs="$GALLEY_FUZZ_RUNS")
  # shellcheck disable=SC2206  # extra libFuzzer flags, split on spaces on purpose
  [[ -n "${GALLEY_FUZZ_FLAGS:-}" ]] && args+=($GALLEY_FUZZ_FLAGS)
  say "$target: up to ${seconds}s (seed $seed${GALLEY_FUZZ_RUNS:+, at most $GALLEY_FUZZ_RUNS runs})"
  start=$SECONDS
  if ! "$build_dir/fuzz/fuzz_$target" "${args[@]}" "$build_dir/fuzz-corpus/$target" >"$log" 2>&1; then
    status=1
    say "$target FAILED; the log's end and the artifact:"
    tail -n 40 "$log"
    ls "$build_dir/fuzz-artifacts" | grep "^$target-" || true
  fi
  execs="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  last="$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo 'cov: ? ft: ?')"
  summary+=("$(printf '%-10s %6ss  %10s execs  %s  corpus %s files' "$target" "$((SECONDS - start))" "$execs" "$last" \
              "$(ls "$build_dir/fuzz-corpus/$target" | wc -l)")")
done
say "summary (target, seconds, executions, coverage, corpus):"
printf '  %s\n' "${summary[@]}"
exit "$status"
