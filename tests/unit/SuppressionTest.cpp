// Inline suppressions: regions, next-line, "all rules", re-enabling one rule, unknown ids.
#include <gtest/gtest.h>

#include "engine/Suppressions.h"

namespace galley::engine {
namespace {

// A document over `text` whose comments are every "<!-- ... -->" in it (as the parser gives them).
document::Document withComments(const std::string& text) {
  document::Document document(base::SourceBuffer("s.md", text));
  for (size_t at = text.find("<!--"); at != std::string::npos; at = text.find("<!--", at + 1)) {
    const size_t end = text.find("-->", at) + 3;
    std::string inside = text.substr(at + 4, end - 3 - at - 4);
    inside.erase(0, inside.find_first_not_of(' '));
    inside.erase(inside.find_last_not_of(' ') + 1);
    document.comments.push_back({{static_cast<base::Offset>(at), static_cast<base::Offset>(end)}, inside});
  }
  return document;
}

// One diagnostic of `rule` at every occurrence of `word`.
std::vector<diag::Diagnostic> hits(const std::string& text, const std::string& word, const std::string& rule) {
  std::vector<diag::Diagnostic> out;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    out.push_back({rule, diag::Severity::Error,
                   {static_cast<base::Offset>(at), static_cast<base::Offset>(at + word.size())}, word, {}, {}, ""});
  }
  return out;
}

std::vector<uint32_t> linesOf(const document::Document& document, const std::vector<diag::Diagnostic>& ds) {
  std::vector<uint32_t> lines;
  for (const auto& d : ds) lines.push_back(document.source.lineColumn(d.range.begin).line);
  return lines;
}

const std::vector<std::string> kKnown = {"p.a", "p.b"};

TEST(Suppression, RegionDisablesOneRuleUntilEnabled) {
  const std::string text = "A1\n<!-- galley-disable p.a -->\nA3 B3\n<!-- galley-enable p.a -->\nA5\n";
  const auto document = withComments(text);
  std::vector<diag::Diagnostic> warnings;
  const Suppressions suppressions(document, kKnown, warnings);
  auto ds = hits(text, "A", "p.a");
  auto bs = hits(text, "B", "p.b");
  suppressions.apply(document.source, ds);
  suppressions.apply(document.source, bs);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(linesOf(document, ds), (std::vector<uint32_t>{1, 5}));
  EXPECT_EQ(linesOf(document, bs), (std::vector<uint32_t>{3}));  // other rules untouched
}

TEST(Suppression, DisableAllThenReenableOne) {
  const std::string text = "A1 B1\n<!-- galley-disable -->\nA3 B3\n<!-- galley-enable p.b -->\nA5 B5\n<!-- galley-enable -->\nA7\n";
  const auto document = withComments(text);
  std::vector<diag::Diagnostic> warnings;
  const Suppressions suppressions(document, kKnown, warnings);
  auto ds = hits(text, "A", "p.a");
  auto bs = hits(text, "B", "p.b");
  suppressions.apply(document.source, ds);
  suppressions.apply(document.source, bs);
  EXPECT_EQ(linesOf(document, ds), (std::vector<uint32_t>{1, 7}));
  EXPECT_EQ(linesOf(document, bs), (std::vector<uint32_t>{1, 5}));
}

TEST(Suppression, NextLineOnlyTheLineAfterTheComment) {
  const std::string text = "<!-- galley-disable-next-line p.a, p.b -- quoted from the minutes -->\nA2 B2\nA3\n";
  const auto document = withComments(text);
  std::vector<diag::Diagnostic> warnings;
  const Suppressions suppressions(document, kKnown, warnings);
  auto ds = hits(text, "A", "p.a");
  suppressions.apply(document.source, ds);
  EXPECT_TRUE(warnings.empty()) << warnings.front().message;
  EXPECT_EQ(linesOf(document, ds), (std::vector<uint32_t>{3}));
}

TEST(Suppression, UnknownIdWarnsAtTheIdWithASuggestionAndSuppressesNothing) {
  const std::string text = "<!-- galley-disable-next-line p.c -->\nA2\n";
  const auto document = withComments(text);
  std::vector<diag::Diagnostic> warnings;
  const Suppressions suppressions(document, kKnown, warnings);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(warnings[0].ruleId, kUnknownSuppressionRule);
  EXPECT_EQ(warnings[0].severity, diag::Severity::Warning);
  EXPECT_EQ(document.source.slice(warnings[0].range), "p.c");
  EXPECT_EQ(warnings[0].message, "unknown rule 'p.c' in suppression comment; did you mean 'p.a'?");
  auto ds = hits(text, "A", "p.a");
  suppressions.apply(document.source, ds);
  EXPECT_EQ(ds.size(), 1U);  // an unknown id must not turn into "every rule"
}

TEST(Suppression, OtherCommentsAreIgnored) {
  const std::string text = "<!-- expect: p.a -->\n<!-- galley-fixture: clean -->\n<!-- a note -->\nA4\n";
  const auto document = withComments(text);
  std::vector<diag::Diagnostic> warnings;
  const Suppressions suppressions(document, kKnown, warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(suppressions.empty());
}

}  // namespace
}  // namespace galley::engine
