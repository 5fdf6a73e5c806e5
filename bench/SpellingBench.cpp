// The `spelling` and `name-spelling` kinds on 1 MB of release prose (the repository's clean
// fixtures, repeated): the cost per MB reported in the README. The dictionary's memo of words is
// warm after the first iteration, as it is over a corpus of releases.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "annotate/Annotations.h"
#include "checks/RuleSet.h"
#include "document/Parser.h"

namespace {

constexpr size_t kTextBytes = size_t{1} << 20;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The body text (front matter left out) of the clean fixtures, repeated to 1 MB.
std::string megabyte() {
  std::string corpus;
  for (const char* name : {"/fixtures/sco-un/clean-seed-release.md", "/fixtures/un-style/clean-briefing.md",
                           "/fixtures/drafts/clean-release.md", "/fixtures/dates/clean-dated-release.md",
                           "/fixtures/sco-un/name-spelling-silent.md"}) {
    std::string text = readFile(std::string(GALLEY_SOURCE_DIR) + name);
    if (text.starts_with("---")) text.erase(0, text.find("\n---", 3) + 4);
    corpus += text + "\n\n";
  }
  std::string out;
  while (out.size() < kTextBytes) out += corpus;
  return out;
}

constexpr const char* kRules = R"(rules:
  - id: spelling
    kind: spelling
    message: "{found}"
  - id: names
    kind: name-spelling
    message: "{found}"
    honorifics: [Mr, Ms]
    accept-endings: [a, i, s]
)";

void bmSpelling(benchmark::State& state, const char* only) {
  auto loaded = galley::checks::RuleSet::loadText(GALLEY_SOURCE_DIR "/rules/sco-un/bench-spelling.yaml", kRules,
                                                  "sco-un");
  if (!loaded.errors.empty()) {
    for (const auto& error : loaded.errors) std::cerr << error.toString() << '\n';
    state.SkipWithError("rules did not load");
    return;
  }
  const std::string text = megabyte();
  const auto document = galley::document::parseDocument(galley::base::SourceBuffer("bench.md", text),
                                                        galley::document::Format::Markdown);
  size_t found = 0;
  for (auto _ : state) {
    galley::annotate::Annotations annotations(document);
    galley::diag::DiagnosticSink sink;
    loaded.rules.run(document, annotations, sink, {only});
    found = sink.diagnostics().size();
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["diagnostics"] = static_cast<double>(found);
}

BENCHMARK_CAPTURE(bmSpelling, spelling, "sco-un.spelling")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(bmSpelling, name_spelling, "sco-un.names")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
