#include "tools/FixCommand.h"

#include <iostream>

#include <fmt/format.h>

#include "engine/AtomicWrite.h"
#include "engine/RuleLoading.h"
#include "report/ReporterFactory.h"
#include "tools/UnifiedDiff.h"

namespace galley::tools {

namespace {

constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

int usageError(const std::string& message) {
  std::cerr << "galley fix: " << message << "\nTry 'galley fix --help'.\n";
  return kExitUsage;
}

std::string plural(size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : noun.ends_with('x') ? "es" : "s");
}

// What happened to one file.
struct FileOutcome {
  std::optional<base::Error> error;
  engine::FixResult fix;
  std::string original;
};

FileOutcome fixOne(const engine::Engine& engine, const engine::Input& input, const engine::FixOptions& options,
                   bool write) {
  FileOutcome outcome;
  if (input.error) {
    outcome.error = input.error;
    return outcome;
  }
  if (input.isStdin) {
    outcome.error = base::Error::invalidInput("standard input cannot be fixed in place; give a file",
                                              base::Location{input.path, 0, 0});
    return outcome;
  }
  auto buffer = base::SourceBuffer::readFile(input.path, engine::kDefaultMaxFileSize);
  if (!buffer) {
    outcome.error = std::move(buffer).error();
    return outcome;
  }
  outcome.original = std::string(buffer->text());
  outcome.fix = engine::fixBuffer(engine, input.path, outcome.original, options);
  if (write && outcome.fix.text != outcome.original)
    outcome.error = engine::replaceFileAtomically(input.path, outcome.original, outcome.fix.text);
  return outcome;
}

void reportChange(const engine::Input& input, const FileOutcome& outcome, bool dryRun, std::ostream& log) {
  if (outcome.fix.text == outcome.original) return;
  log << fmt::format("{}: {} {}{}\n", input.path, plural(outcome.fix.fixesApplied, "fix"),
                     dryRun ? "would be applied" : "applied",
                     outcome.fix.converged ? "" : " (still changing after the last round; run again)");
}

std::string fixHelp() {
  return "Usage: galley fix [OPTIONS] PATH...\n"
         "\n"
         "Applies the fixes Galley is sure of to each PATH (a file or a directory walked like\n"
         "'galley check' does), re-checks and repeats until nothing changes, then lists what is\n"
         "left. Overlapping fixes are applied one at a time; the byte order mark, line ends and\n"
         "file mode are kept. Each file is written atomically (a temporary file beside it, synced,\n"
         "then renamed over it) and only if it did not change since Galley read it.\n"
         "\n"
         "Options:\n" +
         formatOptions(fixOptions()) +
         "\n"
         "Exit status: 0 no finding left, 1 findings left, 2 usage, configuration, input or\n"
         "write error.\n";
}

}  // namespace

const std::vector<OptionSpec>& fixOptions() {
  static const std::vector<OptionSpec> kOptions = {
      {"--rules", "DIR", "add a rule pack (or a directory of packs); repeatable", true},
      {"--no-default-rules", "", "do not load the bundled packs", false},
      {"--unsafe", "", "apply unsafe fixes too (review the result)", false},
      {"--dry-run", "", "print a unified diff instead of writing", false},
      {"--quiet", "", "no summary line", false},
  };
  return kOptions;
}

size_t fixFilesInPlace(const engine::Engine& engine, const std::vector<engine::Input>& inputs,
                       const engine::FixOptions& options, std::ostream& log) {
  size_t errors = 0;
  for (const engine::Input& input : inputs) {
    if (input.error || input.isStdin) continue;  // the check that follows reports these
    const FileOutcome outcome = fixOne(engine, input, options, true);
    if (outcome.error) {
      log << outcome.error->toString() << '\n';
      ++errors;
      continue;
    }
    reportChange(input, outcome, false, log);
  }
  return errors;
}

int runFixCommand(const std::vector<std::string>& args) {
  auto parsed = parseArgs(args, fixOptions());
  if (!parsed) return usageError(parsed.error().message());
  if (parsed->has("--help")) {
    std::cout << fixHelp();
    return 0;
  }
  if (parsed->operands.empty()) return usageError("no input; give files or directories to fix");
  const engine::RuleSelection selection{parsed->all("--rules"), !parsed->has("--no-default-rules"), {}};
  const auto rules = engine::loadRules(selection, std::cerr);
  if (!rules) return kExitUsage;
  const engine::Engine linter(engine::hooksFor(*rules), engine::EngineOptions{});
  engine::FixOptions options;
  options.unsafe = parsed->has("--unsafe");
  const bool dryRun = parsed->has("--dry-run");

  report::ReporterOptions reporterOptions;
  reporterOptions.summary = !parsed->has("--quiet");
  reporterOptions.toolVersion = GALLEY_VERSION;
  const auto reporter = report::makeReporter("text", std::cout, reporterOptions);
  report::RunSummary summary;
  size_t errors = 0;
  size_t changed = 0;
  for (const engine::Input& input : engine::collectInputs(parsed->operands, "<stdin>")) {
    FileOutcome outcome = fixOne(linter, input, options, !dryRun);
    if (outcome.error) {
      std::cout.flush();
      std::cerr << outcome.error->toString() << '\n';
      ++errors;
      continue;
    }
    reportChange(input, outcome, dryRun, std::cerr);
    if (outcome.fix.text != outcome.original) ++changed;
    ++summary.files;
    const engine::FileResult& left = outcome.fix.remaining;
    for (const diag::Diagnostic& diagnostic : left.diagnostics) {
      switch (diagnostic.severity) {
        case diag::Severity::Error: ++summary.errors; break;
        case diag::Severity::Warning: ++summary.warnings; break;
        case diag::Severity::Info: ++summary.infos; break;
      }
    }
    if (dryRun) {
      std::cout << unifiedDiff(input.path, outcome.original, outcome.fix.text);
      continue;
    }
    // The findings left point into the fixed text, which is what is now on disk.
    reporter->addFile(*left.source, left.diagnostics);
  }
  if (!dryRun) reporter->finish(summary);
  if (!parsed->has("--quiet"))
    std::cerr << fmt::format("galley fix: {} {}\n", plural(changed, "file"), dryRun ? "would change" : "changed");
  if (errors > 0) {
    std::cerr << fmt::format("galley fix: {} could not be fixed\n", plural(errors, "input"));
    return kExitUsage;
  }
  return summary.errors + summary.warnings + summary.infos > 0 ? kExitFindings : 0;
}

}  // namespace galley::tools
