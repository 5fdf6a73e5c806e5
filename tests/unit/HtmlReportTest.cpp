// The HTML report: escaping and links in-process, and the fixtures' whole report read back by
// tests/report/html_report_check.py (well-formed XML, nothing external, every finding at its line).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "CliHarness.h"
#include "base/SourceBuffer.h"
#include "report/ReporterFactory.h"

namespace galley::report {
namespace {

namespace fs = std::filesystem;
using testing::readAll;
using testing::runBinary;
using testing::ScratchDir;
using testing::shellQuote;

base::Range find(std::string_view text, std::string_view needle) {
  const auto at = static_cast<base::Offset>(text.find(needle));
  return {at, at + static_cast<base::Offset>(needle.size())};
}

std::string renderHtml(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  std::ostringstream out;
  ReporterOptions options;
  options.rules = {{"p.rule", "Why <this> matters & more.", ""}};
  auto reporter = makeReporter("html", out, options);
  EXPECT_NE(reporter, nullptr);
  reporter->addFile(source, diagnostics);
  reporter->finish(RunSummary{1, 1, 0, 0, 0.1});
  return out.str();
}

TEST(ReportHtml, EscapesSourceMessagesAndPathsAndUnderlinesTheSpan) {
  const base::SourceBuffer source{"a<b>&.md", "Line one.\nSee <script>alert(\"x\")</script> & \"this\".\n"};
  diag::Diagnostic finding{"p.rule", diag::Severity::Error, find(source.text(), "<script>"), "Don't <b>write</b> & \"that\"",
                           {}, std::nullopt, ""};
  const std::string html = renderHtml(source, {finding});
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"error\">&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp;"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<span class=\"ln\">2</span>See "), std::string::npos);
  EXPECT_NE(html.find("data-path=\"a&lt;b&gt;&amp;.md\""), std::string::npos);
  EXPECT_NE(html.find("Don&apos;t &lt;b&gt;write&lt;/b&gt; &amp; &quot;that&quot;"), std::string::npos) << html;
  EXPECT_NE(html.find("Why &lt;this&gt; matters &amp; more."), std::string::npos);
}

TEST(ReportHtml, FactSourcesAreLinksOnlyForWebAddresses) {
  const base::SourceBuffer source{"d.md", "Signed in Astana.\n"};
  diag::Diagnostic finding{"p.rule", diag::Severity::Warning, find(source.text(), "Astana"), "wrong place", {}, std::nullopt, ""};
  finding.notes.push_back({"the fact", std::nullopt, "rules/f.yaml", 4, 7, "https://example.org/a?b=1&c=2", "Press <release>"});
  finding.notes.push_back({"odd", std::nullopt, "rules/f.yaml", 9, 1, "javascript:alert(1)", "Bad"});
  const std::string html = renderHtml(source, {finding});
  EXPECT_NE(html.find("rules/f.yaml:4:7: the fact <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noreferrer\">Press "
                      "&lt;release&gt;</a>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"warning\">Astana</mark>"), std::string::npos);
}

TEST(ReportHtml, MultiLineSpanIsUnderlinedOnEachLine) {
  const base::SourceBuffer source{"d.md", "Signed in\nAstana today.\n"};
  const base::Range span{find(source.text(), "in").begin, find(source.text(), "Astana").end};
  const std::string html = renderHtml(source, {{"p.rule", diag::Severity::Info, span, "m", {}, std::nullopt, ""}});
  EXPECT_NE(html.find("<span class=\"ln\">1</span>Signed <mark class=\"info\">in</mark>\n"
                      "<span class=\"ln\">2</span><mark class=\"info\">Astana</mark> today."),
            std::string::npos)
      << html;
}

// The code points [from, to) (1-based columns) of `line`.
std::string columns(const std::string& line, size_t from, size_t to) {
  std::string out;
  size_t column = 1;
  for (size_t i = 0; i < line.size();) {
    size_t length = 1;
    const auto byte = static_cast<unsigned char>(line[i]);
    if (byte >= 0xF0U) {
      length = 4;
    } else if (byte >= 0xE0U) {
      length = 3;
    } else if (byte >= 0xC0U) {
      length = 2;
    }
    if (column >= from && column < to) out += line.substr(i, length);
    i += length;
    ++column;
  }
  return out;
}

std::string sourceLine(const std::string& path, size_t number) {
  std::istringstream in(readAll((fs::path(GALLEY_SOURCE_DIR) / path).string()));
  std::string line;
  for (size_t i = 0; i < number && std::getline(in, line); ++i) {
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

TEST(ReportHtml, FixturesReportShowsEveryFindingAtItsLineAndLoadsNothing) {
  if (std::system("python3 -c 'import xml.dom.minidom' >/dev/null 2>&1") != 0)  // NOLINT(cert-env33-c)
    GTEST_SKIP() << "python3 with xml.dom.minidom is not installed; the HTML report check needs it";
  const ScratchDir scratch;
  const std::string page = (scratch.path() / "report.html").string();
  const fs::path root = GALLEY_SOURCE_DIR;
  const auto html = runBinary({"check", "--no-cache", "--quiet", "--format", "html", "--output", page, "fixtures"}, root);
  ASSERT_TRUE(html.code == 0 || html.code == 1) << html.err;
  const auto json = runBinary({"check", "--no-cache", "--quiet", "--format", "json", "fixtures"}, root);
  ASSERT_TRUE(json.code == 0 || json.code == 1) << json.err;

  const std::string seen = (scratch.path() / "seen.json").string();
  const std::string command = "python3 " + shellQuote((root / "tests/report/html_report_check.py").string()) + " " +
                              shellQuote(page) + " >" + shellQuote(seen);
  ASSERT_EQ(std::system(command.c_str()), 0) << readAll(page).substr(0, 2000);  // NOLINT(cert-env33-c)
  const auto findings = nlohmann::json::parse(readAll(seen))["findings"];
  const auto expected = nlohmann::json::parse(json.out)["diagnostics"];
  ASSERT_GT(expected.size(), 20U) << "the fixtures should give many findings";
  ASSERT_EQ(findings.size(), expected.size());

  using Key = std::tuple<std::string, int, int, std::string, std::string>;
  std::vector<Key> want;
  std::vector<Key> got;
  for (const auto& d : expected) {
    want.emplace_back(d["path"], d["line"], d["column"], d["rule"], d["severity"]);
  }
  size_t underlinesChecked = 0;
  for (const auto& f : findings) {
    got.emplace_back(f[0], f[1], f[2], f[3], f[4]);
    EXPECT_EQ(f[6], f[1]) << "the excerpt starts at the finding's line: " << f.dump();
  }
  EXPECT_EQ(got, want);
  // The underlined text is the finding's span, for every finding on one line.
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& d = expected[i];
    if (d["end_line"] != d["line"]) continue;
    const std::string line = sourceLine(d["path"], d["line"]);
    EXPECT_EQ(findings[i][5].get<std::string>(), columns(line, d["column"], d["end_column"])) << d.dump();
    ++underlinesChecked;
  }
  EXPECT_GT(underlinesChecked, 20U);
}

}  // namespace
}  // namespace galley::report
