// Fact checks read the date engine (every date form it knows, relative ones resolved), ordinals in
// words, the title kind's `form` problem, and the shared FactPack and mention cache.
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "checks/FactCheck.h"
#include "checks/TitleCheck.h"
#include "config/PackLoader.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

const std::array<config::KindSchema, 2> kSchemas{{
    {"fact", config::Stability::Stable, FactCheck::kOptions, FactCheck::kPlaceholders},
    {"title", config::Stability::Stable, TitleCheck::kOptions, TitleCheck::kPlaceholders},
}};

constexpr const char* kRules = R"(rules:
  - id: fact
    kind: fact
    message: "{property}: '{found}' / {expected}"
  - id: form
    kind: title
    problem: form
    ignore: ["Secretary[- ]?[Gg]eneral"]
    message: "'{title}' / {expected}"
)";

struct Loaded {
  std::unique_ptr<Check> fact;
  std::unique_ptr<Check> form;
  std::vector<std::string> errors;
};

// The two rules, loaded once for the whole suite.
const Loaded& loaded() {
  static const Loaded kLoaded = [] {
    Loaded out;
    config::PackLoader loader(kSchemas);
    loader.addFile(GALLEY_SOURCE_DIR "/rules/sco-un/engine-under-test.yaml", kRules, "t");
    config::LoadedConfigs configs = std::move(loader).finish();
    for (const auto& e : configs.errors) out.errors.push_back(e.toString());
    base::ErrorList errors;
    for (const auto& rule : configs.rules) {
      if (rule.kind == "fact") out.fact = FactCheck::create(rule, errors);
      if (rule.kind == "title") out.form = TitleCheck::create(rule, errors);
    }
    for (const auto& e : errors) out.errors.push_back(e.toString());
    return out;
  }();
  return kLoaded;
}

class FactEngineDatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& e : loaded().errors) ADD_FAILURE() << e;
    ASSERT_TRUE(loaded().fact && loaded().form);
  }

  static std::vector<std::string> check(const std::string& draft, std::vector<diag::Diagnostic>* out = nullptr) {
    const document::Document document = document::parseDocument(base::SourceBuffer("draft.md", draft));
    annotate::Annotations annotations(document);
    diag::DiagnosticSink sink;
    loaded().fact->run(document, annotations, sink);
    loaded().form->run(document, annotations, sink);
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

TEST_F(FactEngineDatesTest, DateFormsTheSimpleMatcherDidNotKnow) {
  EXPECT_EQ(check("The Memorandum was signed on 15th June 2011.\n"), (Lines{"t.fact: 15th June 2011"}));
  EXPECT_EQ(check("Signed in mid-2010, the Memorandum opened new ground.\n"), (Lines{"t.fact: mid-2010"}));
  EXPECT_EQ(check("On June 15, 2011, the Memorandum was signed.\n"), (Lines{"t.fact: June 15, 2011"}));
}

TEST_F(FactEngineDatesTest, OrdinalDayOfMonthIsOneDate) {
  std::vector<diag::Diagnostic> d;
  EXPECT_EQ(check("The Memorandum was signed on the 15th of June 2011.\n", &d), (Lines{"t.fact: 15th of June 2011"}));
  EXPECT_EQ(d.at(0).fix->edits.at(0).text, "14 June 2011");
  EXPECT_EQ(check("The Memorandum was signed on the 14th of June 2011.\n"), Lines{});
  EXPECT_EQ(check("The Memorandum was signed on the 31st of June 2011.\n"), Lines{});  // no such day: no claim
}

TEST_F(FactEngineDatesTest, PartialEngineDatesAgreeAsIntervals) {
  EXPECT_EQ(check("Signed in mid-2011, the Memorandum opened new ground.\n"), Lines{});
  EXPECT_EQ(check("The Memorandum was signed on 14th June 2011 in Astana.\n"), Lines{});
}

TEST_F(FactEngineDatesTest, RelativeDatesAreComparedOnceResolved) {
  EXPECT_EQ(check("---\ndate: 2011-07-01\n---\nIn June of this year the Memorandum was signed.\n"), Lines{});
  EXPECT_EQ(check("---\ndate: 2012-07-01\n---\nIn June of this year the Memorandum was signed.\n"),
            (Lines{"t.fact: June of this year"}));
}

TEST_F(FactEngineDatesTest, DurationsGiveTheirInnerDate) {
  std::vector<diag::Diagnostic> d;
  EXPECT_EQ(check("The UNODC, established in 1995, works in Vienna.\n", &d), (Lines{"t.fact: 1995"}));
  EXPECT_EQ(d.at(0).fix->edits.at(0).text, "1997");
  EXPECT_EQ(check("Relations between the SCO and the UN have grown since 2004.\n"), Lines{});
}

TEST_F(FactEngineDatesTest, APlaceRightBeforeTheAgreementButNotWhereSomeoneSpoke) {
  EXPECT_EQ(check("It was in Bishkek that the Memorandum was concluded.\n"), (Lines{"t.fact: Bishkek"}));
  EXPECT_EQ(check("In Bishkek, the Memorandum was signed.\n"), (Lines{"t.fact: Bishkek"}));
  EXPECT_EQ(check("Speaking in Bishkek, the Secretary-General recalled that the Memorandum was signed in June "
                  "2011.\n"),
            Lines{});
}

TEST_F(FactEngineDatesTest, OrdinalsInWords) {
  const std::string dated = "---\ndate: 2017-03-14\n---\n";
  EXPECT_EQ(check(dated + "They met at the fifty-ninth session of the Commission on Narcotic Drugs.\n"),
            (Lines{"t.fact: fifty-ninth"}));
  EXPECT_EQ(check(dated + "They met at the sixtieth session of the Commission on Narcotic Drugs.\n"), Lines{});
  EXPECT_EQ(check(dated + "They met at the Sixtieth session of the Commission on Narcotic Drugs.\n"), Lines{});
}

TEST_F(FactEngineDatesTest, TitleFormInCaseWithSafeFixAndIgnoredForms) {
  std::vector<diag::Diagnostic> d;
  EXPECT_EQ(check("SCO secretary-general Rashid Alimov spoke. UNODC executive director Yury Fedotov replied.\n", &d),
            (Lines{"t.form: secretary-general", "t.form: executive director"}));
  ASSERT_TRUE(d.at(0).fix);
  EXPECT_EQ(d[0].fix->applicability, diag::Applicability::Safe);
  EXPECT_EQ(d[0].fix->edits.at(0).text, "Secretary-General");
  // Left to the un-style swap (the `ignore` pattern), and a generic title with no one named.
  EXPECT_EQ(check("SCO Secretary general Rashid Alimov spoke. A ministry has a secretary-general.\n"), Lines{});
}

TEST_F(FactEngineDatesTest, TitleFormIsTheOrganisationsOwn) {
  std::vector<diag::Diagnostic> d;
  // The OSCE writes "Secretary General"; the SCO and the UN write "Secretary-General".
  EXPECT_EQ(check("OSCE secretary general Helga Schmid spoke.\n", &d), (Lines{"t.form: secretary general"}));
  ASSERT_TRUE(d.at(0).fix);
  EXPECT_EQ(d[0].fix->edits.at(0).text, "Secretary General");
  EXPECT_EQ(check("OSCE Secretary General Helga Schmid spoke.\n"), Lines{});
  // With no organisation written, the offices disagree on the form: nothing to say about it.
  EXPECT_EQ(check("Then secretary general Helga Schmid spoke.\n"), Lines{});
}

TEST(FactPackCache, OnePackPerFilesAndMentionsOncePerDocument) {
  const std::vector<std::string> paths = facts::FactPack::filesIn(GALLEY_SOURCE_DIR "/rules/sco-un");
  ASSERT_FALSE(paths.empty());
  base::ErrorList errors;
  const auto first = facts::FactPack::loadShared(paths, errors);
  const auto second = facts::FactPack::loadShared(paths, errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_TRUE(first);
  EXPECT_EQ(first.get(), second.get());

  // The model scans once per document and pack: asking again returns the same set.
  const document::Document a = document::parseDocument(base::SourceBuffer("a.md", "Yury Fedotov met Rashid Alimov.\n"));
  const document::Document b = document::parseDocument(base::SourceBuffer("b.md", "Rashid Alimov spoke.\n"));
  annotate::Annotations modelA(a);
  annotate::Annotations modelB(b);
  const annotate::MentionSet& mentionsA = modelA.mentions(*first);
  EXPECT_EQ(&mentionsA, &modelA.mentions(*second));
  EXPECT_EQ(&modelA.claims(*first), &modelA.claims(*first));
  EXPECT_EQ(mentionsA.mentions.size(), 2U);
  EXPECT_EQ(modelB.mentions(*first).mentions.size(), 1U);
}

}  // namespace
}  // namespace galley::checks
