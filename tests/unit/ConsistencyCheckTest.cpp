// The `consistency` kind: the first form used wins; later other forms are flagged with a note.
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
  [[nodiscard]] std::string text(base::Range range) const { return source.substr(range.begin, range.size()); }
};

Result check(const std::string& yaml, const std::string& draft) {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", yaml, "t");
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  const document::Document document = document::parseDocument(base::SourceBuffer("draft.md", draft));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  loaded.rules.run(document, annotations, sink);
  return {draft, sink.take()};
}

constexpr const char* kEither = R"(rules:
  - id: spelling
    kind: consistency
    message: "'{found}' differs from the first use, '{first}'"
    either:
      organisation: organization
)";

TEST(ConsistencyCheck, LaterOtherFormIsFlaggedWithANoteAtTheFirstUse) {
  const Result r = check(kEither, "The organisation met. Then the Organization agreed. The organisation closed.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  const diag::Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(r.text(d.range), "Organization");
  EXPECT_EQ(d.message, "'Organization' differs from the first use, 'organisation'");
  ASSERT_EQ(d.notes.size(), 1U);
  ASSERT_TRUE(d.notes[0].range.has_value());
  EXPECT_EQ(*d.notes[0].range, (base::Range{4, 16}));
  EXPECT_EQ(d.notes[0].message, "first used here as 'organisation'");
  EXPECT_FALSE(d.fix.has_value());
}

TEST(ConsistencyCheck, WhicheverFormComesFirstWins) {
  const Result r = check(kEither, "The organization met. Then the organisation agreed.\n");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.text(r.diagnostics[0].range), "organisation");
}

TEST(ConsistencyCheck, OneFormThroughoutIsClean) {
  EXPECT_TRUE(check(kEither, "The organization met. The organization agreed.\n").diagnostics.empty());
}

TEST(ConsistencyCheck, FormsAreRegexesSoInflectionsCount) {
  const char* yaml = R"yaml(rules:
  - id: ise
    kind: consistency
    message: "{found}"
    forms:
      - ["(?:organ|recogn)is(?:e|es|ed|ing|ation)", "(?:organ|recogn)iz(?:e|es|ed|ing|ation)"]
      - ["programmes?", "programs?"]
)yaml";
  const Result r = check(yaml, "# Programmes organised in May\n\nThe program was recognized by all.\n");
  ASSERT_EQ(r.diagnostics.size(), 2U);
  EXPECT_EQ(r.text(r.diagnostics[0].range), "recognized");
  EXPECT_EQ(r.text(*r.diagnostics[0].notes[0].range), "organised");  // the note crosses blocks
  EXPECT_EQ(r.text(r.diagnostics[1].range), "program");
  EXPECT_EQ(r.text(*r.diagnostics[1].notes[0].range), "Programmes");
}

TEST(ConsistencyCheck, ExceptionPhrasesDoNotCount) {
  const char* yaml = R"(rules:
  - id: spelling
    kind: consistency
    message: m
    either: {organisation: organization}
    exceptions: [World Health Organization]
)";
  EXPECT_TRUE(check(yaml, "The organisation wrote to the World Health Organization.\n").diagnostics.empty());
  EXPECT_EQ(check(yaml, "The organisation wrote to another organization.\n").diagnostics.size(), 1U);
}

TEST(ConsistencyCheck, HyphenatedCompoundIsOneWord) {
  const char* yaml = R"(rules:
  - {id: coop, kind: consistency, message: m, forms: [[co-operation, cooperation]]}
)";
  EXPECT_TRUE(check(yaml, "Their co-operation grew; non-cooperation ended.\n").diagnostics.empty());
  EXPECT_EQ(check(yaml, "Their co-operation grew; cooperation deepened.\n").diagnostics.size(), 1U);
}

TEST(ConsistencyCheck, GroupOfOneIsALoadError) {
  const auto loaded =
      RuleSet::loadText("t.yaml", "rules:\n  - {id: a, kind: consistency, message: m, forms: [[alone], [x, y]]}\n", "t");
  ASSERT_EQ(loaded.errors.size(), 1U);
  EXPECT_EQ(loaded.errors[0].message(), "a 'forms' group needs at least two forms");
  EXPECT_EQ(loaded.errors[0].location()->line, 2U);
  EXPECT_EQ(loaded.errors[0].location()->column, 53U);
}

}  // namespace
}  // namespace galley::checks
