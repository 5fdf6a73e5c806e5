// The whole per-file pipeline (parse, annotate, every bundled rule, suppressions, sort) on a 4 KB
// release written in code, in bytes per second: the figure that decides how long an archive takes.
#include <benchmark/benchmark.h>

#include <iostream>
#include <string>

#include "engine/Engine.h"
#include "engine/RuleLoading.h"

namespace {

// One release in the house style: front matter, headline, dateline, titles, dates, a quote, a
// list and a table; a few planted slips so that the checks also build diagnostics.
std::string release() {
  std::string text =
      "---\ntitle: SCO and UNODC review joint work\ndate: 2017-03-14\nplace: Vienna\n---\n\n"
      "# SCO and UNODC review joint work\n\n"
      "**VIENNA, 14 March 2017** – The Secretary-General of the SCO held talks with the Executive "
      "Director of UNODC at the United Nations office in Vienna on Tuesday, 14 March 2017.\n\n"
      "The two sides recalled the Memorandum of Understanding signed in Astana on 14 June 2011 and "
      "the programme of joint work adopted the day before, on 13 March 2017. The organisation "
      "recognised the progress made since 2004 and agreed to meet again later in June of this year.\n\n"
      "> \"Our cooperation has grown every year,\" the Under-Secretary General said, noting the "
      "work of the the regional centre.\n\n"
      "Next steps:\n\n"
      "- a joint workshop on 25 July 2017 (Tuesday);\n"
      "- a report to the member states by the end of the year;\n"
      "- a review of the organization's plan in 2018.\n\n"
      "| Date | Event |\n|---|---|\n| 14 June 2011 | Memorandum signed in Astana |\n"
      "| 13 March 2017 | Work programme adopted |\n\n";
  const std::string filler =
      "Delegations from the member states discussed drug control, border security and the "
      "prevention of terrorism, and heard reports on the results of earlier meetings held in "
      "Tashkent and Beijing. ";
  while (text.size() < 4096 - filler.size()) text += filler;
  text += "\n";
  return text;
}

void bmCheckRelease(benchmark::State& state) {
  const auto rules = galley::engine::loadRules({{}, true, {}}, std::cerr);
  if (!rules) {
    state.SkipWithError("the bundled rule packs did not load");
    return;
  }
  const galley::engine::Engine engine(galley::engine::hooksFor(*rules), {});
  const std::string text = release();
  size_t diagnostics = 0;
  for (auto _ : state) {
    const galley::engine::FileResult result = engine.lint(galley::base::SourceBuffer("release.md", text));
    diagnostics = result.diagnostics.size();
    benchmark::DoNotOptimize(diagnostics);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["diagnostics"] = static_cast<double>(diagnostics);
}
BENCHMARK(bmCheckRelease)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
