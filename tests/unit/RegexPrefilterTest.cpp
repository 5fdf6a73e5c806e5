// RegexPrefilter and LiteralAutomaton: the literals derived from patterns, and matches identical
// with and without the prefilter.
#include "checks/RegexPrefilter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "annotate/Annotations.h"
#include "base/LiteralAutomaton.h"
#include "checks/Patterns.h"
#include "document/Document.h"

namespace galley::checks {
namespace {

std::vector<std::string> literalTexts(std::string_view pattern, bool ignoreCase) {
  const auto literals = requiredLiterals(pattern, ignoreCase);
  if (!literals) return {};
  std::vector<std::string> out;
  for (const RequiredLiteral& l : *literals) out.push_back(l.text);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LiteralAutomatonTest, FindsOverlappingOccurrencesInEndOrder) {
  base::LiteralAutomaton automaton;
  const auto he = automaton.add("he");
  const auto she = automaton.add("she");
  const auto hers = automaton.add("hers");
  EXPECT_EQ(automaton.add("he"), he);
  automaton.build();
  std::vector<std::pair<base::LiteralAutomaton::LiteralId, size_t>> hits;
  automaton.forEach("ushers", [&](auto id, size_t end) { hits.emplace_back(id, end); });
  const std::vector<std::pair<base::LiteralAutomaton::LiteralId, size_t>> expected{{she, 4}, {he, 4}, {hers, 6}};
  EXPECT_EQ(hits, expected);
}

TEST(LiteralAutomatonTest, FoldsAsciiCaseOnlyWhenAsked) {
  base::LiteralAutomaton exact;
  exact.add("Kazakstan");
  exact.build();
  base::LiteralAutomaton folded(true);
  folded.add("Kazakstan");
  folded.build();
  size_t exactHits = 0;
  size_t foldedHits = 0;
  exact.forEach("KAZAKSTAN kazakstan Kazakstan", [&](auto, size_t) { ++exactHits; });
  folded.forEach("KAZAKSTAN kazakstan Kazakstan", [&](auto, size_t) { ++foldedHits; });
  EXPECT_EQ(exactHits, 1U);
  EXPECT_EQ(foldedHits, 3U);
}

TEST(RequiredLiteralsTest, LiteralsAlternationsClassesAndOptionalParts) {
  EXPECT_EQ(literalTexts("Kazakstan", false), std::vector<std::string>{"Kazakstan"});
  EXPECT_EQ(literalTexts("Kazakstan", true), std::vector<std::string>{"kazakstan"});
  EXPECT_EQ(literalTexts("(program)|(centers?)", false), (std::vector<std::string>{"center", "program"}));
  EXPECT_EQ(literalTexts("[Kk]irgizstan", false), (std::vector<std::string>{"Kirgizstan", "kirgizstan"}));
  // A long literal is preferred to the expansion of an optional separator.
  EXPECT_EQ(literalTexts(R"(Secretary[- ]?[Gg]eneral)", false), std::vector<std::string>{"Secretary"});
  EXPECT_EQ(literalTexts(R"(U\.N\.)", false), std::vector<std::string>{"U.N."});
  // The literal may follow a bounded prefix; its offset from the match start is kept.
  const auto titled = requiredLiterals(R"((?:Mr|Mrs|Ms|Dr|Prof)\.?\sSmith)", false);
  ASSERT_TRUE(titled.has_value());
  ASSERT_EQ(titled->size(), 1U);
  EXPECT_EQ(titled->front().text, "Smith");
  EXPECT_EQ(titled->front().maxBefore, 6U);  // "Prof." and one space
}

TEST(RequiredLiteralsTest, NoLiteralWhenAMatchNeedNotContainOne) {
  EXPECT_TRUE(literalTexts(R"(\w+ing)", false).empty());               // literal after an unbounded prefix
  EXPECT_TRUE(literalTexts(R"(colou?r|hu)", false).empty());           // "hu" is too short
  EXPECT_TRUE(literalTexts(R"((?:foo)?ba)", false).empty());           // "ba" is short, "foo" optional
  EXPECT_TRUE(literalTexts(R"((?i)Secretary)", false).empty());        // inline flags are not modelled
  EXPECT_TRUE(literalTexts(R"(\p{Lu}\w+)", false).empty());            // nor Unicode properties
  EXPECT_TRUE(literalTexts(R"([0-9]{1,2} [A-Z][a-z]+)", false).empty());
  EXPECT_TRUE(literalTexts(R"((?=Kazakstan)\w+)", false).empty());     // a lookahead consumes nothing
  EXPECT_TRUE(literalTexts("Côte", true).empty());                     // non-ASCII under ignorecase
  EXPECT_FALSE(literalTexts("Côte d'Ivoire", false).empty());
}

struct Found {
  size_t begin = 0;
  size_t end = 0;
  std::vector<bool> groups;
  bool operator==(const Found&) const = default;
};

std::vector<Found> plainMatches(const boost::regex& regex, std::string_view text, base::Range span) {
  std::vector<Found> out;
  forEachMatch(regex, text, span, [&](const boost::cmatch& m) {
    Found f{static_cast<size_t>(m[0].first - text.data()), static_cast<size_t>(m[0].second - text.data()), {}};
    for (size_t g = 1; g < m.size(); ++g) f.groups.push_back(m[static_cast<int>(g)].matched);
    out.push_back(f);
  });
  return out;
}

std::vector<Found> filteredMatches(const PrefilteredRegex& regex, std::string_view text, base::Range span) {
  std::vector<Found> out;
  regex.forEachMatch(text, span, [&](const boost::cmatch& m) {
    Found f{static_cast<size_t>(m[0].first - text.data()), static_cast<size_t>(m[0].second - text.data()), {}};
    for (size_t g = 1; g < m.size(); ++g) f.groups.push_back(m[static_cast<int>(g)].matched);
    out.push_back(f);
  });
  return out;
}

const std::vector<std::string>& testPatterns() {
  static const std::vector<std::string> patterns = {
      "(Kazakstan)|(Kirgizstan)|(Uzbekstan)",
      R"((Under[- ]?[Ss]ecretary[- ]?[Gg]eneral)|(Secretary[- ]?[Gg]eneral)|(Director[- ]?[Gg]eneral))",
      R"((program)|(programs)|(programme))",
      R"((?:organ|recogn|real)iz(?:e|es|ed|ing|ation))",
      R"((co-operat(?:e|ion))|(cooperat(?:e|ion)))",
      R"(web\s+site|e-mail)",
      R"((?<!the )Secretariat(?! of))",
      R"((?:Mr|Mrs)\.? Smith)",
      R"(U\.N\.)",
      R"(\w+ing)",
      R"([0-9]{1,2} (?:January|June|July) [0-9]{4})",
      R"((?:ab)+abc)",
      R"(aaa|aaaa)",
      R"(Sec(?=retary)\w+)",
      R"(Côte d['’]Ivoire)",
      R"((\w+) \1 again)",
  };
  return patterns;
}

const std::vector<std::string>& testTexts() {
  static const std::vector<std::string> texts = {
      "The Secretary General met the Under Secretary-General and the Under-secretary-general; "
      "the Director General and the Secretary-General spoke.",
      "KAZAKSTAN, kazakstan and Kazakstan; Kirgizstan-based, Uzbekstans, Kazakhstan.",
      "The program, two programs, the programme and programmer programs.",
      "They organize, recognized, realizing and organisation and organization.",
      "co-operate, cooperation, Co-operation, co-operatives.",
      "Visit our web  site or e-mail us; the website.",
      "The Secretariat of the SCO and the Secretariat and a Secretariat.",
      "Mr Smith, Mrs. Smith and Ms Smith met Mr. Smithson.",
      "The U.N. and the UN and U.N.O.",
      "Opening the meeting, the speaker was reading and writing.",
      "On 14 June 2011 and 5 July 2017 and 31 January 99.",
      "ababababc abc ababc aaaaaa aaa",
      "Secretary Secretariat Sector",
      "Côte d’Ivoire and Côte d'Ivoire and CÔTE D'IVOIRE",
      "again and again the the again",
  };
  return texts;
}

// Every pattern, word-bounded or not, case-insensitive or not, over every text and several spans:
// the prefiltered scan gives exactly the matches (and capture groups) of the plain one.
TEST(PrefilteredRegexTest, SameMatchesAsThePlainScan) {
  const std::vector<std::string>& patterns = testPatterns();
  const std::vector<std::string>& texts = testTexts();
  for (const std::string& pattern : patterns) {
    for (const bool ignoreCase : {false, true}) {
      for (const bool bounded : {false, true}) {
        const std::string source = bounded ? wordBounded(pattern) : pattern;
        boost::regex::flag_type flags = boost::regex::perl;
        if (ignoreCase) flags |= boost::regex::icase;
        const boost::regex regex(source, flags);
        const PrefilteredRegex filtered(regex, pattern, ignoreCase);
        for (const std::string& text : texts) {
          const auto size = static_cast<base::Offset>(text.size());
          for (const base::Range span : {base::Range{0, size}, base::Range{4, size}, base::Range{0, size / 2},
                                         base::Range{size / 3, size - 3}}) {
            EXPECT_EQ(filteredMatches(filtered, text, span), plainMatches(regex, text, span))
                << "pattern " << source << (ignoreCase ? " (icase)" : "") << " on '" << text << "' span "
                << span.begin << ".." << span.end;
          }
        }
      }
    }
  }
}

// Every pattern in both case modes and both boundings enrolled in one bank (as a rule set's regex
// rules are): each text is scanned once for all of them, and every regex still gets exactly the
// plain scan's matches, on spans that cut literals at either end.
TEST(PrefilteredRegexTest, OneBankForEveryRegexGivesTheSameMatches) {
  std::vector<boost::regex> regexes;
  std::vector<std::unique_ptr<PrefilteredRegex>> filtered;
  for (const std::string& pattern : testPatterns()) {
    for (const bool ignoreCase : {false, true}) {
      for (const bool bounded : {false, true}) {
        boost::regex::flag_type flags = boost::regex::perl;
        if (ignoreCase) flags |= boost::regex::icase;
        regexes.emplace_back(bounded ? wordBounded(pattern) : pattern, flags);
        filtered.push_back(std::make_unique<PrefilteredRegex>(regexes.back(), pattern, ignoreCase));
      }
    }
  }
  LiteralBank bank;
  size_t enrolled = 0;
  for (const auto& regex : filtered) {
    regex->enrol(bank);
    if (regex->filtered()) ++enrolled;
  }
  bank.build();
  ASSERT_GT(enrolled, filtered.size() / 2);
  const document::Document document{base::SourceBuffer("draft.md", "")};
  annotate::Annotations annotations(document);  // one draft: its texts' hits are kept here
  for (const std::string& text : testTexts()) {
    const auto size = static_cast<base::Offset>(text.size());
    for (const base::Range span : {base::Range{0, size}, base::Range{4, size}, base::Range{0, size / 2},
                                   base::Range{size / 3, size - 3}, base::Range{7, 8}}) {
      for (const auto& regex : filtered) {
        std::vector<Found> banked;
        regex->forEachMatch(annotations, text, span, [&](const boost::cmatch& m) {
          Found f{static_cast<size_t>(m[0].first - text.data()), static_cast<size_t>(m[0].second - text.data()), {}};
          for (size_t g = 1; g < m.size(); ++g) f.groups.push_back(m[static_cast<int>(g)].matched);
          banked.push_back(f);
        });
        EXPECT_EQ(banked, plainMatches(regex->regex(), text, span))
            << "pattern " << regex->regex().str() << " on '" << text << "' span " << span.begin << ".." << span.end;
      }
    }
  }
}

TEST(PrefilteredRegexTest, FiltersOnlyWhenALiteralIsRequired) {
  EXPECT_TRUE(PrefilteredRegex(boost::regex("Kazakstan"), "Kazakstan", false).filtered());
  EXPECT_FALSE(PrefilteredRegex(boost::regex(R"(\w+ing)"), R"(\w+ing)", false).filtered());
  EXPECT_FALSE(PrefilteredRegex(boost::regex("Kazakstan"), "", false).filtered());
}

}  // namespace
}  // namespace galley::checks
