#include "tools/TestCommand.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "base/FileText.h"
#include "document/Parser.h"
#include "engine/BundledPaths.h"
#include "tools/CommandHelp.h"
#include "engine/Engine.h"
#include "tools/FixtureSpec.h"
#include "engine/InputCollector.h"
#include "engine/RuleLoading.h"
#include "config/NearestName.h"
#include "engine/Suppressions.h"

namespace galley::tools {

namespace {

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

bool isGoldenFile(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.find(".fixed.") != std::string::npos;
}

std::optional<std::string> readWholeFile(const std::string& path) {
  base::Expected<std::string> text = base::readFileText(path);
  if (!text) return std::nullopt;
  return std::move(*text);
}

// Checks one fixture; returns its failures (empty: passed).
std::vector<std::string> runFixture(const engine::Input& input, const checks::RuleSet& rules,
                                    const std::vector<std::string>& knownIds) {
  if (input.error) return {input.error->toString()};
  auto buffer = base::SourceBuffer::readFile(input.path, engine::kDefaultMaxFileSize);
  if (!buffer) return {buffer.error().toString()};
  const document::Document annotated =
      document::parseDocument(base::SourceBuffer(input.path, std::string(buffer->text())));
  FixtureSpec spec = FixtureSpec::fromDocument(annotated);
  const std::string sidecarPath = input.path + ".expect";
  if (std::filesystem::exists(sidecarPath)) {
    if (const auto sidecar = readWholeFile(sidecarPath))
      spec.addSidecar(*sidecar, sidecarPath);
    else
      spec.problems.push_back(fmt::format("{}: error: cannot read the sidecar", sidecarPath));
  }
  for (const Expectation& expectation : spec.expectations) {
    if (std::binary_search(knownIds.begin(), knownIds.end(), expectation.ruleId)) continue;
    std::string problem = fmt::format("{}: unknown rule '{}'", expectation.writtenAt, expectation.ruleId);
    if (const auto near = config::nearestMatch(expectation.ruleId, knownIds)) problem += fmt::format("; did you mean '{}'?", *near);
    spec.problems.push_back(problem);
  }
  const engine::Engine linter(spec.runsAllRules() ? engine::hooksFor(rules) : engine::hooksFor(rules, spec.ruleIds()), engine::EngineOptions{});
  const engine::FileResult result = linter.lint(std::move(buffer).value());
  return spec.compare(*result.source, result.diagnostics);
}

// The fixtures of packs given with --rules: DIR/fixtures/, and PACK/fixtures/ of each pack in a
// directory of packs.
std::vector<std::string> packFixtureDirs(const std::vector<std::string>& packDirs) {
  namespace fs = std::filesystem;
  std::vector<std::string> roots;
  std::error_code ec;
  for (const std::string& dir : packDirs) {
    if (fs::is_directory(fs::path(dir) / "fixtures", ec)) {
      roots.push_back((fs::path(dir) / "fixtures").string());
      continue;
    }
    std::vector<std::string> nested;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_directory(ec) && fs::is_directory(entry.path() / "fixtures", ec))
        nested.push_back((entry.path() / "fixtures").string());
    }
    std::sort(nested.begin(), nested.end());
    roots.insert(roots.end(), nested.begin(), nested.end());
  }
  return roots;
}

}  // namespace

const std::vector<OptionSpec>& testOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"--rules", "DIR", "test this pack (or directory of packs) alone: its self-tests, DIR/fixtures/ and the folders its rule files name in 'fixtures:'", true},
      {"--no-default-rules", "", "do not load the bundled packs", false},
      {"--quiet", "", "print failures only, no summary", false},
  };
  return kOptions;
}

int runTestCommand(const std::vector<std::string>& args) {
  auto parsed = parseArgs(args, testOptions());
  if (!parsed) {
    std::cerr << "galley test: " << parsed.error().message() << "\nTry 'galley test --help'.\n";
    return kExitUsage;
  }
  if (parsed->has("--help")) {
    std::cout << testHelp();
    return 0;
  }
  // `--rules DIR` tests that pack alone: its self-tests and the fixtures beside it.
  const std::vector<std::string> packDirs = parsed->all("--rules");
  const bool useBundled = !parsed->has("--no-default-rules") && packDirs.empty();
  const auto rules = engine::loadRules({packDirs, useBundled, {}}, std::cerr);
  if (!rules) return kExitUsage;

  // Self-tests of every loaded rule.
  const checks::SelfTestReport selfTests = rules->runSelfTests();
  for (const checks::SelfTestFailure& failure : selfTests.failures) {
    const base::Error located = base::Error::invalidInput(failure.message, failure.where);
    // "path:line:col: error: message" with the rule named, as compilers print.
    std::cout << "FAIL self-test " << failure.ruleId << ": " << located.toString() << '\n';
  }

  // Fixtures.
  std::vector<std::string> roots = parsed->operands;
  if (roots.empty() && !packDirs.empty()) {
    roots = packFixtureDirs(packDirs);
    // And the folders the pack's rule files name with `fixtures:`.
    for (const std::string& dir : rules->fixtureDirs()) {
      if (std::find(roots.begin(), roots.end(), dir) == roots.end()) roots.push_back(dir);
    }
  } else if (roots.empty()) {
    if (const auto bundled = engine::bundledFixturesDir()) roots.push_back(*bundled);
  }
  std::vector<std::string> knownIds = rules->ruleIds();
  knownIds.emplace_back(engine::kInvalidUtf8Rule);
  knownIds.emplace_back(engine::kNestingTooDeepRule);
  knownIds.emplace_back(engine::kUnknownSuppressionRule);
  std::sort(knownIds.begin(), knownIds.end());
  size_t fixturesPassed = 0;
  size_t fixturesFailed = 0;
  for (const engine::Input& input : engine::collectInputs(roots, "<stdin>")) {
    if (input.isStdin || isGoldenFile(input.path)) continue;
    const std::vector<std::string> failures = runFixture(input, *rules, knownIds);
    if (failures.empty()) {
      ++fixturesPassed;
      continue;
    }
    ++fixturesFailed;
    std::cout << "FAIL fixture " << input.path << '\n';
    for (const std::string& failure : failures) std::cout << "  " << failure << '\n';
  }

  const size_t selfTestsFailed = selfTests.failures.size();
  if (!parsed->has("--quiet")) {
    std::cout << fmt::format("self-tests: {} passed, {} failed; fixtures: {} passed, {} failed\n", selfTests.passed,
                             selfTestsFailed, fixturesPassed, fixturesFailed);
  }
  return selfTestsFailed > 0 || fixturesFailed > 0 ? kExitFailed : 0;
}

}  // namespace galley::tools
