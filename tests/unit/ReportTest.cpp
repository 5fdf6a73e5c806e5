// Reporters: exact text (location, excerpt, caret, fix, notes), JSON fields and gcc lines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report/ReporterFactory.h"
#include "report/SourceExcerpt.h"
#include "report/TextReporter.h"

namespace galley::report {
namespace {

// Byte range of the first `needle` in `text`.
base::Range find(std::string_view text, std::string_view needle) {
  const auto at = static_cast<base::Offset>(text.find(needle));
  return {at, at + static_cast<base::Offset>(needle.size())};
}

diag::Diagnostic titleDiagnostic(const base::SourceBuffer& source) {
  diag::Diagnostic d;
  d.ruleId = "un-style.title-hyphenation";
  d.severity = diag::Severity::Error;
  d.range = find(source.text(), "Under-Secretary General");
  d.message = "Write 'Under-Secretary-General', not 'Under-Secretary General'";
  d.fix = diag::Fix{"hyphenate the title", diag::Applicability::Safe, {{d.range, "Under-Secretary-General"}}};
  return d;
}

ReporterOptions plain(bool color, bool summary) {
  ReporterOptions options;
  options.color = color;
  options.summary = summary;
  return options;
}

std::string render(std::string_view format, const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& ds,
                   ReporterOptions options = {}) {
  std::ostringstream out;
  auto reporter = makeReporter(format, out, options);
  EXPECT_NE(reporter, nullptr);
  reporter->addFile(source, ds);
  reporter->finish(RunSummary{1, 1, 0, 0, 0.5});
  return out.str();
}

TEST(ReportText, ClangStyleLineExcerptCaretAndFix) {
  const base::SourceBuffer source("d.txt", "Title\nThe Under-Secretary General spoke.\n");
  const std::string out = render("text", source, {titleDiagnostic(source)});
  // The range is 23 characters: '^' and 22 '~'.
  const std::string expected =
      "d.txt:2:5: error: Write 'Under-Secretary-General', not 'Under-Secretary General' "
      "[un-style.title-hyphenation]\n"
      "The Under-Secretary General spoke.\n"
      "    ^" + std::string(22, '~') + "\n"
      "fix: replace 'Under-Secretary General' with 'Under-Secretary-General'\n"
      "1 file checked: 1 error, 0 warnings, 0 infos (0.50 s)\n";
  EXPECT_EQ(out, expected);
}

TEST(ReportText, ColumnsCountCodePointsAndTabsExpand) {
  // "é" is two bytes but one column; the tab advances to display column 8.
  const base::SourceBuffer source("d.md", "\xC3\xA9\tUnder-Secretary General\n");
  const std::string out = render("text", source, {titleDiagnostic(source)}, plain(false, false));
  EXPECT_NE(out.find("d.md:1:3: error:"), std::string::npos) << out;
  EXPECT_NE(out.find("\xC3\xA9       Under-Secretary General\n        ^~~~"), std::string::npos) << out;
}

TEST(ReportText, UnsafeFixNotesAndFactUrl) {
  const base::SourceBuffer source("d.md", "Alpha beta alpha\n");
  diag::Diagnostic d;
  d.ruleId = "p.r";
  d.severity = diag::Severity::Warning;
  d.range = {11, 16};
  d.message = "second form";
  d.fix = diag::Fix{"", diag::Applicability::Unsafe, {{{11, 16}, "Alpha"}}};
  d.notes.push_back({"first used here", base::Range{0, 5}, "", 0, 0, "", ""});
  d.notes.push_back({"the fact", std::nullopt, "rules/facts.yaml", 12, 3, "https://example.org/a", ""});
  const std::string out = render("text", source, {d}, plain(false, false));
  EXPECT_EQ(out,
            "d.md:1:12: warning: second form [p.r]\n"
            "Alpha beta alpha\n"
            "           ^~~~~\n"
            "fix (unsafe): replace 'alpha' with 'Alpha'\n"
            "d.md:1:1: note: first used here\n"
            "rules/facts.yaml:12:3: note: the fact (source: https://example.org/a)\n");
}

TEST(ReportText, EmptyRangeGetsLoneCaretAndLongLinesNoExcerpt) {
  const std::string longLine(kMaxExcerptLineBytes + 1, 'x');
  const base::SourceBuffer source("d.md", "ab\n" + longLine + "\n");
  diag::Diagnostic atB{"p.r", diag::Severity::Info, {1, 1}, "here", {}, std::nullopt, ""};
  diag::Diagnostic onLong{"p.r", diag::Severity::Info, {3, 4}, "long", {}, std::nullopt, ""};
  const std::string out = render("text", source, {atB, onLong}, plain(false, false));
  EXPECT_EQ(out, "d.md:1:2: info: here [p.r]\nab\n ^\nd.md:2:1: info: long [p.r]\n");
}

TEST(ReportText, MultiLineRangeIsUnderlinedOnEachLine) {
  // "Under-Secretary\n  General" wrapped over two lines, then a range over three lines.
  const base::SourceBuffer source("d.md", "The Under-Secretary\n  General spoke.\nA\nB c\nD\n");
  const auto begin = static_cast<base::Offset>(source.text().find("Under"));
  const auto end = static_cast<base::Offset>(source.text().find(" spoke"));
  diag::Diagnostic two{"p.r", diag::Severity::Error, {begin, end}, "wrapped", {}, std::nullopt, ""};
  EXPECT_EQ(render("text", source, {two}, plain(false, false)),
            "d.md:1:5: error: wrapped [p.r]\nThe Under-Secretary\n    ^~~~~~~~~~~~~~~\n  General spoke.\n  ~~~~~~~\n");
  const auto a = static_cast<base::Offset>(source.text().find("A\n"));
  const auto d = static_cast<base::Offset>(source.text().find("D\n"));
  // Ends at the start of "D": the last line shown is "B c", underlined whole.
  diag::Diagnostic three{"p.r", diag::Severity::Info, {a, d}, "three", {}, std::nullopt, ""};
  EXPECT_EQ(render("text", source, {three}, plain(false, false)), "d.md:3:1: info: three [p.r]\nA\n^\nB c\n~~~\n");
}

TEST(ReportText, LongMultiLineRangeShowsItsFirstLinesOnly) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "line\n";
  const base::SourceBuffer source("d.md", text);
  diag::Diagnostic all{"p.r", diag::Severity::Info, {0, static_cast<base::Offset>(text.size())}, "all", {},
                       std::nullopt, ""};
  const auto excerpts = makeExcerpts(source, all.range);
  ASSERT_EQ(excerpts.size(), kMaxExcerptLines);
  EXPECT_EQ(excerpts[0].caret, "^~~~");
  EXPECT_EQ(excerpts[1].caret, "~~~~");
}

TEST(ReportText, ColourOnlyWhenAsked) {
  const base::SourceBuffer source("d.txt", "x Under-Secretary General\n");
  EXPECT_EQ(render("text", source, {titleDiagnostic(source)}, plain(false, true)).find('\033'), std::string::npos);
  EXPECT_NE(render("text", source, {titleDiagnostic(source)}, plain(true, true)).find("\033[1;31merror:\033[0m"),
            std::string::npos);
}

TEST(ReportText, SummaryPluralsAndTime) {
  EXPECT_EQ(TextReporter::summaryLine({2, 0, 3, 1, 0.123}), "2 files checked: 0 errors, 3 warnings, 1 info (0.12 s)");
}

TEST(ReportJson, OneObjectWithOneBasedExclusiveEnds) {
  const base::SourceBuffer source("d.txt", "T\n\xC3\xA9 Under-Secretary General\n");
  diag::Diagnostic d = titleDiagnostic(source);
  d.notes.push_back({"first", base::Range{0, 1}, "", 0, 0, "", ""});
  d.notes.push_back({"fact", std::nullopt, "f.yaml", 4, 7, "https://example.org/f", ""});
  d.link = "https://example.org/rule";
  const auto json = nlohmann::json::parse(render("json", source, {d}));
  EXPECT_EQ(json["version"], 1);
  ASSERT_EQ(json["diagnostics"].size(), 1U);
  const auto& j = json["diagnostics"][0];
  EXPECT_EQ(j["path"], "d.txt");
  EXPECT_EQ(j["line"], 2);
  EXPECT_EQ(j["column"], 3);  // after "é " (two code points, three bytes)
  EXPECT_EQ(j["end_line"], 2);
  EXPECT_EQ(j["end_column"], 26);
  EXPECT_EQ(j["severity"], "error");
  EXPECT_EQ(j["rule"], "un-style.title-hyphenation");
  EXPECT_EQ(j["fix"]["safe"], true);
  EXPECT_EQ(j["fix"]["edits"][0]["column"], 3);
  EXPECT_EQ(j["fix"]["edits"][0]["end_column"], 26);
  EXPECT_EQ(j["fix"]["edits"][0]["text"], "Under-Secretary-General");
  EXPECT_EQ(j["notes"][0]["path"], "d.txt");
  EXPECT_EQ(j["notes"][0]["line"], 1);
  EXPECT_FALSE(j["notes"][0].contains("url"));
  EXPECT_EQ(j["notes"][1]["path"], "f.yaml");
  EXPECT_EQ(j["notes"][1]["column"], 7);
  EXPECT_EQ(j["notes"][1]["url"], "https://example.org/f");
  EXPECT_EQ(j["link"], "https://example.org/rule");
}

TEST(ReportJson, NullFixEmptyRunAndInvalidUtf8InMessage) {
  const base::SourceBuffer source("d.md", "a\xFF b\n");
  diag::Diagnostic d{"galley.invalid-utf8", diag::Severity::Error, {1, 2}, "bad \xFF byte", {}, std::nullopt, ""};
  const auto json = nlohmann::json::parse(render("json", source, {d}));
  EXPECT_TRUE(json["diagnostics"][0]["fix"].is_null());
  EXPECT_TRUE(json["diagnostics"][0]["link"].is_null());
  EXPECT_EQ(json["diagnostics"][0]["message"], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(json["diagnostics"][0]["column"], 2);
  EXPECT_EQ(json["diagnostics"][0]["end_column"], 3);
  EXPECT_EQ(nlohmann::json::parse(render("json", source, {}))["diagnostics"].size(), 0U);
}

TEST(ReportJson, InputErrorsAreListedBesideTheDiagnostics) {
  std::ostringstream out;
  auto reporter = makeReporter("json", out, {});
  reporter->addError(base::Error::invalidInput("binary input (NUL byte); not a draft", base::Location{"b.md", 2, 5}));
  reporter->addError(base::Error::environment("no such file or directory", base::Location{"gone.md", 0, 0}));
  reporter->finish({});
  const auto json = nlohmann::json::parse(out.str());
  EXPECT_EQ(json["diagnostics"].size(), 0U);
  ASSERT_EQ(json["errors"].size(), 2U);
  EXPECT_EQ(json["errors"][0]["path"], "b.md");
  EXPECT_EQ(json["errors"][0]["line"], 2);
  EXPECT_EQ(json["errors"][0]["column"], 5);
  EXPECT_EQ(json["errors"][0]["message"], "binary input (NUL byte); not a draft");
  EXPECT_EQ(json["errors"][1]["path"], "gone.md");
  EXPECT_EQ(json["errors"][1]["line"], 0);
  const base::SourceBuffer source("d.md", "x\n");
  EXPECT_EQ(nlohmann::json::parse(render("json", source, {}))["errors"].size(), 0U);
}

TEST(ReportGcc, OneLinePerDiagnostic) {
  const base::SourceBuffer source("d.txt", "x Under-Secretary General\n");
  EXPECT_EQ(render("gcc", source, {titleDiagnostic(source)}),
            "d.txt:1:3: error: Write 'Under-Secretary-General', not 'Under-Secretary General' "
            "[un-style.title-hyphenation]\n");
}

TEST(ReportFactory, UnknownFormatIsNull) {
  std::ostringstream out;
  EXPECT_EQ(makeReporter("sarif-ish", out, {}), nullptr);
  EXPECT_EQ(formatNames(),
            (std::vector<std::string>{"checkstyle", "gcc", "github", "gitlab", "html", "json", "junit", "sarif", "text"}));
}

}  // namespace
}  // namespace galley::report
