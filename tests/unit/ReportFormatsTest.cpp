// CI reporters (SARIF, GitHub, JUnit, checkstyle): exact fields, escaping, and validation of the
// output against the shared schemas (skipped with a message when ../shared/schemas is absent).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/GithubReporter.h"
#include "report/ReporterFactory.h"

namespace galley::report {
namespace {

namespace fs = std::filesystem;

const fs::path kSchemas = fs::path(GALLEY_SOURCE_DIR) / ".." / "shared" / "schemas";

base::Range find(std::string_view text, std::string_view needle) {
  const auto at = static_cast<base::Offset>(text.find(needle));
  return {at, at + static_cast<base::Offset>(needle.size())};
}

// A draft with one error carrying a fix and two notes (one in the file, one in a fact base), a
// warning over two lines, and an info with awkward characters in its message.
struct Sample {
  base::SourceBuffer source{"dir/a b.md", "# T\n\nThe Under-Secretary General met \xC3\xA9lus.\nSigned in\nAstana.\n"};
  std::vector<diag::Diagnostic> diagnostics;
  Sample() {
    diag::Diagnostic title{"un-style.title-hyphenation", diag::Severity::Error,
                           find(source.text(), "Under-Secretary General"),
                           "Write 'Under-Secretary-General', not 'Under-Secretary General'", {}, std::nullopt,
                           "https://example.org/titles"};
    title.fix = diag::Fix{"Replace with 'Under-Secretary-General'", diag::Applicability::Safe,
                          {{title.range, "Under-Secretary-General"}}};
    title.notes.push_back({"first used here", find(source.text(), "T\n"), "", 0, 0, "", ""});
    title.notes.push_back({"the fact", std::nullopt, "rules/f.yaml", 4, 7, "https://example.org/f", ""});
    const base::Range wrapped{find(source.text(), "Signed").begin, find(source.text(), "Astana").end};
    diagnostics.push_back(std::move(title));
    diagnostics.push_back({"p.wrap", diag::Severity::Warning, wrapped, "two lines", {}, std::nullopt, ""});
    diagnostics.push_back({"p.odd", diag::Severity::Info, find(source.text(), "\xC3\xA9lus"),
                           "100% <odd> & \"quoted\", a:b\nsecond line", {}, std::nullopt, ""});
  }
};

std::string render(std::string_view format, const Sample& sample, bool withError = false) {
  std::ostringstream out;
  ReporterOptions options;
  options.toolVersion = "0.1.0";
  options.rules = {{"p.odd", "", ""}, {"p.wrap", "Wrapped things. More text.", ""},
                   {"un-style.title-hyphenation", "Titles of office.", "https://example.org/titles"}};
  auto reporter = makeReporter(format, out, options);
  EXPECT_NE(reporter, nullptr);
  reporter->addFile(sample.source, sample.diagnostics);
  const base::SourceBuffer clean("clean.md", "Nothing here.\n");
  reporter->addFile(clean, {});
  if (withError) reporter->addError(base::Error::invalidInput("binary input (NUL byte); not a draft", base::Location{"bin.md", 1, 3}));
  reporter->finish(RunSummary{2, 1, 1, 1, 0.25});
  return out.str();
}

// Writes `text` to a fresh file under the temporary directory and returns its path.
fs::path writeTemp(const std::string& name, const std::string& text) {
  const fs::path path = fs::temp_directory_path() / ("galley-report-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path) << text;
  return path;
}

int runShell(const std::string& command) {
  return std::system(command.c_str());  // NOLINT(cert-env33-c): the test runs fixed local tools
}

TEST(ReportSarif, RulesResultsRegionsFixesAndRelatedLocations) {
  const auto log = nlohmann::json::parse(render("sarif", Sample(), true));
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1U);
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["tool"]["driver"]["name"], "galley");
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3U);
  EXPECT_EQ(rules[0]["shortDescription"]["text"], "p.odd");  // no description: the id
  EXPECT_EQ(rules[1]["shortDescription"]["text"], "Wrapped things.");
  EXPECT_EQ(rules[2]["helpUri"], "https://example.org/titles");
  ASSERT_EQ(run["results"].size(), 3U);
  const auto& title = run["results"][0];
  EXPECT_EQ(title["ruleId"], "un-style.title-hyphenation");
  EXPECT_EQ(title["ruleIndex"], 2);
  EXPECT_EQ(title["level"], "error");
  const auto& location = title["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "dir/a%20b.md");
  EXPECT_EQ(location["region"]["startLine"], 3);
  EXPECT_EQ(location["region"]["startColumn"], 5);
  EXPECT_EQ(location["region"]["endLine"], 3);
  EXPECT_EQ(location["region"]["endColumn"], 28);
  const auto& replacement = title["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"]["startColumn"], 5);
  EXPECT_EQ(replacement["insertedContent"]["text"], "Under-Secretary-General");
  ASSERT_EQ(title["relatedLocations"].size(), 2U);
  EXPECT_EQ(title["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_EQ(title["relatedLocations"][1]["physicalLocation"]["artifactLocation"]["uri"], "rules/f.yaml");
  EXPECT_EQ(title["relatedLocations"][1]["physicalLocation"]["region"]["startColumn"], 7);
  EXPECT_EQ(run["results"][1]["locations"][0]["physicalLocation"]["region"]["endLine"], 5);
  EXPECT_EQ(run["results"][2]["level"], "note");
  // "élus" starts after "met ": columns count code points, not bytes.
  EXPECT_EQ(run["results"][2]["locations"][0]["physicalLocation"]["region"]["endColumn"], 37);
  const auto& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "bin.md");
}

TEST(ReportSarif, EmptyRunIsValidJson) {
  std::ostringstream out;
  auto reporter = makeReporter("sarif", out, {});
  reporter->finish({});
  const auto log = nlohmann::json::parse(out.str());
  EXPECT_EQ(log["runs"][0]["results"].size(), 0U);
  EXPECT_EQ(log["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

TEST(ReportSarif, ValidatesAgainstTheSarifSchema) {
  const fs::path schema = kSchemas / "sarif-schema-2.1.0.json";
  if (!fs::exists(schema)) GTEST_SKIP() << "no " << schema << ": SARIF schema validation skipped";
  const fs::path log = writeTemp("log.sarif", render("sarif", Sample(), true));
  // jsonschema when the machine has it; otherwise the standard library checks the required fields.
  const std::string script =
      "import json,sys\n"
      "log=json.load(open(sys.argv[2]))\n"
      "try:\n"
      "    import jsonschema\n"
      "except ImportError:\n"
      "    jsonschema=None\n"
      "if jsonschema:\n"
      "    jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(log)\n"
      "assert log['version']=='2.1.0' and log['runs'][0]['tool']['driver']['name']\n"
      "for r in log['runs'][0]['results']:\n"
      "    assert r['message']['text'] and r['ruleId'] and r['level'] in ('error','warning','note')\n"
      "    reg=r['locations'][0]['physicalLocation']['region']\n"
      "    assert reg['startLine']>=1 and reg['startColumn']>=1 and reg['endLine']>=reg['startLine']\n";
  const fs::path checker = writeTemp("check_sarif.py", script);
  EXPECT_EQ(runShell("python3 " + checker.string() + " " + schema.string() + " " + log.string()), 0);
  fs::remove(log);
  fs::remove(checker);
}

TEST(ReportGithub, WorkflowCommandsWithEscapes) {
  const std::string out = render("github", Sample(), true);
  std::istringstream lines(out);
  std::string line;
  std::vector<std::string> all;
  while (std::getline(lines, line)) all.push_back(line);
  ASSERT_EQ(all.size(), 4U);
  EXPECT_EQ(all[0],
            "::error file=dir/a b.md,line=3,col=5,endLine=3,endColumn=28,title=un-style.title-hyphenation::"
            "Write 'Under-Secretary-General', not 'Under-Secretary General'%0A"
            "fix: Replace with 'Under-Secretary-General'%0Anote: line 1, column 3: first used here%0A"
            "note: rules/f.yaml:4: the fact (source: https://example.org/f)");
  EXPECT_EQ(all[1], "::warning file=dir/a b.md,line=4,col=1,endLine=5,endColumn=7,title=p.wrap::two lines");
  EXPECT_EQ(all[2], "::notice file=dir/a b.md,line=3,col=33,endLine=3,endColumn=37,title=p.odd::"
                    "100%25 <odd> & \"quoted\", a:b%0Asecond line");
  EXPECT_EQ(all[3], "::error file=bin.md,line=1,col=3::binary input (NUL byte); not a draft");
  EXPECT_EQ(GithubReporter::escapeProperty("a,b:c%d\r\n"), "a%2Cb%3Ac%25d%0D%0A");
  EXPECT_EQ(GithubReporter::escapeData("a,b:c%d\r\n"), "a,b:c%25d%0D%0A");
}

TEST(ReportJunit, OneSuiteOneCasePerFileOneFailurePerDiagnostic) {
  const std::string out = render("junit", Sample(), true);
  EXPECT_NE(out.find("<testsuite name=\"galley\" tests=\"3\" failures=\"3\" errors=\"1\" time=\"0.250\""),
            std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"dir/a b.md\" classname=\"galley\">"), std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"clean.md\" classname=\"galley\"/>"), std::string::npos);
  EXPECT_NE(out.find("<failure type=\"p.odd\" message=\"3:33: 100% &lt;odd&gt; &amp; &quot;quoted&quot;, "
                     "a:b&#10;second line\">"),
            std::string::npos);
  EXPECT_NE(out.find("<error type=\"input\" message=\"binary input (NUL byte); not a draft\">"), std::string::npos);
}

TEST(ReportCheckstyle, FilesAndErrors) {
  const std::string out = render("checkstyle", Sample(), true);
  EXPECT_NE(out.find("<checkstyle version=\"4.3\">"), std::string::npos);
  EXPECT_NE(out.find("<error line=\"3\" column=\"5\" severity=\"error\" message=\"Write &apos;Under-Secretary-"
                     "General&apos;, not &apos;Under-Secretary General&apos;\" source=\"un-style.title-hyphenation\"/>"),
            std::string::npos);
  EXPECT_NE(out.find("<file name=\"clean.md\">\n  </file>"), std::string::npos);
  EXPECT_NE(out.find("<exception>bin.md:1:3: error: binary input (NUL byte); not a draft</exception>"),
            std::string::npos);
}

// Runs xmllint --schema on `format`'s output; skipped when the schema or xmllint is missing.
void validateXml(std::string_view format, const std::string& schemaName) {
  const fs::path schema = kSchemas / schemaName;
  if (!fs::exists(schema)) GTEST_SKIP() << "no " << schema << ": XML schema validation skipped";
  if (runShell("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint is not installed";
  const fs::path report = writeTemp(std::string(format) + ".xml", render(format, Sample(), true));
  EXPECT_EQ(runShell("xmllint --noout --schema " + schema.string() + " " + report.string()), 0);
  fs::remove(report);
}

TEST(ReportJunit, ValidatesAgainstTheJunitSchema) { validateXml("junit", "junit-jenkins-xunit-10.xsd"); }
TEST(ReportCheckstyle, ValidatesAgainstTheCheckstyleSchema) {
  validateXml("checkstyle", "checkstyle-output.derived.xsd");
}

}  // namespace
}  // namespace galley::report
