// Rule pack loading: every kind of configuration error is reported with file, line, column and text.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "checks/Registry.h"
#include "checks/RuleSet.h"

namespace galley::checks {
namespace {

// Loads `yaml` as the file "pack/rules.yaml" of pack "pack".
LoadedRules load(const std::string& yaml) { return RuleSet::loadText("pack/rules.yaml", yaml, "pack"); }

// The one error a load must produce.
base::Error onlyError(const LoadedRules& loaded) {
  EXPECT_EQ(loaded.errors.size(), 1U);
  if (loaded.errors.size() != 1U) {
    for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();  // shows them all
  }
  return loaded.errors.empty() ? base::Error::internal("no error") : loaded.errors.front();
}

void expectAt(const base::Error& error, uint32_t line, uint32_t column) {
  ASSERT_TRUE(error.location().has_value()) << error.toString();
  EXPECT_EQ(error.location()->path, "pack/rules.yaml");
  EXPECT_EQ(error.location()->line, line) << error.toString();
  EXPECT_EQ(error.location()->column, column) << error.toString();
}

constexpr const char* kValidRule = R"(rules:
  - id: no-tbc
    kind: existence
    severity: warning
    message: "Replace '{found}' before release"
    tokens: [TBC]
)";

TEST(ConfigLoader, ValidRuleLoadsWithPackPrefixedId) {
  const LoadedRules loaded = load(kValidRule);
  EXPECT_TRUE(loaded.errors.empty());
  EXPECT_EQ(loaded.rules.ruleIds(), std::vector<std::string>{"pack.no-tbc"});
  const config::RuleConfig* rule = loaded.rules.rule("pack.no-tbc");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->severity, diag::Severity::Warning);
  EXPECT_EQ(rule->where.line, 2U);
  EXPECT_EQ(rule->where.column, 5U);  // the rule's first key
}

TEST(ConfigLoader, MalformedYamlGivesParserMessageAndMark) {
  const LoadedRules loaded = load("rules:\n  - id: a\n    kind: [existence\n    message: x\n");
  const base::Error error = loaded.errors.at(0);
  EXPECT_EQ(loaded.errors.size(), 1U);
  EXPECT_EQ(error.code(), base::ErrorCode::InvalidInput);
  // yaml-cpp reports the unclosed flow sequence where it gave up: the ':' after "message".
  EXPECT_EQ(error.message(), "end of sequence flow not found");
  expectAt(error, 4, 12);
  EXPECT_EQ(loaded.rules.size(), 0U);
}

TEST(ConfigLoader, UnknownKeySuggestsNearestName) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: existence
    sevrity: error
    message: "m"
    tokens: [x]
)"));
  EXPECT_EQ(error.message(), "unknown key 'sevrity' (did you mean 'severity'?)");
  expectAt(error, 4, 5);
}

TEST(ConfigLoader, UnknownKindSpecificKeySuggestsTheKindsOption) {
  const LoadedRules loaded = load(R"(rules:
  - id: a
    kind: substitution
    message: "m"
    swaps: {a: b}
)");
  // "swaps" is unknown and so "swap" is missing: both are reported.
  ASSERT_EQ(loaded.errors.size(), 2U);
  EXPECT_EQ(loaded.errors[0].message(), "unknown key 'swaps' (did you mean 'swap'?)");
  expectAt(loaded.errors[0], 5, 5);
  EXPECT_EQ(loaded.errors[1].message(), "a 'substitution' rule needs a 'swap' map");
  expectAt(loaded.errors[1], 2, 5);
}

TEST(ConfigLoader, UnknownKindListsTheValidOnes) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: substitute
    message: "m"
)"));
  std::string valid;
  for (const KindEntry& kind : registeredKinds()) valid += (valid.empty() ? "" : ", ") + std::string(kind.id);
  EXPECT_NE(valid.find("consistency, "), std::string::npos);
  EXPECT_EQ(error.message(), "unknown kind 'substitute' (did you mean 'substitution'?); valid kinds: " + valid);
  expectAt(error, 3, 11);
}

TEST(ConfigLoader, BadSeverity) {
  const base::Error error = onlyError(load(R"(rules:
  - {id: a, kind: existence, severity: fatal, message: m, tokens: x}
)"));
  EXPECT_EQ(error.message(), "invalid severity 'fatal' (expected error, warning or info)");
  expectAt(error, 2, 40);
}

TEST(ConfigLoader, InvalidRegexPointsInsideThePattern) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: existence
    message: m
    pattern: "Under(-Secretary"
)"));
  EXPECT_EQ(error.message().rfind("invalid regular expression 'Under(-Secretary': Unmatched marking parenthesis", 0),
            0U)
      << error.message();
  // The pattern's text starts at column 15 (after the quote); Boost stops at its end, offset 16.
  expectAt(error, 5, 15 + 16);
}

TEST(ConfigLoader, InvalidRegexInSwapKeyIsLocatedAtTheKey) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: substitution
    message: m
    regex: true
    swap:
      "[Ss]ecretary": Secretary
      "a**": b
)"));
  EXPECT_NE(error.message().find("invalid regular expression 'a**'"), std::string::npos) << error.message();
  expectAt(error, 8, 8 + 3);
}

TEST(ConfigLoader, DuplicateIdNotesTheFirstDefinition) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: existence
    message: m
    tokens: x
  - id: pack.a
    kind: existence
    message: m
    tokens: y
)"));
  EXPECT_EQ(error.message(), "duplicate rule id 'pack.a' (first defined at pack/rules.yaml:2:5)");
  expectAt(error, 6, 9);
}

TEST(ConfigLoader, WrongTypeNamesWhatWasFound) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: existence
    message: {text: m}
    tokens: x
)"));
  EXPECT_EQ(error.message(), "'message' must be a string, not a map");
  expectAt(error, 4, 14);
}

TEST(ConfigLoader, EmptySwapMap) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: substitution
    message: m
    swap: {}
)"));
  EXPECT_EQ(error.message(), "'swap' is empty");
  expectAt(error, 5, 11);
}

TEST(ConfigLoader, UnknownPlaceholderNamesTheProvidedOnes) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: substitution
    message: "Write {expected} for {fund}"
    swap: {a: b}
)"));
  EXPECT_EQ(error.message(), "unknown placeholder '{fund}' in message; kind 'substitution' provides {expected} and {found}");
  expectAt(error, 4, 15);  // the template's first character, inside the quotes
}

TEST(ConfigLoader, DottedIdMustStartWithThePack) {
  const base::Error error = onlyError(load(R"(rules:
  - id: other.a
    kind: existence
    message: m
    tokens: x
)"));
  EXPECT_EQ(error.message(), "rule id 'other.a' must start with its pack's name 'pack.' (or be a short name)");
  expectAt(error, 2, 9);
}

TEST(ConfigLoader, UnknownScopeSuggestsAndLists) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: existence
    message: m
    tokens: x
    scope: [paragraph, headline]
)"));
  EXPECT_EQ(error.message().rfind("unknown scope 'headline' (did you mean 'heading'?); valid scopes: heading,", 0), 0U)
      << error.message();
  expectAt(error, 6, 24);
}

TEST(ConfigLoader, ReportsEveryProblemAndKeepsTheValidRules) {
  const LoadedRules loaded = load(R"(rules:
  - id: bad-one
    kind: existence
    severity: loud
    message: m
    tokens: x
  - id: good
    kind: existence
    message: m
    tokens: x
  - id: bad-two
    kind: nothing
    message: m
  - [not, a, map]
  - id: bad-three
    kind: existence
    message: m
)");
  ASSERT_EQ(loaded.errors.size(), 4U);
  EXPECT_EQ(loaded.errors[0].location()->line, 4U);
  EXPECT_EQ(loaded.errors[1].location()->line, 12U);
  EXPECT_EQ(loaded.errors[2].message(), "a rule must be a map, not a list");
  EXPECT_EQ(loaded.errors[2].location()->line, 14U);
  EXPECT_EQ(loaded.errors[3].message(), "an 'existence' rule needs 'tokens', 'pattern' or 'patterns'");
  EXPECT_EQ(loaded.errors[3].location()->line, 15U);
  EXPECT_EQ(loaded.rules.ruleIds(), std::vector<std::string>{"pack.good"});
}

TEST(ConfigLoader, MissingRequiredKeysAreLocatedAtTheRule) {
  const LoadedRules loaded = load("rules:\n  - kind: existence\n    tokens: x\n");
  ASSERT_EQ(loaded.errors.size(), 2U);
  EXPECT_EQ(loaded.errors[0].message(), "rule has no 'id'");
  EXPECT_EQ(loaded.errors[1].message(), "rule has no 'message'");
  expectAt(loaded.errors[0], 2, 5);
}

TEST(ConfigLoader, ColumnsCountCodePointsNotBytes) {
  // "Évian" is 6 bytes and 5 code points; yaml-cpp counts bytes (it would say column 60).
  const base::Error error = onlyError(load("rules:\n  - {message: \"Évian\", id: a, kind: existence, tokens: x, sevrity: error}\n"));
  expectAt(error, 2, 59);
}

TEST(ConfigLoader, TopLevelMustHoldRules) {
  const LoadedRules loaded = load("rulez:\n  - id: a\n");
  ASSERT_EQ(loaded.errors.size(), 2U);
  EXPECT_EQ(loaded.errors[0].message(), "unknown top-level key 'rulez' (did you mean 'rules'?)");
  expectAt(loaded.errors[0], 1, 1);
  EXPECT_EQ(loaded.errors[1].message(), "missing 'rules:' list");
}

TEST(ConfigLoader, TestsMustBeBadOrGood) {
  const base::Error error = onlyError(load(R"(rules:
  - id: a
    kind: existence
    message: m
    tokens: x
    tests:
      - bad: "x here"
      - god: "fine"
)"));
  EXPECT_EQ(error.message(), "unknown test key 'god' (did you mean 'good'?)");
  expectAt(error, 8, 9);
}

class ConfigDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("galley-config-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "house");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void write(const std::filesystem::path& relative, const std::string& text) {
    std::ofstream(root_ / relative) << text;
  }
  std::filesystem::path root_;
};

TEST_F(ConfigDirectoryTest, PackDirectoryAndDirectoryOfPacksBothLoadAndFactFilesAreSkipped) {
  write("house/a.yaml", kValidRule);
  write("house/facts.yaml", "entities: [this is not a rule file]\n");
  // The fact file is never read as rules; it is validated as the pack's fact base (issue 7: even
  // when no rule reads it), so its one error is the fact loader's, and the rule still loads.
  const LoadedRules asPack = RuleSet::load({(root_ / "house").string()});
  ASSERT_EQ(asPack.errors.size(), 1U);
  EXPECT_NE(asPack.errors[0].toString().find("facts.yaml:1:12: error: an entity is a mapping"), std::string::npos)
      << asPack.errors[0].toString();
  EXPECT_EQ(asPack.rules.ruleIds(), std::vector<std::string>{"house.no-tbc"});
  const LoadedRules asParent = RuleSet::load({root_.string()});
  ASSERT_EQ(asParent.errors.size(), 1U);
  EXPECT_EQ(asParent.errors[0].toString(), asPack.errors[0].toString());
  EXPECT_EQ(asParent.rules.ruleIds(), std::vector<std::string>{"house.no-tbc"});
}

TEST_F(ConfigDirectoryTest, DuplicateAcrossFilesNamesTheOtherFile) {
  write("house/a.yaml", kValidRule);
  write("house/b.yml", kValidRule);
  const LoadedRules loaded = RuleSet::load({(root_ / "house").string()});
  ASSERT_EQ(loaded.errors.size(), 1U);
  EXPECT_EQ(loaded.errors[0].location()->path, (root_ / "house" / "b.yml").string());
  EXPECT_NE(loaded.errors[0].message().find((root_ / "house" / "a.yaml").string() + ":2:5)"), std::string::npos)
      << loaded.errors[0].toString();
}

TEST_F(ConfigDirectoryTest, MissingDirectoryIsAnEnvironmentError) {
  const LoadedRules loaded = RuleSet::load({(root_ / "nowhere").string()});
  ASSERT_EQ(loaded.errors.size(), 1U);
  EXPECT_EQ(loaded.errors[0].code(), base::ErrorCode::Environment);
  EXPECT_EQ(loaded.errors[0].location()->path, (root_ / "nowhere").string());
}

}  // namespace
}  // namespace galley::checks
