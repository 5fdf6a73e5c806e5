// The `substitution` kind: which hits fire, where they are reported, and the exact fix edits.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "checks/RuleSet.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

struct Result {
  std::string source;
  std::vector<diag::Diagnostic> diagnostics;
  [[nodiscard]] std::string text(const diag::Diagnostic& d) const {
    return source.substr(d.range.begin, d.range.end - d.range.begin);
  }
};

Result check(const std::string& yaml, const std::string& draft, const std::string& path = "draft.md") {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", yaml, "t");
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  const document::Document document = document::parseDocument(base::SourceBuffer(path, draft));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  loaded.rules.run(document, annotations, sink);
  return {draft, sink.take()};
}

// Applies a diagnostic's fix to `source` (edits are sorted and do not overlap).
std::string applyFix(std::string source, const diag::Fix& fix) {
  for (auto it = fix.edits.rbegin(); it != fix.edits.rend(); ++it)
    source.replace(it->range.begin, it->range.end - it->range.begin, it->text);
  return source;
}

constexpr const char* kLiteral = R"(rules:
  - id: titles
    kind: substitution
    severity: error
    message: "Write '{expected}', not '{found}'"
    link: https://example.org/titles
    swap:
      Under-Secretary General: Under-Secretary-General
      Secretary General: Secretary-General
)";

TEST(SubstitutionCheck, LiteralHitCarriesIdSeverityMessageLinkAndSafeFix) {
  const Result r = check(kLiteral, "The Secretary General spoke first.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  const diag::Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.ruleId, "t.titles");
  EXPECT_EQ(d.severity, diag::Severity::Error);
  EXPECT_EQ(d.link, "https://example.org/titles");
  EXPECT_EQ(d.message, "Write 'Secretary-General', not 'Secretary General'");
  EXPECT_EQ(d.range, (base::Range{4, 21}));
  ASSERT_TRUE(d.fix.has_value());
  EXPECT_EQ(d.fix->applicability, diag::Applicability::Safe);
  ASSERT_EQ(d.fix->edits.size(), 1U);
  EXPECT_EQ(d.fix->edits[0].range, (base::Range{4, 21}));
  EXPECT_EQ(d.fix->edits[0].text, "Secretary-General");
  EXPECT_EQ(applyFix(r.source, *d.fix), "The Secretary-General spoke first.\n");
}

TEST(SubstitutionCheck, LongestKeyWinsAndShorterKeyDoesNotFireInside) {
  const Result r = check(kLiteral, "Remarks of the Under-Secretary General today.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.text(r.diagnostics[0]), "Under-Secretary General");
  EXPECT_EQ(applyFix(r.source, *r.diagnostics[0].fix), "Remarks of the Under-Secretary-General today.\n");
}

TEST(SubstitutionCheck, KeyNeverMatchesInsideAHyphenatedCompound) {
  const char* yaml = R"(rules:
  - {id: sg, kind: substitution, message: m, swap: {Secretary General: Secretary-General}}
)";
  EXPECT_TRUE(check(yaml, "The Under-Secretary General spoke.\n").diagnostics.empty());
  EXPECT_TRUE(check(yaml, "The Secretary Generals spoke.\n").diagnostics.empty());
  EXPECT_EQ(check(yaml, "The Secretary General\u2019s office.\n").diagnostics.size(), 1U);  // curly apostrophe ends a word
  EXPECT_EQ(check(yaml, "The Secretary\nGeneral arrived.\n").diagnostics.size(), 1U);    // across a line break
}

constexpr const char* kRegex = R"(rules:
  - id: titles
    kind: substitution
    message: "'{found}' -> '{expected}'"
    regex: true
    swap:
      "Under[- ]?[Ss]ecretary[- ]?[Gg]eneral": Under-Secretary-General
      "Secretary[- ]?[Gg]eneral": Secretary-General
)";

TEST(SubstitutionCheck, RegexKeysSkipTextThatIsAlreadyRight) {
  const Result r = check(kRegex,
                         "The Under-Secretary-General met the Secretary-General.\n\n"
                         "The Under Secretary-General met the Secretary-general.\n");
  ASSERT_EQ(r.diagnostics.size(), 2U);
  EXPECT_EQ(r.text(r.diagnostics[0]), "Under Secretary-General");
  EXPECT_EQ(r.diagnostics[0].message, "'Under Secretary-General' -> 'Under-Secretary-General'");
  EXPECT_EQ(r.text(r.diagnostics[1]), "Secretary-general");
  EXPECT_EQ(r.diagnostics[1].fix->edits[0].text, "Secretary-General");
}

TEST(SubstitutionCheck, IgnoreCaseMatchesAnyCaseButSkipsTheExpectedSpelling) {
  const char* yaml = R"(rules:
  - {id: sg, kind: substitution, message: m, ignorecase: true, swap: {secretary-general: Secretary-General}}
)";
  EXPECT_TRUE(check(yaml, "The Secretary-General spoke.\n").diagnostics.empty());
  const Result r = check(yaml, "THE SECRETARY-GENERAL SPOKE.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.text(r.diagnostics[0]), "SECRETARY-GENERAL");
}

TEST(SubstitutionCheck, CaseSensitiveByDefault) {
  EXPECT_TRUE(check(kLiteral, "a secretary general of a club\n").diagnostics.empty());
}

TEST(SubstitutionCheck, MatchInsideBoldIsReportedAtItsSourceColumnWithAFix) {
  const Result r = check(kLiteral, "Talks with **Under-Secretary General** Fedotov.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].range, (base::Range{13, 36}));
  ASSERT_TRUE(r.diagnostics[0].fix.has_value());
  EXPECT_EQ(applyFix(r.source, *r.diagnostics[0].fix), "Talks with **Under-Secretary-General** Fedotov.\n");
}

TEST(SubstitutionCheck, MatchAcrossMarkupIsReportedWithoutAFix) {
  const Result r = check(kLiteral, "Talks with Under-Secretary **General** Fedotov.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].range.begin, 11U);
  EXPECT_FALSE(r.diagnostics[0].fix.has_value());
}

TEST(SubstitutionCheck, LinkTextIsCheckedButNotItsUrl) {
  const Result r = check(kLiteral, "See [the Secretary General](<https://example.org/Secretary General>).\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].range, (base::Range{9, 26}));
}

TEST(SubstitutionCheck, ScopeLimitsBlocks) {
  const char* yaml = R"(rules:
  - {id: sg, kind: substitution, message: m, scope: heading, swap: {Secretary General: Secretary-General}}
)";
  const Result r = check(yaml, "# Secretary General visits\n\nThe Secretary General spoke.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].range.begin, 2U);
}

}  // namespace
}  // namespace galley::checks
