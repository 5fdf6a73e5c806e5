// RuleSet: selection of rules to run, self-tests, and the shipped un-style pack end to end.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "checks/Registry.h"
#include "checks/RuleSet.h"
#include "facts/FactPack.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

std::vector<diag::Diagnostic> run(const RuleSet& rules, const std::string& path, const std::string& draft,
                                  const std::set<std::string>& only = {}) {
  const document::Document document = document::parseDocument(base::SourceBuffer(path, draft));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  rules.run(document, annotations, sink, only);
  return sink.take();
}

constexpr const char* kTwoRules = R"(rules:
  - {id: on, kind: existence, message: "on {found}", tokens: alpha}
  - {id: off, kind: existence, message: "off {found}", tokens: alpha, enabled: false}
)";

TEST(RuleSet, DisabledRulesRunOnlyWhenNamed) {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", kTwoRules, "t");
  ASSERT_TRUE(loaded.errors.empty());
  EXPECT_EQ(loaded.rules.ruleIds(), (std::vector<std::string>{"t.off", "t.on"}));
  EXPECT_TRUE(loaded.rules.hasRule("t.off"));
  EXPECT_FALSE(loaded.rules.hasRule("off"));

  const auto byDefault = run(loaded.rules, "d.md", "alpha\n");
  ASSERT_EQ(byDefault.size(), 1U);
  EXPECT_EQ(byDefault[0].ruleId, "t.on");
  const auto onlyOff = run(loaded.rules, "d.md", "alpha\n", {"t.off"});
  ASSERT_EQ(onlyOff.size(), 1U);
  EXPECT_EQ(onlyOff[0].ruleId, "t.off");
}

TEST(RuleSet, SelfTestsReportEachFailureWithItsLocation) {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", R"(rules:
  - id: tbc
    kind: existence
    message: m
    tokens: TBC
    tests:
      - bad: "Venue TBC."
      - bad: "Venue to follow."
      - good: "Venue: Vienna."
      - good: "Date TBC."
  - id: fine
    kind: existence
    message: m
    tokens: XX
    tests:
      - bad: "On XX May."
)", "t");
  ASSERT_TRUE(loaded.errors.empty());
  const SelfTestReport report = loaded.rules.runSelfTests();
  EXPECT_EQ(report.passed, 3U);
  ASSERT_EQ(report.failures.size(), 2U);
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.failures[0].ruleId, "t.tbc");
  EXPECT_EQ(report.failures[0].where.path, "t.yaml");
  EXPECT_EQ(report.failures[0].where.line, 8U);
  EXPECT_EQ(report.failures[0].where.column, 15U - 1U);  // the opening quote
  EXPECT_EQ(report.failures[0].message, "'bad' example did not fire the rule");
  EXPECT_EQ(report.failures[1].where.line, 10U);
  EXPECT_EQ(report.failures[1].message, "'good' example fired the rule: m");
}

TEST(Registry, OneSortedLinePerKindEachWithAFactory) {
  const auto kinds = registeredKinds();
  ASSERT_GE(kinds.size(), 4U);
  for (size_t i = 0; i < kinds.size(); ++i) {
    EXPECT_NE(kinds[i].factory, nullptr) << kinds[i].id;
    if (i > 0) {
      EXPECT_LT(kinds[i - 1].id, kinds[i].id) << "Registry.cpp lines must stay sorted";
    }
    EXPECT_EQ(findKind(kinds[i].id), &kinds[i]);
  }
  for (const std::string_view id : {"consistency", "existence", "repetition", "substitution"})
    EXPECT_NE(findKind(id), nullptr) << id;
  EXPECT_EQ(findKind("substitute"), nullptr);
}

std::string sourceDir() { return GALLEY_SOURCE_DIR; }

TEST(RuleSet, ShippedUnStylePackLoadsAndPassesItsSelfTests) {
  const LoadedRules loaded = RuleSet::load({sourceDir() + "/rules/un-style"});
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  EXPECT_EQ(loaded.rules.ruleIds(),
            (std::vector<std::string>{"un-style.country-names", "un-style.date-format", "un-style.repeated-headline",
                                      "un-style.repeated-word",
                                      "un-style.spelling-consistency", "un-style.terminology",
                                      "un-style.title-hyphenation"}));
  const SelfTestReport report = loaded.rules.runSelfTests();
  for (const auto& f : report.failures)
    ADD_FAILURE() << f.where.path << ":" << f.where.line << ": " << f.ruleId << ": " << f.message;
  EXPECT_GE(report.passed, 25U);
}

TEST(RuleSet, ShippedPackOnTheReferenceCommunique) {
  const std::string path = sourceDir() + "/../shared/reference/000_95c8ddcf366ad626.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "reference communiqué not found at " << path;
  std::ostringstream text;
  text << in.rdbuf();
  const LoadedRules loaded = RuleSet::load({sourceDir() + "/rules/un-style"});
  ASSERT_TRUE(loaded.errors.empty());
  const document::Document document = document::parseDocument(base::SourceBuffer("release.txt", text.str()));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  loaded.rules.run(document, annotations, sink);
  std::vector<diag::Diagnostic> found = sink.take();
  diag::sortAndDedupe(found);
  // Exactly the two slips the release is known for: its headline printed twice, and the spaced title.
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].ruleId, "un-style.repeated-headline");
  EXPECT_EQ(document.source.lineColumn(found[0].range.begin).line, 2U);
  EXPECT_EQ(found[1].ruleId, "un-style.title-hyphenation");
  EXPECT_EQ(document.source.slice(found[1].range), "Under-Secretary General");
  ASSERT_TRUE(found[1].fix.has_value());
  EXPECT_EQ(found[1].fix->edits[0].text, "Under-Secretary-General");
}

TEST(BundledRules, TheTitleRuleSharesTheScoUnPacksLoadedFacts) {
  // The title-form rule lists the sco-un pack's fact files itself. It shares the pack's loaded
  // copy, and with it one mention scan per draft, only while it lists all of them in the pack's
  // order: when facts-ministers.yaml joined the pack without joining the list, every run loaded
  // the facts twice and every draft's mentions were found twice.
  const std::filesystem::path rules = std::filesystem::path(sourceDir()) / "rules";
  const YAML::Node titles = YAML::LoadFile((rules / "un-style" / "titles.yaml").string());
  std::vector<std::string> listed;
  for (const YAML::Node& rule : titles["rules"]) {
    if (!rule["facts"]) continue;
    for (const YAML::Node& file : rule["facts"])
      listed.push_back((rules / "un-style" / file.as<std::string>()).lexically_normal().string());
  }
  ASSERT_FALSE(listed.empty());
  base::ErrorList errors;
  const auto pack = facts::FactPack::loadShared(facts::FactPack::filesIn((rules / "sco-un").string()), errors);
  const auto ruleFacts = facts::FactPack::loadShared(listed, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_NE(pack, nullptr);
  EXPECT_EQ(pack.get(), ruleFacts.get());
}

}  // namespace
}  // namespace galley::checks
