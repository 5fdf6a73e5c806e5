// The per-document cost of the fact checks with 1 and with 8 fact rules of one pack: the model
// (annotate::Annotations) finds the mentions and extracts the claims once per document, so the
// 8-rule figure must stay far below 8 times the 1-rule figure (issue 7). A third figure, the model
// alone (mentions and claims, no check), shows what that shared work costs.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <iostream>
#include <string>

#include "annotate/Annotations.h"
#include "checks/RuleSet.h"
#include "document/Parser.h"
#include "facts/FactPack.h"

namespace {

// A 4 KB release naming the pack's entities, with claims for every fact property.
std::string release() {
  std::string text =
      "---\ntitle: SCO and UNODC review joint work\ndate: 2017-03-14\n---\n\n"
      "VIENNA, 14 March 2017 \xE2\x80\x93 SCO Secretary-General Rashid Alimov met UNODC Executive Director "
      "Yury Fedotov.\n\n"
      "The two recalled the SCO\xE2\x80\x93UNODC Memorandum of Understanding, signed in Astana on 14 June 2011, "
      "and the Joint Declaration on Cooperation between the UN and SCO Secretariats (Tashkent, 5 April 2010). "
      "UNODC was established in 1997. The Commission on Narcotic Drugs held its 60th session in Vienna.\n\n";
  const std::string filler =
      "Delegations from the member states of the SCO discussed drug control with UNODC, border security "
      "and the prevention of terrorism, and heard reports on earlier meetings held in Tashkent and Beijing. ";
  while (text.size() < 4096 - filler.size()) text += filler;
  text += "\n";
  return text;
}

// `count` fact rules (each a property subset, as a pack would split them) beside the sco-un facts.
std::string factRules(int count) {
  static constexpr const char* kProperties[] = {"date", "place", "founded", "since", "ordinal"};
  std::string yaml = "rules:\n";
  for (int i = 0; i < count; ++i) {
    yaml += "  - id: fact-" + std::to_string(i) + "\n    kind: fact\n    message: \"{found} / {expected}\"\n";
    yaml += "    properties: [" + std::string(kProperties[i % 5]) + "]\n";
  }
  return yaml;
}

void bmFactRules(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  auto loaded = galley::checks::RuleSet::loadText(GALLEY_SOURCE_DIR "/rules/sco-un/bench-facts.yaml", factRules(count),
                                                  "sco-un");
  if (!loaded.errors.empty()) {
    for (const auto& error : loaded.errors) std::cerr << error.toString() << '\n';
    state.SkipWithError("rules did not load");
    return;
  }
  const auto document = galley::document::parseDocument(galley::base::SourceBuffer("bench.md", release()),
                                                        galley::document::Format::Markdown);
  size_t found = 0;
  for (auto _ : state) {
    galley::annotate::Annotations annotations(document);  // one model per document, as the engine does
    galley::diag::DiagnosticSink sink;
    loaded.rules.run(document, annotations, sink);
    found = sink.diagnostics().size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["rules"] = count;
  state.counters["diagnostics"] = static_cast<double>(found);
}

BENCHMARK(bmFactRules)->Arg(1)->Arg(8)->Unit(benchmark::kMicrosecond);

// The shared work alone: the model's dates, mentions and claims for one pack.
void bmModelOnly(benchmark::State& state) {
  galley::base::ErrorList errors;
  const auto pack = galley::facts::FactPack::loadShared(
      galley::facts::FactPack::filesIn(GALLEY_SOURCE_DIR "/rules/sco-un"), errors);
  if (!pack) {
    state.SkipWithError("facts did not load");
    return;
  }
  const auto document = galley::document::parseDocument(galley::base::SourceBuffer("bench.md", release()),
                                                        galley::document::Format::Markdown);
  for (auto _ : state) {
    galley::annotate::Annotations annotations(document);
    benchmark::DoNotOptimize(annotations.claims(*pack).size());
  }
}

BENCHMARK(bmModelOnly)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
