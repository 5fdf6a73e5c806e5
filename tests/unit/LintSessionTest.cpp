// LintSession must give exactly what a full lint of the same text gives, after any edit: a stale
// cached finding (a false alarm) or a lost one (a missed problem) is worse than a slow lint.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "checks/RuleSet.h"
#include "engine/Engine.h"
#include "engine/FileSettings.h"
#include "engine/LintSession.h"
#include "engine/RuleLoading.h"

namespace galley::engine {
namespace {

// Every field a front end shows or applies, one line per diagnostic.
std::string describe(const FileResult& result) {
  std::string out;
  for (const diag::Diagnostic& d : result.diagnostics) {
    out += fmt::format("{} {} [{},{}) {} | {}", d.ruleId, diag::severityName(d.severity), d.range.begin, d.range.end,
                       d.message, d.link);
    for (const diag::Note& note : d.notes) {
      out += fmt::format(" | note {} {}:{}:{} {}", note.message, note.path, note.line, note.column, note.sourceUrl);
      if (note.range) out += fmt::format(" [{},{})", note.range->begin, note.range->end);
    }
    if (d.fix) {
      out += fmt::format(" | fix {} {}", d.fix->title, d.fix->applicability == diag::Applicability::Safe ? "safe" : "unsafe");
      for (const diag::Edit& edit : d.fix->edits) out += fmt::format(" [{},{})='{}'", edit.range.begin, edit.range.end, edit.text);
    }
    out += '\n';
  }
  return out;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  return body.str();
}

// Snippets typed into drafts: markup that changes block structure, words rules react to.
constexpr std::array kSnippets = {
    "x", " ", "\n", "\n\n", "# ", "- ", "1. ", "> ", "*", "**", "_", "`", "[", "](x)", "|", "---\n", "\n---\n",
    "the the ", "Secretary-General ", "Mr ", " on 12 May 2019", " last Tuesday", "UNODC ", "(UNODC)", ".", ", ",
    "recieve ", "<!-- galley-disable-next-line -->\n", "organisation: OSCE\n", "&amp;", "\\", "\r\n", "é", "    ",
};

class LintSessionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    checks::LoadedRules loaded = checks::RuleSet::load({GALLEY_SOURCE_DIR "/rules"});
    ASSERT_TRUE(loaded.errors.empty());
    rules_ = new checks::RuleSet(std::move(loaded.rules));  // NOLINT(cppcoreguidelines-owning-memory)
  }
  static void TearDownTestSuite() {
    delete rules_;  // NOLINT(cppcoreguidelines-owning-memory)
    rules_ = nullptr;
  }
  static checks::RuleSet* rules_;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
};
checks::RuleSet* LintSessionTest::rules_ = nullptr;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

EngineOptions oneThread() {
  EngineOptions options;
  options.jobs = 1;
  return options;
}

// Offset `at` moved back to the start of a UTF-8 character.
size_t characterStart(const std::string& text, size_t at) {
  constexpr unsigned kContinuationMask = 0xC0U;
  constexpr unsigned kContinuation = 0x80U;
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & kContinuationMask) == kContinuation) --at;
  return at;
}

// One random edit: insert a snippet, delete a few bytes, or move a stretch elsewhere.
void randomEdit(std::string& text, std::mt19937& random) {
  const auto pick = [&](size_t bound) { return std::uniform_int_distribution<size_t>(0, bound)(random); };
  const size_t at = characterStart(text, pick(text.size()));
  switch (pick(3)) {
    case 0:
    case 1: text.insert(at, kSnippets[pick(kSnippets.size() - 1)]); break;
    case 2: text.erase(at, characterStart(text, std::min(text.size(), at + 1 + pick(20))) - at); break;
    default: {
      const size_t end = characterStart(text, std::min(text.size(), at + pick(200)));
      const std::string moved = text.substr(at, end - at);
      text.erase(at, end - at);
      text.insert(characterStart(text, pick(text.size())), moved);
    }
  }
}

TEST_F(LintSessionTest, EveryEditGivesWhatAFullLintGives) {
  const Engine engine(hooksFor(*rules_), oneThread());
  std::vector<std::filesystem::path> drafts;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(GALLEY_SOURCE_DIR "/fixtures")) {
    const std::string name = entry.path().filename().string();
    if ((entry.path().extension() == ".md" || entry.path().extension() == ".txt") && name.find(".fixed.") == std::string::npos)
      drafts.push_back(entry.path());
  }
  std::sort(drafts.begin(), drafts.end());
  ASSERT_GT(drafts.size(), 20U);
  constexpr int kEditsPerDraft = 24;
  std::mt19937 random(20261203);  // NOLINT(cert-msc32-c,cert-msc51-cpp): reproducible on purpose
  size_t findings = 0;
  for (const auto& path : drafts) {
    std::string text = readFile(path);
    LintSession session;
    for (int edit = 0; edit <= kEditsPerDraft; ++edit) {
      if (edit > 0) randomEdit(text, random);
      const FileResult incremental = session.lint(engine, base::SourceBuffer(path.string(), text));
      const FileResult full = engine.lint(base::SourceBuffer(path.string(), text));
      ASSERT_EQ(describe(incremental), describe(full)) << path << " after edit " << edit << ":\n" << text;
      findings += full.diagnostics.size();
    }
  }
  EXPECT_GT(findings, drafts.size() * kEditsPerDraft);  // the drafts have findings to keep right
}

// Rules reloaded: a new engine, whose findings the session must not mix with the old one's.
TEST_F(LintSessionTest, AnotherEngineStartsAfresh) {
  const std::string text = "# Heads meet\n\nThey will recieve the the delegation.\n";
  const Engine all(hooksFor(*rules_), oneThread());
  LintSession session;
  const FileResult before = session.lint(all, base::SourceBuffer("draft.md", text));
  ASSERT_FALSE(before.diagnostics.empty());
  const Engine spellingOnly(hooksFor(*rules_, {"un-style.repeated-word"}), oneThread());
  const FileResult after = session.lint(spellingOnly, base::SourceBuffer("draft.md", text));
  EXPECT_EQ(describe(after), describe(spellingOnly.lint(base::SourceBuffer("draft.md", text))));
  EXPECT_LT(after.diagnostics.size(), before.diagnostics.size());
}

}  // namespace
}  // namespace galley::engine

namespace galley::engine {
namespace {

// The language server asks for a file's settings on every lint and gets a new, equal object each
// time; the session must still keep unchanged blocks' findings (it once compared the pointers and
// checked every block again on every keystroke), and must drop them when the settings differ.
TEST_F(LintSessionTest, EqualSettingsFromAFreshObjectKeepUnchangedBlocks) {
  auto severities = std::make_shared<diag::Severity>(diag::Severity::Warning);
  EngineOptions options = oneThread();
  options.settingsFor = [severities](const std::string& /*path*/) {
    auto settings = std::make_shared<FileSettings>();
    for (const std::string& id : rules_->ruleIds()) {
      settings->activeRules.insert(id);
      settings->severities.emplace(id, *severities);
    }
    return std::shared_ptr<const FileSettings>(settings);
  };
  const Engine engine(hooksFor(*rules_), options);
  std::string text = "# Heads meet\n\nThey will recieve the the delegation.\n\nA second paragraph.\n\nA third one.\n";
  LintSession session;
  (void)session.lint(engine, base::SourceBuffer("draft.md", text));
  EXPECT_EQ(session.blocksChecked(), 4U);
  text.insert(text.find("second"), "new ");
  const FileResult edited = session.lint(engine, base::SourceBuffer("draft.md", text));
  EXPECT_EQ(session.blocksChecked(), 1U);
  EXPECT_EQ(describe(edited), describe(engine.lint(base::SourceBuffer("draft.md", text))));
  *severities = diag::Severity::Error;  // other settings: nothing cached may be kept
  const FileResult resettled = session.lint(engine, base::SourceBuffer("draft.md", text));
  EXPECT_EQ(session.blocksChecked(), 4U);
  EXPECT_EQ(describe(resettled), describe(engine.lint(base::SourceBuffer("draft.md", text))));
}

}  // namespace
}  // namespace galley::engine
