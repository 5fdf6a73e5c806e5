// The `fact` and `title` kinds against the shipped sco-un fact base: each acceptance case of issue 4
// in wording of our own, the note at the fact's YAML line with its URL, and a clean draft.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "checks/AcronymCheck.h"
#include "checks/FactCheck.h"
#include "checks/NameCheck.h"
#include "checks/TitleCheck.h"
#include "config/PackLoader.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

const std::array<config::KindSchema, 4> kSchemas{{
    {"acronym", config::Stability::Stable, AcronymCheck::kOptions, AcronymCheck::kPlaceholders},
    {"fact", config::Stability::Stable, FactCheck::kOptions, FactCheck::kPlaceholders},
    {"name", config::Stability::Stable, NameCheck::kOptions, NameCheck::kPlaceholders},
    {"title", config::Stability::Stable, TitleCheck::kOptions, TitleCheck::kPlaceholders},
}};

// The rule file sits (virtually) beside rules/sco-un/facts.yaml, so the checks find that fact base.
constexpr const char* kRules = R"(rules:
  - id: fact
    kind: fact
    message: "{property} of {entity}: '{found}', but the fact base says {expected}"
  - id: title
    kind: title
    message: "'{title}' for {person}: {expected}"
  - id: acronym
    kind: acronym
    message: "{acronym} stands for {expected}, not '{found}'"
  - id: name
    kind: name
    message: "Write '{expected}', not '{found}'"
)";

struct Result {
  std::string source;
  std::vector<diag::Diagnostic> diagnostics;
  [[nodiscard]] std::string text(base::Range range) const { return source.substr(range.begin, range.size()); }
  [[nodiscard]] std::vector<std::string> texts() const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(d.ruleId + ": " + text(d.range));
    return out;
  }
};

class FactCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    config::PackLoader loader(kSchemas);
    loader.addFile(GALLEY_SOURCE_DIR "/rules/sco-un/fact-checks-under-test.yaml", kRules, "sco-un");
    config::LoadedConfigs configs = std::move(loader).finish();
    for (const auto& e : configs.errors) loadErrors_.push_back(e.toString());
    base::ErrorList errors;
    for (const auto& rule : configs.rules) {
      if (rule.kind == "fact") fact_ = FactCheck::create(rule, errors);
      if (rule.kind == "title") title_ = TitleCheck::create(rule, errors);
      if (rule.kind == "name") name_ = NameCheck::create(rule, errors);
      if (rule.kind == "acronym") acronym_ = AcronymCheck::create(rule, errors);
    }
    for (const auto& e : errors) loadErrors_.push_back(e.toString());
  }
  static void TearDownTestSuite() {
    fact_.reset();
    title_.reset();
    name_.reset();
    acronym_.reset();
  }
  void SetUp() override {
    for (const auto& e : loadErrors_) ADD_FAILURE() << e;
    ASSERT_TRUE(fact_ && title_ && name_ && acronym_);
  }

  static Result check(const std::string& draft) {
    const document::Document document = document::parseDocument(base::SourceBuffer("draft.md", draft));
    annotate::Annotations annotations(document);
    diag::DiagnosticSink sink;
    fact_->run(document, annotations, sink);
    title_->run(document, annotations, sink);
    name_->run(document, annotations, sink);
    acronym_->run(document, annotations, sink);
    std::vector<diag::Diagnostic> diagnostics = sink.take();
    diag::sortAndDedupe(diagnostics);
    return {draft, std::move(diagnostics)};
  }

  static std::unique_ptr<Check> fact_;
  static std::unique_ptr<Check> title_;
  static std::unique_ptr<Check> name_;
  static std::unique_ptr<Check> acronym_;
  static std::vector<std::string> loadErrors_;
};

std::unique_ptr<Check> FactCheckTest::fact_;
std::unique_ptr<Check> FactCheckTest::title_;
std::unique_ptr<Check> FactCheckTest::name_;
std::unique_ptr<Check> FactCheckTest::acronym_;
std::vector<std::string> FactCheckTest::loadErrors_;

using Lines = std::vector<std::string>;

TEST_F(FactCheckTest, WrongDayInParentheticalWithNoteAndUnsafeFix) {
  const Result r = check("---\ndate: 2017-03-14\n---\nIt builds on the Joint Declaration (Tashkent, 5 May 2010).\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.fact: 5 May 2010"}));
  const diag::Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.message,
            "date of Joint Declaration on Cooperation between the UN and SCO Secretariats: '5 May 2010', but the fact "
            "base says 5 April 2010");
  ASSERT_EQ(d.notes.size(), 1U);
  EXPECT_TRUE(d.notes[0].path.ends_with("rules/sco-un/facts.yaml"));
  EXPECT_GT(d.notes[0].line, 0U);
  ASSERT_TRUE(d.fix);
  EXPECT_EQ(d.fix->applicability, diag::Applicability::Unsafe);
  EXPECT_EQ(d.fix->edits.at(0).text, "5 April 2010");
}

TEST_F(FactCheckTest, NoteCarriesTheSourceUrlWhenTheFactHasOne) {
  const Result r = check("In 2015, resolution 71/14 was adopted by the Assembly.\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.fact: 2015"}));
  EXPECT_EQ(r.diagnostics[0].notes.at(0).sourceUrl, "https://undocs.org/A/RES/71/14");
  EXPECT_EQ(r.diagnostics[0].fix->edits.at(0).text, "2016");  // at the draft's precision
}

TEST_F(FactCheckTest, WrongPlaceAndMonthForTheMemorandum) {
  const Result r = check(
      "The SCO\xE2\x80\x93UNODC Memorandum was concluded in Bishkek.\n\n"
      "In May 2011, both secretariats recall, the Memorandum was signed.\n\n"
      "The Memorandum was signed in Astana in June 2011.\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.fact: Bishkek", "sco-un.fact: May 2011"}));
  EXPECT_EQ(r.diagnostics[0].fix->edits.at(0).text, "Astana");
  EXPECT_EQ(r.diagnostics[1].fix->edits.at(0).text, "June 2011");
}

TEST_F(FactCheckTest, FoundingYearAndSessionOrdinalAtTheReferenceDate) {
  const Result r = check(
      "---\ndate: 2017-03-14\n---\n"
      "The UNODC, created in 1995, hosted the 59th session of the Commission on Narcotic Drugs.\n\n"
      "Established in 1997, the United Nations Office on Drugs and Crime works from Vienna.\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.fact: 1995", "sco-un.fact: 59th"}));
  EXPECT_EQ(r.diagnostics[0].fix->edits.at(0).text, "1997");
  EXPECT_EQ(r.diagnostics[1].fix->edits.at(0).text, "60th");
}

TEST_F(FactCheckTest, TitleOfAnOfficeThePersonNeverHeld) {
  const Result r = check("---\ndate: 2017-03-14\n---\nExecutive Director Rashid Alimov and SCO Secretary-General Yury Fedotov met.\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.title: Executive Director", "sco-un.title: SCO Secretary-General"}));
  EXPECT_NE(r.diagnostics[0].message.find("Secretary-General of the Shanghai Cooperation Organisation"), std::string::npos)
      << r.diagnostics[0].message;
}

TEST_F(FactCheckTest, TitleNotHeldAtTheReferenceDateNamesTheHolder) {
  const Result r = check("---\ndate: 2020-06-10\n---\nUNODC Executive Director Yury Fedotov addressed the forum.\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.title: UNODC Executive Director"}));
  EXPECT_NE(r.diagnostics[0].message.find("Ghada Waly was"), std::string::npos) << r.diagnostics[0].message;
  ASSERT_EQ(r.diagnostics[0].notes.size(), 2U);
  EXPECT_EQ(r.diagnostics[0].notes[0].message,
            "Yury Fedotov's term in the fact base: 2010-09-13 to 2019 (source: UN press release SG/A/1251 (appointment "
            "of Yury Fedotov, 9 July 2010))");
  EXPECT_NE(r.diagnostics[0].notes[1].message.find("Ghada Waly's term: 2020-02-03 to now"), std::string::npos)
      << r.diagnostics[0].notes[1].message;
}

TEST_F(FactCheckTest, CleanSeedShapedDraftGetsNothing) {
  const Result r = check(
      "---\ndate: 2017-03-14\n---\n"
      "# The SCO Secretary-General visits the UNODC\n\n"
      "On 14 March 2017 in Vienna, SCO Secretary-General Rashid Alimov held talks with UN "
      "Under-Secretary-General and UNODC Executive Director Yury Fedotov.\n\n"
      "Mr Fedotov welcomed Secretary-General Alimov to the 60th session of the Commission on Narcotic Drugs, "
      "which opened on 13 March.\n\n"
      "Rashid Alimov, SCO Secretary-General, recalled that the Memorandum of Understanding between the SCO "
      "Secretariat and the UNODC was signed in June 2011.\n\n"
      "Founded in 1997, the Vienna-based United Nations Office on Drugs and Crime works with the SCO, and "
      "SCO\xE2\x80\x93UN relations have grown since 2004.\n\n"
      "Two documents underpin this work: the Joint Declaration on Cooperation between the UN and SCO "
      "Secretariats (Tashkent, 5 April 2010) and the Memorandum (Astana, 14 June 2011).\n");
  EXPECT_TRUE(r.diagnostics.empty()) << r.texts().front() << ": " << r.diagnostics.front().message;
}

TEST_F(FactCheckTest, GivenNameVariantTakesTheFactBaseForm) {
  const Result r = check("Yuri Fedotov and Rashed Alimov met; Mr Fedotov, Yury Fedotov and Director Alimov agreed.\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.name: Yuri Fedotov", "sco-un.name: Rashed Alimov"}));
  EXPECT_EQ(r.diagnostics[0].message, "Write 'Yury Fedotov', not 'Yuri Fedotov'");
  ASSERT_TRUE(r.diagnostics[0].fix);
  EXPECT_EQ(r.diagnostics[0].fix->applicability, diag::Applicability::Safe);
  EXPECT_EQ(r.diagnostics[1].fix->edits.at(0).text, "Rashid Alimov");
}

TEST_F(FactCheckTest, AcronymExpandedDifferentlyFromTheFactBase) {
  const Result r = check(
      "The UNODC (United Nations Office for Drug Control) met the United Nations Office on Drug Control (UNODC).\n\n"
      "The United Nations Office on Drugs and Crime (UNODC) and the Commission on Narcotic Drugs (CND) met the "
      "UNODC (Vienna).\n");
  ASSERT_EQ(r.texts(), (Lines{"sco-un.acronym: United Nations Office for Drug Control",
                              "sco-un.acronym: United Nations Office on Drug Control"}));
  EXPECT_EQ(r.diagnostics[0].message,
            "UNODC stands for United Nations Office on Drugs and Crime, not 'United Nations Office for Drug Control'");
  EXPECT_EQ(r.diagnostics[0].fix->applicability, diag::Applicability::Unsafe);
}

TEST_F(FactCheckTest, SilenceAboutUnknownEntities) {
  const Result r = check("---\ndate: 2017-03-14\n---\nThe Eurasian Forum, founded in 1990, was signed in Bishkek.\n");
  EXPECT_TRUE(r.diagnostics.empty());
}

}  // namespace
}  // namespace galley::checks
