// The `spelling` and `name-spelling` kinds against the shipped sco-un fact base and Hunspell's
// en_GB dictionary: what each flags, what each leaves alone, and a missing dictionary's error.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "annotate/Words.h"
#include "checks/Dictionary.h"
#include "checks/NameSpellingCheck.h"
#include "checks/SpellingCheck.h"
#include "config/PackLoader.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

const std::array<config::KindSchema, 2> kSchemas{{
    {"name-spelling", config::Stability::Stable, NameSpellingCheck::kOptions, NameSpellingCheck::kPlaceholders},
    {"spelling", config::Stability::Stable, SpellingCheck::kOptions, SpellingCheck::kPlaceholders},
}};

// The rule file sits (virtually) beside rules/sco-un/facts*.yaml and vocabulary.txt.
constexpr const char* kRulePath = GALLEY_SOURCE_DIR "/rules/sco-un/spelling-under-test.yaml";

std::vector<std::unique_ptr<Check>> load(const std::string& rules, std::vector<std::string>& errorText) {
  config::PackLoader loader(kSchemas);
  loader.addFile(kRulePath, rules, "sco-un");
  config::LoadedConfigs configs = std::move(loader).finish();
  for (const auto& e : configs.errors) errorText.push_back(e.toString());
  base::ErrorList errors;
  std::vector<std::unique_ptr<Check>> checks;
  for (const auto& rule : configs.rules) {
    auto check = rule.kind == "spelling" ? SpellingCheck::create(rule, errors) : NameSpellingCheck::create(rule, errors);
    if (check) checks.push_back(std::move(check));
  }
  for (const auto& e : errors) errorText.push_back(e.toString());
  return checks;
}

constexpr const char* kRules = R"yaml(rules:
  - id: spelling
    kind: spelling
    message: "'{found}'{suggestions}"
  - id: names
    kind: name-spelling
    message: "'{found}' for '{expected}' ({name})"
    honorifics: [Mr, Ms]
    accept-endings: [a, i, s]
    romanisations: ["w v", "y i"]
)yaml";

class SpellingCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { checks_ = load(kRules, errors_); }
  static void TearDownTestSuite() { checks_.clear(); }
  void SetUp() override {
    for (const auto& e : errors_) ADD_FAILURE() << e;
    ASSERT_EQ(checks_.size(), 2U);
  }
  // "rule: text" for each diagnostic of `draft`.
  static std::vector<std::string> check(const std::string& draft, std::vector<diag::Diagnostic>* out = nullptr) {
    const document::Document document = document::parseDocument(base::SourceBuffer("draft.md", draft));
    annotate::Annotations annotations(document);
    diag::DiagnosticSink sink;
    for (const auto& c : checks_) c->run(document, annotations, sink);
    std::vector<diag::Diagnostic> diagnostics = sink.take();
    diag::sortAndDedupe(diagnostics);
    std::vector<std::string> texts;
    for (const auto& d : diagnostics) texts.push_back(d.ruleId + ": " + draft.substr(d.range.begin, d.range.size()));
    if (out != nullptr) *out = std::move(diagnostics);
    return texts;
  }
  static std::vector<std::unique_ptr<Check>> checks_;
  static std::vector<std::string> errors_;
};

std::vector<std::unique_ptr<Check>> SpellingCheckTest::checks_;
std::vector<std::string> SpellingCheckTest::errors_;

using Lines = std::vector<std::string>;

TEST_F(SpellingCheckTest, MisspeltWordInHeadlineBodyAndListWithUnsafeSuggestion) {
  std::vector<diag::Diagnostic> diagnostics;
  EXPECT_EQ(check("# Joint statment adopted\n\nThe ministers recieved it.\n\n- illicit trafficing\n", &diagnostics),
            (Lines{"sco-un.spelling: statment", "sco-un.spelling: recieved", "sco-un.spelling: trafficing"}));
  ASSERT_TRUE(diagnostics.at(1).fix);
  EXPECT_EQ(diagnostics[1].fix->applicability, diag::Applicability::Unsafe);
  EXPECT_EQ(diagnostics[1].fix->edits.at(0).text, "received");
  EXPECT_NE(diagnostics[1].message.find("did you mean 'received'"), std::string::npos);
}

TEST_F(SpellingCheckTest, NamesAcronymsUnitsUrlsAndCodeAreSkipped) {
  EXPECT_EQ(check("Kassym-Jomart Tokayev and Ghada Waly of UNODC met in Dushanbe. A 250 km road, 5km of it new, "
                  "see https://www.unodc.org/wrongg and press@sco.int, A/RES/71/14, `configg`, Zhang Ming's plan.\n"),
            Lines{});
}

TEST_F(SpellingCheckTest, WordsInOtherScriptsAndSymbolsAreSkipped) {
  // Cyrillic and Chinese names quoted in an English release, and a symbol outside the BMP.
  EXPECT_EQ(check("The talks in \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 (\xE4\xB8\x8A\xE6\xB5\xB7) "
                  "ended \xF0\x9D\x84\x9E today.\n"),
            Lines{});
}

TEST_F(SpellingCheckTest, HyphenatedWordsPassWhenEachPartIsAWord) {
  EXPECT_EQ(check("Long-term co-operation against drug-trafficking.\n"), Lines{});
  EXPECT_EQ(check("Long-term co-opertion.\n"), (Lines{"sco-un.spelling: co-opertion"}));
}

TEST_F(SpellingCheckTest, SurnameSlipsAreNamedWithTheFactBaseForm) {
  std::vector<diag::Diagnostic> diagnostics;
  EXPECT_EQ(check("President Tokayevv met Rashid Alimvo in Dushanbee.\n", &diagnostics),
            (Lines{"sco-un.names: Tokayevv", "sco-un.names: Alimvo", "sco-un.names: Dushanbee"}));
  EXPECT_EQ(diagnostics.at(0).message, "'Tokayevv' for 'Tokayev' (Kassym-Jomart Tokayev)");
  ASSERT_TRUE(diagnostics[0].fix);
  EXPECT_EQ(diagnostics[0].fix->applicability, diag::Applicability::Unsafe);
  EXPECT_EQ(diagnostics[0].fix->edits.at(0).text, "Tokayev");
}

// The parts of a hyphenated name are targets too. Found by fuzz_fix under AddressSanitizer: the
// parts were views into a temporary string gone before they were read (stack-use-after-scope
// while the bundled packs loaded); this test reads them and fails under .ci/sanitize.sh then.
TEST_F(SpellingCheckTest, PartsOfAHyphenatedNameAreTargets) {
  std::vector<diag::Diagnostic> diagnostics;
  EXPECT_EQ(check("Then Jomartt spoke.\n", &diagnostics), (Lines{"sco-un.names: Jomartt"}));
  EXPECT_EQ(diagnostics.at(0).message, "'Jomartt' for 'Jomart' (Kassym-Jomart Tokayev)");
}

TEST_F(SpellingCheckTest, CapitalisedWordsAreNamesUnlessASlipOfAnOrdinaryWordStartsASentence) {
  EXPECT_EQ(check("Goverments agreed. The Goverments of Aktau agreed. Aktobe hosted it.\n\n# Comittee meets in Aktau\n"),
            (Lines{"sco-un.spelling: Goverments", "sco-un.spelling: Comittee"}));
}

// Mid-sentence capitalised words are names, but not one slip from a month or weekday name beside
// a day or a year or after a calendar cue of the lexicon: the name is offered as the fix.
TEST_F(SpellingCheckTest, MonthAndWeekdaySlipsBesideADateOrAfterACueAreFound) {
  std::vector<diag::Diagnostic> diagnostics;
  EXPECT_EQ(check("# Summit opens on Thrusday\n\nIt was signed on Septamber 5, 2019, marked on 15 Janury 2024 and "
                  "reviewed by Wendesday, 3 July.\n",
                  &diagnostics),
            (Lines{"sco-un.spelling: Thrusday", "sco-un.spelling: Septamber", "sco-un.spelling: Janury",
                   "sco-un.spelling: Wendesday"}));
  ASSERT_TRUE(diagnostics.at(2).fix);
  EXPECT_EQ(diagnostics[2].fix->edits.at(0).text, "January");
  EXPECT_EQ(diagnostics[2].fix->applicability, diag::Applicability::Unsafe);
}

TEST_F(SpellingCheckTest, NamesNearAMonthOrWeekdayStaySilent) {
  // No date or cue beside it; a capitalised word after it; a changed letter in a short name
  // ("Augusta"); "May" too short to judge; a real word ("Mach").
  EXPECT_EQ(check("Janury Rivers wrote. Ferries crossed the Sunda Strait on 5 June. Frida Kahlo left in 2024. "
                  "In Augusta 2024 it rained, on Mayo 5 too, at Mach 2 speed.\n"),
            Lines{});
}

TEST_F(SpellingCheckTest, NameGuardsKeepRealNamesSilent) {
  const std::vector<std::string> found =
      check("Ms Alimova met Mr Kerimov, Mr Rahman and Timur Alimv in Astara. Cooperation grew. "
            "Kazakhstani experts.\n");
  for (const std::string& line : found) EXPECT_FALSE(line.starts_with("sco-un.names")) << line;
}

// Two slips in a four-letter surname are another name unless the person's own given name stands
// before it and the two differ only by letters romanisations swap (Cyrillic "Вали" as "Vali").
TEST_F(SpellingCheckTest, ASurnameRomanisedAnotherWayIsFlaggedAfterTheGivenNameOnly) {
  std::vector<diag::Diagnostic> diagnostics;
  EXPECT_EQ(check("Ghada Waly spoke, then Ghada Vali and Ghada Wali.\n", &diagnostics),
            (Lines{"sco-un.names: Vali", "sco-un.names: Wali"}));
  EXPECT_EQ(diagnostics.at(0).message, "'Vali' for 'Waly' (Ghada Waly)");
  // No given name, another given name, or letters beyond the romanisations: someone else.
  EXPECT_EQ(check("Ms Vali met Omar Vali and Ghada Vale.\n"), Lines{});
}

TEST_F(SpellingCheckTest, RomanisationsThatAreNotTwoLetterGroupsAreLocatedErrors) {
  std::vector<std::string> errors;
  const auto checks = load("rules:\n  - id: n\n    kind: name-spelling\n    message: m\n"
                           "    romanisations: [\"w v\", \"w\", \"W V\", \"v v\"]\n",
                           errors);
  EXPECT_TRUE(checks.empty());
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_NE(errors[0].find("spelling-under-test.yaml:5:29"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("not 'w'"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("not 'W V'"), std::string::npos) << errors[1];
  EXPECT_NE(errors[2].find("not 'v v'"), std::string::npos) << errors[2];
}

TEST_F(SpellingCheckTest, MissingDictionaryIsALocatedEnvironmentError) {
  std::vector<std::string> errors;
  const auto checks = load("rules:\n  - id: s\n    kind: spelling\n    message: m\n    dictionary: xx_YY\n", errors);
  EXPECT_TRUE(checks.empty());
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].find("spelling-under-test.yaml:5:17"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("dictionary 'xx_YY' not found"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("hunspell-xx-yy"), std::string::npos) << errors[0];
}

TEST(DictionaryTest, SuggestionsAreNearEditsNotFarGuesses) {
  base::ErrorList errors;
  const auto dictionary = Dictionary::loadShared("en_GB", {}, base::Location{}, errors);
  ASSERT_NE(dictionary, nullptr);
  const std::vector<std::string> swapped = dictionary->suggest("recieve", 3);
  ASSERT_FALSE(swapped.empty());
  EXPECT_EQ(swapped.front(), "receive");
  const std::vector<std::string> dropped = dictionary->suggest("acommodation", 3);
  EXPECT_NE(std::find(dropped.begin(), dropped.end(), "accommodation"), dropped.end());
  // Hunspell's n-gram search, left on, offers "triploblastic" here after scanning every entry.
  EXPECT_EQ(dictionary->suggest("blorptastic", 3), std::vector<std::string>{});
  EXPECT_TRUE(dictionary->knows("accommodation"));
}

TEST(DictionaryTest, AnAffixFileThatSetsTheSuggestionLimitsItselfStillLoads) {
  // Hunspell refuses an affix file that sets MAXNGRAMSUGS twice; the limited copy must drop its own.
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("galley-dictionary-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "xx_TEST.aff") << "SET UTF-8\nTRY esianrtolcdugmfphbyvkw\nMAXNGRAMSUGS 4\nMAXCPDSUGS 2\n";
  std::ofstream(folder / "xx_TEST.dic") << "2\nreceive\nrelieve\n";
  base::ErrorList errors;
  const auto dictionary = Dictionary::loadShared("xx_TEST", {folder.string()}, base::Location{}, errors);
  std::filesystem::remove_all(folder);
  ASSERT_NE(dictionary, nullptr);
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(dictionary->knows("receive"));
  EXPECT_FALSE(dictionary->knows("recieve"));
  const std::vector<std::string> suggestions = dictionary->suggest("recieve", 3);
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front(), "receive");
  // Two edits away: only the n-gram search (the file's own MAXNGRAMSUGS 4) would offer "receive".
  EXPECT_EQ(dictionary->suggest("reseeve", 3), std::vector<std::string>{});
}

// A capitalised word is looked for one slip from a dictionary word only up to 40 bytes: the search
// is quadratic in the word's length (a fuzzed draft's 130-letter run took half a second, a
// 1,000-letter one seconds). Even a dictionary that holds a 45-letter word is not searched.
TEST(DictionaryTest, WordsOverFortyBytesAreNotSearchedForSlips) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("galley-slip-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const std::string longWord = std::string(44, 'o') + "n";
  std::ofstream(folder / "xx_SLIP.aff") << "SET UTF-8\nTRY on\n";
  std::ofstream(folder / "xx_SLIP.dic") << "2\nrelieve\n" << longWord << "\n";
  base::ErrorList errors;
  const auto dictionary = Dictionary::loadShared("xx_SLIP", {folder.string()}, base::Location{}, errors);
  std::filesystem::remove_all(folder);
  ASSERT_NE(dictionary, nullptr);
  EXPECT_TRUE(dictionary->knows(longWord));
  EXPECT_TRUE(dictionary->hasWordOneSlipFrom("Releive"));
  EXPECT_FALSE(dictionary->hasWordOneSlipFrom("O" + longWord.substr(1, 43)));  // 44 bytes, one letter dropped
  EXPECT_TRUE(dictionary->hasWordOneSlipFrom("Relieves"));
}

TEST(WordsTest, ShapesOfWords) {
  const std::string prose = "Xi’s co‑operation, UNODC, 5km, https://a.org/x y";
  const std::vector<annotate::Word> words = annotate::findWords(prose);
  ASSERT_GE(words.size(), 5U);
  EXPECT_EQ(prose.substr(words[0].prose.begin, words[0].prose.size()), "Xi");
  EXPECT_TRUE(words[0].capitalised);
  EXPECT_EQ(annotate::plainWord(prose.substr(words[1].prose.begin, words[1].prose.size())), "co-operation");
  EXPECT_TRUE(words[1].hyphenated);
  EXPECT_TRUE(words[2].allCaps);
  EXPECT_TRUE(words[3].hasDigit);
  EXPECT_TRUE(words[4].inLink);
  EXPECT_FALSE(words.back().inLink);
}

}  // namespace
}  // namespace galley::checks
