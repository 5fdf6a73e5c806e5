// Throughput of the date recognizer on a generated, communiqué-like 1 MB text.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/Calendar.h"
#include "dates/DateRecognizer.h"

namespace {

constexpr std::size_t kTargetBytes = 1U << 20U;

// Sentence templates in the register of a press release; "{D}" is replaced by a generated date
// expression so that dates are dense (about one per sentence) but the text is mostly prose.
constexpr std::array<std::string_view, 8> kSentences = {
    "The Secretary-General of the Organisation met the Executive Director in Vienna on {D}.",
    "The two sides reviewed cooperation against illicit drug trafficking, which has grown since {D}.",
    "They recalled the memorandum of understanding signed in Astana and the joint declaration of {D}.",
    "The day before, a high-level event on anti-drug cooperation was held on the margins of the session.",
    "The Commission held its regular session from {D}, and delegations adopted several resolutions.",
    "Member States may wish to continue the dialogue at the summit planned for {D}.",
    "The Office, established in 1997, reported on progress made over the last few months.",
    "Both parties agreed to meet again {D} to prepare the joint plan of action for 2018.",
};

constexpr std::array<std::string_view, 10> kDates = {
    "14 March 2017", "13-17 March 2017", "June of this year", "2004", "5 April 2010",
    "Tuesday, 14 March 2017", "next week", "8-9 June 2017", "the coming months", "21 November 2016",
};

std::string makeText() {
  std::string text;
  text.reserve(kTargetBytes + 256);  // NOLINT(readability-magic-numbers)
  uint32_t state = 12345;            // fixed seed: the same text on every run
  while (text.size() < kTargetBytes) {
    state = state * 1103515245U + 12345U;  // NOLINT(readability-magic-numbers)
    const std::string_view sentence = kSentences.at((state >> 16U) % kSentences.size());
    state = state * 1103515245U + 12345U;  // NOLINT(readability-magic-numbers)
    const std::string_view date = kDates.at((state >> 16U) % kDates.size());
    const auto hole = sentence.find("{D}");
    if (hole == std::string_view::npos) {
      text += sentence;
    } else {
      text += sentence.substr(0, hole);
      text += date;
      text += sentence.substr(hole + 3);
    }
    text += (state & 7U) == 0 ? "\n\n" : " ";
  }
  return text;
}

void recognizeOneMegabyte(benchmark::State& state) {
  const std::string text = makeText();
  const galley::dates::DateRecognizer recognizer;
  const galley::base::CivilDate reference{2017, 3, 14};
  std::size_t found = 0;
  for (auto _ : state) {
    const auto dates = recognizer.recognize(text, reference);
    found = dates.size();
    benchmark::DoNotOptimize(dates.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["dates"] = static_cast<double>(found);
}
BENCHMARK(recognizeOneMegabyte)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
