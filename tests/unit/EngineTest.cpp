// Engine: engine diagnostics, suppressions through the real parser, sorting, and ordered parallel runs.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine/Engine.h"
#include "engine/Suppressions.h"

namespace galley::engine {
namespace {

// Hooks reporting rule "f.word" on every source occurrence of "bad" (found in block prose).
RuleHooks badWordHooks(std::atomic<int>* calls = nullptr) {
  RuleHooks hooks;
  hooks.ruleIds = {"f.word"};
  hooks.run = [calls](const document::Document& document, annotate::Annotations&, diag::DiagnosticSink& sink) {
    if (calls != nullptr) ++*calls;
    for (const document::Block& block : document.blocks) {
      const std::string& text = block.prose.text();
      for (size_t at = text.find("bad"); at != std::string::npos; at = text.find("bad", at + 1)) {
        const auto begin = static_cast<uint32_t>(at);
        sink.report({"f.word", diag::Severity::Warning, block.prose.toSource(base::Range{begin, begin + 3}), "bad word",
                     {}, std::nullopt, ""});
      }
    }
  };
  return hooks;
}

std::vector<std::string> describe(const FileResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) {
    const auto at = result.source->lineColumn(d.range.begin);
    out.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " + d.ruleId);
  }
  return out;
}

TEST(Engine, DiagnosticsAreSortedAndEngineOnesAdded) {
  const Engine engine(badWordHooks(), {});
  const FileResult result = engine.lint(base::SourceBuffer("e.md", "One bad \xFF word.\n\nA **bad** one.\n"));
  ASSERT_NE(result.source, nullptr);
  EXPECT_FALSE(result.error.has_value());
  EXPECT_EQ(describe(result), (std::vector<std::string>{"1:5 f.word", "1:9 galley.invalid-utf8", "3:5 f.word"}));
}

TEST(Engine, InlineMarkupOverBudgetIsAWarningAndTheBlockIsStillChecked) {
  // The inline grammar gives up on this paragraph (see MarkdownParserTest): the engine says so at
  // the block's start, and the block's text is still searched.
  std::string hostile;
  while (hostile.size() < 60000) hostile += "*a _b ";
  const Engine engine(badWordHooks(), {});
  const FileResult result = engine.lint(base::SourceBuffer("h.md", "Intro.\n\n" + hostile + "bad\n\nA bad end.\n"));
  const std::vector<std::string> got = describe(result);
  ASSERT_EQ(got.size(), 3U);
  EXPECT_EQ(got[0], "3:1 " + std::string(kMarkupNotParsedRule));
  EXPECT_EQ(result.diagnostics[0].severity, diag::Severity::Warning);
  EXPECT_NE(result.diagnostics[0].message.find("markup"), std::string::npos);
  EXPECT_EQ(got[1].substr(got[1].find(' ')), " f.word");
  EXPECT_EQ(got[2], "5:3 f.word");
}

TEST(Engine, MarkupNotParsedCanBeSuppressed) {
  std::string hostile;
  while (hostile.size() < 60000) hostile += "*a _b ";
  const Engine engine(badWordHooks(), {});
  const FileResult result = engine.lint(
      base::SourceBuffer("h.md", "<!-- galley-disable-next-line galley.markup-not-parsed -->\n" + hostile + "\n"));
  EXPECT_TRUE(result.diagnostics.empty()) << describe(result).front();
}

TEST(Engine, SuppressionCommentsFromTheParser) {
  const Engine engine(badWordHooks(), {});
  const FileResult result = engine.lint(base::SourceBuffer(
      "s.md", "<!-- galley-disable-next-line f.word -->\nA bad line.\n\nAnother bad line.\n\n"
              "<!-- galley-disable f.wrod -->\nStill bad.\n"));
  EXPECT_EQ(describe(result),
            (std::vector<std::string>{"4:9 f.word", "6:21 " + std::string(kUnknownSuppressionRule), "7:7 f.word"}));
  EXPECT_NE(result.diagnostics[1].message.find("did you mean 'f.word'?"), std::string::npos);
}

TEST(Engine, RunHandsBackResultsInInputOrderWithErrorsInPlace) {
  std::atomic<int> calls = 0;
  const Engine engine(badWordHooks(&calls), {kDefaultMaxFileSize, 4, {}, {}});
  std::vector<Input> inputs;
  for (int i = 0; i < 25; ++i) inputs.push_back({GALLEY_SOURCE_DIR "/fixtures/drafts/vienna-talks.txt", false, std::nullopt});
  inputs[7] = {"gone.md", false, base::Error::environment("no such file", base::Location{"gone.md", 0, 0})};
  inputs[12].path = GALLEY_SOURCE_DIR "/does-not-exist.md";
  std::vector<std::string> seen;
  engine.run(inputs, [&](FileResult& result) {
    seen.push_back(result.error ? "error:" + result.path : result.path);
  });
  ASSERT_EQ(seen.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const bool isError = i == 7 || i == 12;
    EXPECT_EQ(seen[i], (isError ? "error:" : "") + inputs[i].path) << i;
  }
  EXPECT_EQ(calls.load(), 23);
}

}  // namespace
}  // namespace galley::engine
