// The `acronym` kind's problems against the shipped sco-un fact base: used before its definition,
// defined twice, defined two ways, a wrong expansion, and where each stays silent.
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "checks/AcronymCheck.h"
#include "config/PackLoader.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

const std::array<config::KindSchema, 1> kSchemas{{
    {"acronym", config::Stability::Stable, AcronymCheck::kOptions, AcronymCheck::kPlaceholders},
}};

// Beside rules/sco-un/facts.yaml (virtually), so the checks find that fact base.
constexpr const char* kRules = R"(rules:
  - id: expansion
    kind: acronym
    message: "{acronym}: '{found}' / {expected}"
  - id: undefined
    kind: acronym
    problem: undefined
    known: [UN, SCO]
    message: "{acronym}: '{found}' / {expected}"
  - id: twice
    kind: acronym
    problem: twice
    message: "{acronym}: '{found}' / {expected}"
  - id: two-ways
    kind: acronym
    problem: two-ways
    message: "{acronym}: '{found}' / {expected}"
)";

struct Loaded {
  std::vector<std::unique_ptr<Check>> checks;
  std::vector<std::string> errors;
};

// The four rules, loaded once for the whole suite.
const Loaded& loaded() {
  static const Loaded kLoaded = [] {
    Loaded out;
    config::PackLoader loader(kSchemas);
    loader.addFile(GALLEY_SOURCE_DIR "/rules/sco-un/acronym-under-test.yaml", kRules, "t");
    config::LoadedConfigs configs = std::move(loader).finish();
    for (const auto& e : configs.errors) out.errors.push_back(e.toString());
    base::ErrorList errors;
    for (const auto& rule : configs.rules) {
      auto check = AcronymCheck::create(rule, errors);
      if (check) out.checks.push_back(std::move(check));
    }
    for (const auto& e : errors) out.errors.push_back(e.toString());
    return out;
  }();
  return kLoaded;
}

class AcronymCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& e : loaded().errors) ADD_FAILURE() << e;
    ASSERT_EQ(loaded().checks.size(), 4U);
  }

  // "rule: text of the range" for every diagnostic, sorted.
  static std::vector<std::string> check(const std::string& draft, std::vector<diag::Diagnostic>* out = nullptr) {
    const document::Document document = document::parseDocument(base::SourceBuffer("draft.md", draft));
    annotate::Annotations annotations(document);
    diag::DiagnosticSink sink;
    for (const auto& c : loaded().checks) c->run(document, annotations, sink);
    std::vector<diag::Diagnostic> diagnostics = sink.take();
    diag::sortAndDedupe(diagnostics);
    std::vector<std::string> texts;
    texts.reserve(diagnostics.size());
    for (const auto& d : diagnostics) texts.push_back(d.ruleId + ": " + draft.substr(d.range.begin, d.range.size()));
    if (out != nullptr) *out = std::move(diagnostics);
    return texts;
  }
};

using Lines = std::vector<std::string>;

TEST_F(AcronymCheckTest, FirstUseBeforeTheDefinitionWithUnsafeFix) {
  std::vector<diag::Diagnostic> d;
  EXPECT_EQ(check("CND delegates met.\n\nThe Commission on Narcotic Drugs (CND) then voted. The CND closed.\n", &d),
            (Lines{"t.undefined: CND"}));
  ASSERT_EQ(d.size(), 1U);
  ASSERT_TRUE(d[0].fix);
  EXPECT_EQ(d[0].fix->applicability, diag::Applicability::Unsafe);
  EXPECT_EQ(d[0].fix->edits.at(0).text, "Commission on Narcotic Drugs (CND)");
}

TEST_F(AcronymCheckTest, HeadlinesKnownAcronymsAndAnEarlierFullNameAreAccepted) {
  EXPECT_EQ(check("# UNODC and CND meet\n\nThe UN and the SCO met the United Nations Office on Drugs and Crime, "
                  "and UNODC staff took notes.\n"),
            Lines{});
}

TEST_F(AcronymCheckTest, TableCellsAreLabelsNotRunningProse) {
  EXPECT_EQ(check("| Name | Office |\n| --- | --- |\n| Yury Fedotov | UNODC |\n\nUNODC staff came. The United Nations "
                  "Office on Drugs and Crime (UNODC) hosted them.\n"),
            (Lines{"t.undefined: UNODC"}));
}

TEST_F(AcronymCheckTest, OnlyTheFirstUseIsReported) {
  EXPECT_EQ(check("UNODC staff came. UNODC staff left. The United Nations Office on Drugs and Crime (UNODC) "
                  "hosted them.\n"),
            (Lines{"t.undefined: UNODC"}));
}

TEST_F(AcronymCheckTest, DefinedTwiceWithANoteAtTheFirst) {
  std::vector<diag::Diagnostic> d;
  EXPECT_EQ(check("The Commission on Narcotic Drugs (CND) met.\n\nLater the Commission on Narcotic Drugs (CND) "
                  "closed.\n",
                  &d),
            (Lines{"t.twice: Commission on Narcotic Drugs (CND)"}));
  ASSERT_EQ(d.at(0).notes.size(), 1U);
  ASSERT_TRUE(d[0].notes[0].range);
  EXPECT_EQ(d[0].notes[0].range->begin, 4U);
}

TEST_F(AcronymCheckTest, DefinedTwoRightWaysAcrossEitherOrder) {
  EXPECT_EQ(check("The United Nations Office on Drugs and Crime (UNODC) spoke. Then UNODC (UN Office on Drugs "
                  "and Crime) listened.\n"),
            (Lines{"t.two-ways: UNODC (UN Office on Drugs and Crime)"}));
}

TEST_F(AcronymCheckTest, AWrongExpansionIsReportedOnceNotAlsoAsTwoWays) {
  EXPECT_EQ(check("The United Nations Office on Drugs and Crime (UNODC) spoke. The United Nations Office for Drug "
                  "Control (UNODC) replied.\n"),
            (Lines{"t.expansion: United Nations Office for Drug Control"}));
}

TEST_F(AcronymCheckTest, NoBreakSpaceInsideAnExpansion) {
  EXPECT_EQ(check("The session of the United Nations Commission on\xC2\xA0Narcotic Drugs (CND) opened.\n"), Lines{});
}

TEST_F(AcronymCheckTest, UnknownAcronymsAndParenthesesThatAreNotExpansionsAreSilent) {
  EXPECT_EQ(check("The World Health Organization (WHO) and the WHO met. The UNODC (Vienna) hosted them. Later "
                  "the United Nations Office on Drugs and Crime (UNODC) spoke.\n"),
            (Lines{"t.undefined: UNODC"}));
}

TEST_F(AcronymCheckTest, UnknownProblemIsALocatedError) {
  config::PackLoader loader(kSchemas);
  loader.addFile(GALLEY_SOURCE_DIR "/rules/sco-un/bad.yaml",
                 "rules:\n  - id: a\n    kind: acronym\n    message: m\n    problem: sometimes\n", "t");
  config::LoadedConfigs configs = std::move(loader).finish();
  ASSERT_EQ(configs.rules.size(), 1U);
  base::ErrorList errors;
  EXPECT_EQ(AcronymCheck::create(configs.rules[0], errors), nullptr);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].toString().find("bad.yaml:5:"), std::string::npos) << errors[0].toString();
}

}  // namespace
}  // namespace galley::checks

namespace galley::checks {
namespace {

// "Used before being defined" needs a definition: an acronym the draft never defines is a house
// decision, and a place name in capitals (an upper-case dateline) is not an acronym at all.
TEST_F(AcronymCheckTest, NeverDefinedAcronymsAndUpperCaseNamesAreLeftAlone) {
  EXPECT_EQ(check("UNODC staff came. UNODC staff left.\n"), Lines{});
  EXPECT_EQ(check("VIENNA, 14 March 2017 - Delegates flew in from ASTANA. The Commission on Narcotic Drugs (CND) "
                  "met.\n"),
            Lines{});
}

}  // namespace
}  // namespace galley::checks
