#include "tools/CheckCommand.h"

#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <limits>

#include <fmt/format.h>

#include "report/ReporterFactory.h"
#include "tools/CommandHelp.h"
#include "engine/AtomicWrite.h"
#include "engine/Baseline.h"
#include "engine/Engine.h"
#include "engine/Sharding.h"
#include "engine/RuleLoading.h"
#include "config/NearestName.h"
#include "engine/Suppressions.h"
#include "tools/FixCommand.h"
#include "tools/ProjectSetup.h"

namespace galley::tools {

namespace {

constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr unsigned kMaxJobs = 256;
// Binary size suffixes of --max-file-size.
constexpr unsigned kKibShift = 10;
constexpr unsigned kMibShift = 20;
constexpr unsigned kGibShift = 30;

// Which severities make the exit code 1: "none" is nullopt.
struct FailOn {
  std::optional<diag::Severity> threshold = diag::Severity::Error;
};

std::optional<FailOn> parseFailOn(std::string_view text) {
  if (text == "none") return FailOn{std::nullopt};
  if (const auto severity = diag::parseSeverity(text)) return FailOn{severity};
  return std::nullopt;
}

// "16777216", "16M", "16MiB", "512K", "1G" -> bytes.
std::optional<uint64_t> parseSize(std::string_view text) {
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  std::string_view suffix(end, static_cast<size_t>(text.data() + text.size() - end));
  unsigned shift = 0;
  if (suffix == "K" || suffix == "KiB" || suffix == "k")
    shift = kKibShift;
  else if (suffix == "M" || suffix == "MiB")
    shift = kMibShift;
  else if (suffix == "G" || suffix == "GiB")
    shift = kGibShift;
  else if (!suffix.empty())
    return std::nullopt;
  if (value > (std::numeric_limits<uint64_t>::max() >> shift)) return std::nullopt;
  return value << shift;
}

// Colour: --color=always|never|auto, --no-color; auto means stdout is a terminal and NO_COLOR unset.
std::optional<bool> decideColor(const ParsedArgs& parsed) {
  std::string mode = parsed.last("--color").value_or("auto");
  if (parsed.has("--no-color")) mode = "never";
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") return std::nullopt;
  const char* noColor = std::getenv("NO_COLOR");  // NOLINT(concurrency-mt-unsafe): read before threads start
  return ::isatty(STDOUT_FILENO) == 1 && (noColor == nullptr || *noColor == '\0');
}

// Every loaded rule and the engine's own, sorted by id, for formats that list rules (SARIF).
std::vector<report::RuleInfo> ruleCatalogue(const checks::RuleSet& rules) {
  std::vector<report::RuleInfo> out;
  for (const std::string& id : rules.ruleIds()) {
    const config::RuleConfig* rule = rules.rule(id);
    out.push_back({id, rule != nullptr ? rule->description : std::string(), rule != nullptr ? rule->link : std::string()});
  }
  out.push_back({std::string(engine::kInvalidUtf8Rule), "The draft contains bytes that are not valid UTF-8.", ""});
  out.push_back({std::string(engine::kMarkupNotParsedRule), "Markup the parser gave up on (too costly); the text was checked as is.", ""});
  out.push_back({std::string(engine::kNestingTooDeepRule), "Block quotes or lists nested too deep to parse as Markdown.", ""});
  out.push_back({std::string(engine::kUnknownSuppressionRule), "A suppression comment names a rule that is not loaded.", ""});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

int usageError(const std::string& message) {
  std::cerr << "galley check: " << message << "\nTry 'galley check --help'.\n";
  return kExitUsage;
}

// What the CI options (--baseline, --write-baseline) carry through a run.
struct CiState {
  std::optional<engine::Baseline> baseline;     // --baseline: findings to leave out
  std::optional<std::string> writeBaseline;     // --write-baseline FILE
  engine::Baseline recorded;                    // this run's findings, for --write-baseline
};

// Applies --shard (dropping inputs), --baseline, --cache/--no-cache. Returns an exit code when an
// option is bad, after saying why.
std::optional<int> applyCiOptions(const ParsedArgs& parsed, ProjectSetup& setup, engine::EngineOptions& engineOptions,
                                  CiState& ci) {
  if (const auto shardText = parsed.last("--shard")) {
    const auto shard = engine::parseShard(*shardText);
    if (!shard) return usageError(fmt::format("--shard: expected I/N with 1 <= I <= N, got '{}'", *shardText));
    std::erase_if(setup.inputs, [&](const engine::Input& input) { return !engine::inShard(input.path, *shard); });
  }
  if (const auto baselinePath = parsed.last("--baseline")) {
    auto loaded = engine::Baseline::load(*baselinePath);
    if (!loaded) {
      std::cerr << loaded.error().toString() << '\n';
      return kExitUsage;
    }
    ci.baseline = std::move(loaded).value();
  }
  ci.writeBaseline = parsed.last("--write-baseline");
  if (!parsed.has("--no-cache")) {
    const auto cacheDir = parsed.has("--cache") ? parsed.last("--cache") : engine::ResultCache::defaultDir();
    if (cacheDir) engineOptions.cache = std::make_shared<const engine::ResultCache>(*cacheDir, cacheRunKey(setup));
  }
  return std::nullopt;
}

// Whether any rule ran on `result` (no settings: the packs' defaults, which the caller checked).
bool hasActiveRules(const engine::FileResult& result) {
  return result.settings == nullptr || !result.settings->activeRules.empty();
}

// A run that checked files with no rule on would exit 0 having looked at nothing: say so.
void warnIfNoRuleRan(const report::RunSummary& summary, bool anyRuleActive) {
  if (summary.files == 0 || anyRuleActive) return;
  std::cerr << "galley: warning: no rule is active (check --no-default-rules, --rules, 'packs:' and 'rules:'); "
               "only input problems could be reported\n";
}

// Counts `diagnostics` into `summary`; true when one is at or above --fail-on.
bool countFindings(const std::vector<diag::Diagnostic>& diagnostics, const FailOn& failOn, report::RunSummary& summary) {
  bool failed = false;
  for (const diag::Diagnostic& diagnostic : diagnostics) {
    switch (diagnostic.severity) {
      case diag::Severity::Error: ++summary.errors; break;
      case diag::Severity::Warning: ++summary.warnings; break;
      case diag::Severity::Info: ++summary.infos; break;
    }
    if (failOn.threshold && diagnostic.severity >= *failOn.threshold) failed = true;
  }
  return failed;
}

// --output FILE: a temporary file beside it is opened before the run (so an unwritable place is
// found before any work) and renamed over FILE at the end: a failed run or a full disk leaves the
// previous report whole. Without --output, `out` stays null. False, after saying why, when the file
// cannot be opened.
bool openOutput(const std::optional<std::string>& path, std::unique_ptr<engine::AtomicFileWriter>& out) {
  if (!path) return true;
  auto writer = engine::AtomicFileWriter::open(*path, "--output file");
  if (!writer) {
    std::cerr << writer.error().toString() << '\n';
    return false;
  }
  out = std::move(writer).value();
  return true;
}

// One warning when the cache could not store a result. Not an error: every file was checked; only
// the next run will not be faster.
void warnIfNotCached(const engine::ResultCache* cache) {
  if (cache == nullptr) return;
  if (const auto failure = cache->storeFailure())
    std::cerr << fmt::format("galley: warning: results not cached ({}); the check itself is complete\n", *failure);
}

// Puts the --output file in place and, unless `summary` is null (--quiet), prints the summary line
// on the terminal. False, after saying why, when the file could not be written whole.
bool closeOutput(const std::string& path, engine::AtomicFileWriter& out, const report::RunSummary* summary) {
  if (const auto error = out.commit()) {
    std::cerr << error->toString() << '\n';
    return false;
  }
  if (summary == nullptr) return true;
  auto plural = [](size_t n) { return n == 1 ? "" : "s"; };
  std::cerr << fmt::format("galley: {} file{} checked: {} error{}, {} warning{}, {} info; report in {}\n", summary->files,
                           plural(summary->files), summary->errors, plural(summary->errors), summary->warnings,
                           plural(summary->warnings), summary->infos, path);
  return true;
}

// Writes --write-baseline's file, if asked. False (after saying why) when it cannot.
bool writeBaselineFile(const CiState& ci) {
  if (!ci.writeBaseline) return true;
  if (const auto error = ci.recorded.write(*ci.writeBaseline)) {
    std::cerr << error->toString() << '\n';
    return false;
  }
  std::cerr << fmt::format("galley: baseline of {} finding{} written to {}\n", ci.recorded.size(),
                           ci.recorded.size() == 1 ? "" : "s", *ci.writeBaseline);
  return true;
}

}  // namespace

const std::vector<OptionSpec>& checkOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"--rules", "DIR", "add a rule pack (or a directory of packs); repeatable", true},
      {"--no-default-rules", "", "do not load the bundled packs", false},
      {"--format", "FORMAT", "output: text (default), json, gcc, sarif, github, gitlab, junit, checkstyle, html", false},
      {"--fail-on", "LEVEL", "exit 1 on findings at or above: error (default), warning, info, none", false},
      {"--color", "WHEN", "colour the text output: auto (default), always, never", false},
      {"--no-color", "", "same as --color=never", false},
      {"--stdin-filename", "PATH", "name (and format, by extension) of the draft read from '-'", false},
      {"--max-file-size", "SIZE", "refuse larger files (bytes, or with K/M/G); default 16M", false},
      {"--jobs", "N", "files checked in parallel; default: one per core", false},
      {"--quiet", "", "no summary line", false},
      {"--fix", "", "apply the safe fixes in place first, then report what is left (see 'galley fix')", false},
      {"--unsafe-fixes", "", "with --fix, apply unsafe fixes too", false},
      {"--output", "FILE", "write the report to FILE; the summary still goes to the terminal", false},
      {"--baseline", "FILE", "report only findings FILE does not record", false},
      {"--write-baseline", "FILE", "record every finding of this run in FILE (exit 0)", false},
      {"--cache", "DIR", "reuse results of unchanged files; default: the user's cache dir", false},
      {"--no-cache", "", "check every file afresh, store nothing", false},
      {"--shard", "I/N", "check only the I-th of N path-hash shards of the inputs", false},
  };
  static const std::vector<OptionSpec> kAll = [] {
    std::vector<OptionSpec> all = kOptions;
    all.insert(all.end(), configOptions().begin(), configOptions().end());
    return all;
  }();
  return kAll;
}

int runCheckCommand(const std::vector<std::string>& args) {
  const auto start = std::chrono::steady_clock::now();
  auto parsed = parseArgs(args, checkOptions());
  if (!parsed) return usageError(parsed.error().message());
  if (parsed->has("--help")) {
    std::cout << checkHelp();
    return 0;
  }

  const std::string format = parsed->last("--format").value_or("text");
  const auto formats = report::formatNames();
  if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
    std::string message = fmt::format("unknown format '{}' (valid: {})", format, fmt::join(formats, ", "));
    if (const auto near = config::nearestMatch(format, formats)) message += fmt::format("; did you mean '{}'?", *near);
    return usageError(message);
  }
  const auto failOn = parseFailOn(parsed->last("--fail-on").value_or("error"));
  if (!failOn) return usageError("--fail-on must be error, warning, info or none");
  const auto color = decideColor(*parsed);
  if (!color) return usageError("--color must be auto, always or never");
  engine::EngineOptions engineOptions;
  if (const auto size = parsed->last("--max-file-size")) {
    const auto bytes = parseSize(*size);
    if (!bytes || *bytes == 0) return usageError(fmt::format("--max-file-size: bad size '{}'", *size));
    engineOptions.maxFileSize = *bytes;
  }
  if (const auto jobs = parsed->last("--jobs")) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(jobs->data(), jobs->data() + jobs->size(), value);
    if (error != std::errc() || end != jobs->data() + jobs->size() || value == 0 || value > kMaxJobs)
      return usageError(fmt::format("--jobs: expected a number from 1 to {}, got '{}'", kMaxJobs, *jobs));
    engineOptions.jobs = value;
  }
  if (parsed->operands.empty()) return usageError("no input; give files or directories to check, or '-' for stdin");

  const auto setup = setUpProject(*parsed, parsed->operands, parsed->last("--stdin-filename").value_or("<stdin>"), std::cerr);
  if (!setup) return kExitUsage;
  const checks::RuleSet* rules = setup->rules.get();
  CiState ci;
  if (const auto exit = applyCiOptions(*parsed, *setup, engineOptions, ci)) return *exit;
  engineOptions.settingsFor = [&setup](const std::string& path) { return setup->resolver->settingsFor(path, *setup->rules); };
  std::unique_ptr<engine::AtomicFileWriter> outputFile;
  const auto outputPath = parsed->last("--output");
  if (!openOutput(outputPath, outputFile)) return kExitUsage;

  report::ReporterOptions reporterOptions;
  reporterOptions.color = *color;
  reporterOptions.summary = !parsed->has("--quiet") && !outputPath;
  reporterOptions.toolVersion = GALLEY_VERSION;
  reporterOptions.rules = ruleCatalogue(*rules);
  const auto reporter = report::makeReporter(format, outputFile ? outputFile->stream() : std::cout, reporterOptions);
  const engine::Engine linter(engine::hooksFor(*rules), engineOptions);
  const auto& inputs = setup->inputs;

  report::RunSummary summary;
  size_t inputErrors = 0;
  if (parsed->has("--fix")) {
    engine::FixOptions fixOptions;
    fixOptions.unsafe = parsed->has("--unsafe-fixes");
    // Write errors are counted here; the files are still checked (as they are on disk) below.
    inputErrors += fixFilesInPlace(linter, inputs, fixOptions, std::cerr);
  }
  bool failed = false;
  bool anyRuleActive = false;
  linter.run(inputs, [&](engine::FileResult& result) {
    if (result.error) {
      std::cout.flush();
      std::cerr << result.error->toString() << '\n';
      reporter->addError(*result.error);
      ++inputErrors;
      return;
    }
    ++summary.files;
    if (ci.writeBaseline) ci.recorded.record(result.path, result.source->text(), result.diagnostics);
    if (ci.baseline) ci.baseline->filter(result.path, result.source->text(), result.diagnostics);
    anyRuleActive = anyRuleActive || hasActiveRules(result);
    failed = countFindings(result.diagnostics, *failOn, summary) || failed;
    reporter->addFile(*result.source, result.diagnostics);
  });
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  reporter->finish(summary);
  if (outputFile && !closeOutput(*outputPath, *outputFile, parsed->has("--quiet") ? nullptr : &summary))
    return kExitUsage;
  warnIfNoRuleRan(summary, anyRuleActive);
  warnIfNotCached(engineOptions.cache.get());
  if (!writeBaselineFile(ci)) return kExitUsage;
  if (inputErrors > 0) {
    std::cerr << fmt::format("galley: {} input{} could not be checked\n", inputErrors, inputErrors == 1 ? "" : "s");
    return kExitUsage;
  }
  return failed && !ci.writeBaseline ? kExitFindings : 0;
}

}  // namespace galley::tools
