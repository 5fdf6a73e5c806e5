// The `existence` kind: tokens as whole words, regex patterns, case handling and sentence scope.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "checks/Patterns.h"
#include "checks/RuleSet.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

std::vector<diag::Diagnostic> check(const std::string& yaml, const std::string& draft) {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", yaml, "t");
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  const document::Document document = document::parseDocument(base::SourceBuffer("draft.md", draft));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  loaded.rules.run(document, annotations, sink);
  return sink.take();
}

constexpr const char* kTokens = R"(rules:
  - id: placeholders
    kind: existence
    message: "Replace '{found}' before release"
    tokens: [TBC, to be confirmed]
)";

TEST(ExistenceCheck, TokensAreWholeWordsAndCaseInsensitiveByDefault) {
  const auto found = check(kTokens, "The venue is tbc and the date is To Be Confirmed.\n");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].range, (base::Range{13, 16}));
  EXPECT_EQ(found[0].message, "Replace 'tbc' before release");
  EXPECT_EQ(found[1].message, "Replace 'To Be Confirmed' before release");
  EXPECT_FALSE(found[0].fix.has_value());
  EXPECT_TRUE(check(kTokens, "The TBCs and TBC-list are fine; so is aTBC.\n").empty());
}

TEST(ExistenceCheck, IgnoreCaseFalseMatchesExactly) {
  const char* yaml = R"(rules:
  - {id: un, kind: existence, message: m, ignorecase: false, tokens: [U.N.]}
)";
  EXPECT_EQ(check(yaml, "The U.N. office.\n").size(), 1U);
  EXPECT_TRUE(check(yaml, "The u.n. office.\n").empty());
}

TEST(ExistenceCheck, PatternsAreUsedAsWritten) {
  const char* yaml = R"(rules:
  - id: xx-dates
    kind: existence
    message: "Unfinished date '{found}'"
    patterns: ['\bXX\s+(?:March|June)', '\d+(?:st|nd|rd|th) of']
)";
  const auto found = check(yaml, "On XX March, and on the 14th of June.\n");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].message, "Unfinished date 'XX March'");
  EXPECT_EQ(found[1].message, "Unfinished date '14th of'");
}

TEST(ExistenceCheck, SentenceScopeKeepsMatchesInsideOneSentence) {
  const char* anywhere = R"(rules:
  - {id: a, kind: existence, message: m, pattern: 'Vienna\.\s+Talks'}
)";
  const char* inSentence = R"(rules:
  - {id: a, kind: existence, message: m, pattern: 'Vienna\.\s+Talks', scope: sentence}
)";
  const std::string draft = "They met in Vienna. Talks went on.\n";
  EXPECT_EQ(check(anywhere, draft).size(), 1U);
  EXPECT_TRUE(check(inSentence, draft).empty());
}

TEST(ExistenceCheck, NeedsSentencesOnlyForSentenceScope) {
  const auto plain = RuleSet::loadText("t.yaml", kTokens, "t");
  EXPECT_FALSE(plain.rules.needs().sentences);
  const auto scoped =
      RuleSet::loadText("t.yaml", "rules:\n  - {id: a, kind: existence, message: m, tokens: x, scope: sentence}\n", "t");
  EXPECT_TRUE(scoped.rules.needs().sentences);
}

}  // namespace
}  // namespace galley::checks

namespace galley::checks {
namespace {

// wordBounded() adds a start-of-word assertion only for patterns whose every match begins with a
// word byte; a wrong "true" would lose matches that begin with punctuation or a non-ASCII letter.
TEST(Patterns, StartsWithWordByteIsConservative) {
  EXPECT_TRUE(startsWithWordByte("Secretary General"));
  EXPECT_TRUE(startsWithWordByte("(Under[- ]?[Ss]ecretary)|(Director[- ]?[Gg]eneral)"));
  EXPECT_TRUE(startsWithWordByte("(?:centre|theatre|fibre)s?|centred"));
  EXPECT_TRUE(startsWithWordByte("[A-Z][a-z]+"));
  EXPECT_FALSE(startsWithWordByte("a?b"));  // an optional first atom is not looked past
  EXPECT_FALSE(startsWithWordByte("(?:a|b)*c"));
  EXPECT_FALSE(startsWithWordByte("x|\\(y\\)"));           // one alternative starts with '('
  EXPECT_FALSE(startsWithWordByte("[^a-z]x"));
  EXPECT_FALSE(startsWithWordByte("[[:alpha:]]+"));        // POSIX classes: unsure, so no
  EXPECT_FALSE(startsWithWordByte("(?=a)a"));
  EXPECT_FALSE(startsWithWordByte("(?i)abc"));
  EXPECT_FALSE(startsWithWordByte("\\x{C3}\\x{98}berg"));  // Øberg: a non-ASCII first letter
  EXPECT_FALSE(startsWithWordByte(".x"));
  EXPECT_FALSE(startsWithWordByte("a|"));
  EXPECT_FALSE(startsWithWordByte("a{0,1}b"));
  EXPECT_FALSE(startsWithWordByte("(a"));
}

TEST(Patterns, WordBoundedFindsTheSameWordsEitherWay) {
  // The same text through a pattern that gets the start-of-word assertion and one that does not.
  const std::string text = "Under-Secretary-General; (UN) Secretary General, xSecretary General_ Secretary General.";
  const boost::regex fast(wordBounded("Secretary General"));
  const boost::regex slow(wordBounded("(?:Secretary General)?Secretary General"));
  ASSERT_NE(wordBounded("Secretary General").rfind("\\<", 0), std::string::npos);
  ASSERT_EQ(wordBounded("(?:Secretary General)?Secretary General").rfind("\\<", 0), std::string::npos);
  std::vector<long> fastAt;
  std::vector<long> slowAt;
  for (boost::sregex_iterator it(text.begin(), text.end(), fast), end; it != end; ++it) fastAt.push_back(it->position());
  for (boost::sregex_iterator it(text.begin(), text.end(), slow), end; it != end; ++it) slowAt.push_back(it->position());
  EXPECT_EQ(fastAt, slowAt);
  // "(UN) Secretary General," and "Secretary General."; the hyphenated title and
  // "xSecretary General_" are not whole words.
  EXPECT_EQ(fastAt.size(), 2U);
}

}  // namespace
}  // namespace galley::checks
