#!/usr/bin/env bash
# Times Galley beside textlint + prh on the seeded benchmark corpus, in one run, and prints the
# ratios, peak memory and a parse-only figure (see the README's "Speed and memory").
#
#   bash bench/compare.sh                 # 5,000 files, 3 rounds
#   FILES=1000 ROUNDS=5 bash bench/compare.sh
#
# Steps: builds Galley in Release (build-rel/, tests off); generates the corpus and the 50/500
# substitution lists with ../shared/bench (skips, saying so, when ../shared is absent); installs
# textlint and textlint-rule-prh at pinned versions with npm into a scratch folder; then runs every
# command ROUNDS times round-robin (so a noisy machine spreads over all of them) under
# /usr/bin/time, and prints the median wall time, user+system CPU and peak RSS of each.
#
# Environment: FILES (5000), ROUNDS (3), SEED (42), JOBS (Galley's --jobs; default: one per core),
#              WORK (scratch folder; default: a fresh mktemp -d), BUILD_DIR (build-rel),
#              GALLEY (a galley binary to time instead of building one),
#              BASELINE (another galley binary, e.g. an older commit's, timed in the same rounds),
#              PEERS (a folder already holding the npm install, reused as is), SKIP_PEERS=1,
#              SHARED_BENCH (the shared bench folder, when not at ../shared/bench).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${SHARED_BENCH:-$root/../shared/bench}"
files="${FILES:-5000}"
rounds="${ROUNDS:-3}"
seed="${SEED:-42}"
build_dir="${BUILD_DIR:-$root/build-rel}"
work="${WORK:-$(mktemp -d)}"
jobs_flag=()
[[ -n "${JOBS:-}" ]] && jobs_flag=(--jobs "$JOBS")

say() { printf 'compare: %s\n' "$*" >&2; }

if [[ ! -f "$shared/gen_corpus.py" || ! -f "$shared/make_rules.py" ]]; then
  say "skipped: ../shared/bench (corpus generator and rule lists) is not next to the repository"
  exit 0
fi
[[ -x /usr/bin/time ]] || { say "needs GNU time (apt-get install time)"; exit 1; }

# --- build --------------------------------------------------------------------------------------
if [[ -n "${GALLEY:-}" ]]; then
  galley="$GALLEY"
else
  say "building Release in $build_dir"
  cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DGALLEY_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build_dir" --target galley -j "${GALLEY_JOBS:-2}" >/dev/null
  galley="$build_dir/galley"
fi

# --- inputs -------------------------------------------------------------------------------------
corpus="$work/corpus"
say "corpus: $files files, seed $seed -> $corpus"
[[ -d "$corpus" ]] || python3 "$shared/gen_corpus.py" "$corpus" --files "$files" --seed "$seed" >&2
python3 "$shared/make_rules.py" "$work/rules" >/dev/null
for n in 50 500; do
  python3 "$root/bench/substitution_pack.py" "$work/rules/rules-$n.tsv" "$work/packs/prh$n/prh$n"
  printf '{"rules":{"prh":{"rulePaths":["%s/rules/prh-%s.yml"],"checkBlockQuote":true,"checkEmphasis":true}}}\n' \
    "$work" "$n" >"$work/textlint-prh$n.json"
done

# --- peers --------------------------------------------------------------------------------------
peers="${PEERS:-$work/peers}"
textlint="$peers/node_modules/.bin/textlint"
if [[ "${SKIP_PEERS:-0}" != 1 && ! -x "$textlint" ]]; then
  say "installing textlint@15.8.0 textlint-rule-prh@6.1.0 with npm into $peers"
  mkdir -p "$peers"
  (cd "$peers" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund --loglevel=error textlint@15.8.0 textlint-rule-prh@6.1.0 >&2)
fi

# name|command, run with bash -c; Galley's output goes to a file like the peers'.
# The parse-only run loads no rules at all: Galley still reads, parses and reports on every file.
galley_commands() {  # PREFIX BINARY
  printf '%s\n' \
    "$1-parse-only|\"$2\" check ${jobs_flag[*]} --no-cache --no-default-rules --format gcc \"$corpus\"" \
    "$1-bundled|\"$2\" check ${jobs_flag[*]} --no-cache --format gcc \"$corpus\"" \
    "$1-prh50|\"$2\" check ${jobs_flag[*]} --no-cache --no-default-rules --rules \"$work/packs/prh50\" --format gcc \"$corpus\"" \
    "$1-prh500|\"$2\" check ${jobs_flag[*]} --no-cache --no-default-rules --rules \"$work/packs/prh500\" --format gcc \"$corpus\""
}
mapfile -t commands < <(galley_commands galley "$galley")
if [[ -n "${BASELINE:-}" ]]; then
  mapfile -t -O "${#commands[@]}" commands < <(galley_commands baseline "$BASELINE")
fi
if [[ "${SKIP_PEERS:-0}" != 1 ]]; then
  commands+=("textlint-prh50|\"$textlint\" --no-color -c \"$work/textlint-prh50.json\" -f json \"$corpus/*.md\"")
fi

results="$work/timings.tsv"
: >"$results"
for ((round = 1; round <= rounds; round++)); do
  for entry in "${commands[@]}"; do
    name="${entry%%|*}"
    command="${entry#*|}"
    log="$work/time-$name-$round.log"
    # Galley exits 1 when it reports findings, textlint too: only the timing matters here.
    /usr/bin/time -v -o "$log" bash -c "$command" >"$work/out-$name.txt" 2>"$work/err-$name.txt" || true
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")"
    cpu="$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$log")"
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$log")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$wall" "$cpu" "$rss" >>"$results"
    say "round $round: $name ${wall}s wall, ${cpu}s CPU, ${rss} MB"
  done
done

# --- table --------------------------------------------------------------------------------------
mb="$(du -cb "$corpus"/*.md | tail -1 | awk '{printf "%.2f", $1 / 1e6}')"
python3 - "$results" "$files" "$mb" "$rounds" <<'PY'
import statistics, sys
path, files, mb, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = {}
for line in open(path):
    name, _, wall, cpu, rss = line.split("\t")
    rows.setdefault(name, []).append((float(wall), float(cpu), float(rss)))
med = {n: tuple(statistics.median(v[i] for v in r) for i in range(3)) for n, r in rows.items()}
print(f"\n{files} files, {mb} MB, median of {rounds} round-robin rounds\n")
print("| command | wall s | CPU s (user+sys) | peak RSS MB |")
print("|---|---:|---:|---:|")
for n, (w, c, m) in med.items():
    print(f"| {n} | {w:.2f} | {c:.2f} | {m:.1f} |")
def ratio(a, b, i, label):
    if a in med and b in med and med[b][i] > 0:
        print(f"- {label}: {med[a][i] / med[b][i]:.2f}x")
print()
ratio("textlint-prh50", "galley-bundled", 0, "textlint+prh50 / Galley bundled packs, wall (target >= 15x)")
ratio("textlint-prh50", "galley-prh50", 0, "textlint+prh50 / Galley same 50 rules, wall")
ratio("galley-bundled", "galley-parse-only", 1, "Galley bundled packs / parse-only, CPU (target <= 1.5x)")
ratio("galley-prh500", "galley-prh50", 1, "Galley 500 / 50 substitution rules, CPU (target < 1.2x)")
ratio("galley-prh500", "galley-prh50", 0, "Galley 500 / 50 substitution rules, wall")
ratio("baseline-bundled", "galley-bundled", 1, "baseline / this build, bundled packs, CPU")
ratio("baseline-parse-only", "galley-parse-only", 1, "baseline / this build, parse-only, CPU")
ratio("baseline-prh500", "baseline-prh50", 1, "baseline 500 / 50 substitution rules, CPU")
if "galley-bundled" in med:
    print(f"- Galley bundled packs peak RSS: {med['galley-bundled'][2]:.1f} MB (target < 32 MB)")
PY
say "raw timings and outputs in $work"
