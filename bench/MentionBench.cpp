// Mention finding on a 1 MB draft with 10, 100 and 1,000 entities: the cost must not grow
// linearly with the number of entities (issue 4 asks 1,000 < 3x the cost of 10).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "document/Parser.h"
#include "annotate/MentionFinder.h"
#include "facts/FactBase.h"
#include "facts/FactPack.h"

namespace {

using galley::facts::Entity;
using galley::facts::EntityKind;
using galley::facts::FactBase;

constexpr int64_t kManyEntities = 1000;
constexpr size_t kTextBytes = size_t{1} << 20;
constexpr size_t kParagraphBytes = 700;

// A fixed linear congruential generator: the same entities and text on every run.
class Lcg {
 public:
  uint32_t next() {
    // Knuth's MMIX constants; the high bits are the random ones.
    constexpr uint64_t kMultiplier = 6364136223846793005ULL;
    constexpr uint64_t kIncrement = 1442695040888963407ULL;
    constexpr unsigned kShift = 33U;
    state_ = state_ * kMultiplier + kIncrement;
    return static_cast<uint32_t>(state_ >> kShift);
  }
  template <typename T>
  const T& pick(const std::vector<T>& from) {
    return from[next() % from.size()];
  }

 private:
  static constexpr uint64_t kSeed = 42;
  uint64_t state_ = kSeed;
};

const std::vector<std::string> kAdjectives{"Regional", "Joint", "Central", "Permanent", "Eurasian", "Maritime",
                                          "Northern", "Southern", "Digital", "Financial", "Scientific", "Cultural"};
const std::vector<std::string> kNouns{"Council", "Office", "Commission", "Agency", "Centre", "Forum",
                                     "Fund", "Bureau", "Committee", "Institute", "Network", "Board"};
const std::vector<std::string> kTopics{"Trade", "Energy", "Security", "Transport", "Health", "Water",
                                      "Customs", "Statistics", "Youth", "Tourism", "Drug Control", "Migration"};
const std::vector<std::string> kFiller{"the", "parties", "discussed", "cooperation", "in", "and", "of", "a",
                                      "meeting", "was", "held", "with", "delegation", "officials", "on",
                                      "regional", "security", "programme", "support", "noted", "progress",
                                      "council", "office", "joint", "forum", "agency", "trade", "energy"};

// Entity i: "<Adjective> <Noun> for <Topic> <i>", alias "<initials><i>" (an acronym).
std::vector<Entity> makeEntities(size_t count) {
  Lcg lcg;
  std::vector<Entity> entities;
  for (size_t i = 0; i < count; ++i) {
    Entity entity;
    entity.id = "entity-" + std::to_string(i);
    entity.kind = EntityKind::Organisation;
    const std::string& adjective = lcg.pick(kAdjectives);
    const std::string& noun = lcg.pick(kNouns);
    const std::string& topic = lcg.pick(kTopics);
    entity.name = adjective;
    entity.name.append(" ").append(noun).append(" for ").append(topic).append(" ").append(std::to_string(i));
    entity.aliases.push_back(std::string{adjective[0], noun[0], topic[0]} + std::to_string(i));
    entities.push_back(std::move(entity));
  }
  return entities;
}

// Filler prose in paragraphs, naming the first ten entities now and then (so every entity count
// finds the same mentions and the comparison measures the automaton, not the hits).
std::string makeText() {
  const std::vector<Entity> named = makeEntities(10);
  Lcg lcg;
  std::string text;
  text.reserve(kTextBytes + kParagraphBytes);
  size_t lastBreak = 0;
  constexpr uint32_t kMentionEvery = 25;
  while (text.size() < kTextBytes) {
    if (lcg.next() % kMentionEvery == 0) {
      const Entity& entity = named[lcg.next() % named.size()];
      text += lcg.next() % 2 == 0 ? entity.name : entity.aliases.front();
    } else {
      text += lcg.pick(kFiller);
    }
    text += ' ';
    if (text.size() - lastBreak > kParagraphBytes) {
      text += ".\n\n";
      lastBreak = text.size();
    }
  }
  return text;
}

const galley::document::Document& sharedDocument() {
  static const auto* document = new galley::document::Document(galley::document::parseDocument(
      galley::base::SourceBuffer("bench.md", makeText()), galley::document::Format::Markdown));
  return *document;
}

void bmFindMentions(benchmark::State& state) {
  const auto count = static_cast<size_t>(state.range(0));
  const galley::facts::FactPack pack(FactBase(makeEntities(count), {}));
  const galley::annotate::MentionFinder finder(pack);
  const auto& document = sharedDocument();
  size_t mentions = 0;
  for (auto _ : state) {
    const auto found = finder.find(document);
    mentions = found.mentions.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(document.source.size()));
}

BENCHMARK(bmFindMentions)->Arg(10)->Arg(100)->Arg(kManyEntities)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
