// --format gitlab: every issue has the shape GitLab's Code Quality documentation gives (description,
// check_name, unique fingerprint, severity from its five-level scale, location.path and
// location.lines.begin), and fingerprints survive lines inserted above a finding.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "diag/Fingerprint.h"
#include "report/ReporterFactory.h"

namespace galley::report {
namespace {

using Json = nlohmann::json;

base::Range find(std::string_view text, std::string_view needle, size_t from = 0) {
  const auto at = static_cast<base::Offset>(text.find(needle, from));
  return {at, at + static_cast<base::Offset>(needle.size())};
}

std::string render(const base::SourceBuffer& source, const std::vector<diag::Diagnostic>& diagnostics) {
  std::ostringstream out;
  auto reporter = makeReporter("gitlab", out, {});
  EXPECT_NE(reporter, nullptr);
  reporter->addFile(source, diagnostics);
  reporter->addFile(base::SourceBuffer("clean.md", "Nothing.\n"), {});
  reporter->finish(RunSummary{});
  return out.str();
}

// The documented shape, checked key by key.
void expectCodeQualityShape(const Json& report) {
  ASSERT_TRUE(report.is_array());
  std::set<std::string> fingerprints;
  const std::set<std::string> severities = {"info", "minor", "major", "critical", "blocker"};
  for (const Json& issue : report) {
    ASSERT_TRUE(issue.is_object());
    EXPECT_TRUE(issue.at("description").is_string());
    EXPECT_TRUE(issue.at("check_name").is_string());
    ASSERT_TRUE(issue.at("fingerprint").is_string());
    EXPECT_TRUE(fingerprints.insert(issue.at("fingerprint").get<std::string>()).second) << "duplicate fingerprint";
    EXPECT_TRUE(severities.contains(issue.at("severity").get<std::string>())) << issue.dump();
    const Json& location = issue.at("location");
    EXPECT_TRUE(location.at("path").is_string());
    EXPECT_FALSE(location.at("path").get<std::string>().starts_with("./"));
    ASSERT_TRUE(location.at("lines").at("begin").is_number_integer());
    EXPECT_GE(location.at("lines").at("begin").get<int>(), 1);
  }
}

TEST(ReportGitlab, CodeQualityShapeWithUniqueFingerprints) {
  const base::SourceBuffer source("./dir/a.md", "Intro.\nThe Secretary General spoke. The Secretary General left.\n");
  const std::string text(source.text());
  const std::vector<diag::Diagnostic> diagnostics = {
      {"un-style.title", diag::Severity::Error, find(text, "Secretary General"), "Write 'Secretary-General'", {}, std::nullopt, ""},
      {"un-style.title", diag::Severity::Error, find(text, "Secretary General", text.find("left") - 20), "Write 'Secretary-General'", {}, std::nullopt, ""},
      {"p.soft", diag::Severity::Warning, find(text, "spoke"), "soft", {}, std::nullopt, ""},
      {"p.note", diag::Severity::Info, find(text, "Intro"), "note", {}, std::nullopt, ""},
  };
  const Json report = Json::parse(render(source, diagnostics));
  expectCodeQualityShape(report);
  ASSERT_EQ(report.size(), 4U);
  EXPECT_EQ(report[0]["check_name"], "un-style.title");
  EXPECT_EQ(report[0]["severity"], "major");
  EXPECT_EQ(report[2]["severity"], "minor");
  EXPECT_EQ(report[3]["severity"], "info");
  EXPECT_EQ(report[0]["location"]["path"], "dir/a.md");
  EXPECT_EQ(report[0]["location"]["lines"]["begin"], 2);
  EXPECT_EQ(report[3]["location"]["lines"]["begin"], 1);
}

TEST(ReportGitlab, EmptyRunIsAnEmptyArray) {
  std::ostringstream out;
  auto reporter = makeReporter("gitlab", out, {});
  reporter->finish(RunSummary{});
  EXPECT_EQ(out.str(), "[]\n");
}

TEST(Fingerprint, SurvivesLinesAboveButNotEditsAround) {
  const std::string before = "# Title\n\nThe Secretary General spoke.\n";
  const std::string shifted = "# Title\n\nA new paragraph.\n\nAnother.\n\nThe Secretary General spoke.\n";
  const std::string edited = "# Title\n\nThe Secretary General wrote.\n";
  auto printOf = [](const std::string& path, const std::string& text) {
    const diag::Diagnostic diagnostic{"un-style.title", diag::Severity::Error, find(text, "Secretary General"), "m", {}, std::nullopt, ""};
    return diag::fingerprints(path, text, {diagnostic}).front();
  };
  EXPECT_EQ(printOf("a.md", before), printOf("a.md", shifted));
  EXPECT_EQ(printOf("a.md", before), printOf("./a.md", before));
  EXPECT_NE(printOf("a.md", before), printOf("a.md", edited));
  EXPECT_NE(printOf("a.md", before), printOf("b.md", before));
  EXPECT_EQ(printOf("a.md", before).size(), 16U);
}

}  // namespace
}  // namespace galley::report
