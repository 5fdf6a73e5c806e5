#include "engine/Engine.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "base/TextSniff.h"
#include "checks/RegexSafety.h"
#include "document/Parser.h"
#include "engine/LintSession.h"
#include "engine/Suppressions.h"

namespace galley::engine {

namespace {

// How many finished results may wait per worker for earlier ones to be printed.
constexpr size_t kPendingPerWorker = 4;
constexpr size_t kStdinChunk = size_t{64} << 10U;

diag::Diagnostic engineWarning(std::string_view rule, base::Offset at, std::string message) {
  diag::Diagnostic diagnostic;
  diagnostic.ruleId = std::string(rule);
  diagnostic.severity = diag::Severity::Warning;
  diagnostic.range = {at, at};
  diagnostic.message = std::move(message);
  return diagnostic;
}

// Warnings for the parts of `document` the parser gave up on (too deep, too costly): they were
// still checked, but as plain text, so markup characters may show up in findings.
void addParseWarnings(const document::Document& document, std::vector<diag::Diagnostic>& diagnostics) {
  for (const base::Range range : document.parseLimitHits) {
    diagnostics.push_back(engineWarning(
        kNestingTooDeepRule, range.begin,
        fmt::format("block quotes and lists nested more than {} levels deep; these lines are checked as plain paragraphs",
                    document::kMaxMarkdownNesting)));
  }
  for (const base::Range range : document.inlineLimitHits) {
    diagnostics.push_back(engineWarning(kMarkupNotParsedRule, range.begin,
                                        "inline markup of this block was too costly to parse; its text is checked "
                                        "with the markup characters left in"));
  }
  if (!document.parseWarning.empty())
    diagnostics.push_back(engineWarning(kMarkupNotParsedRule, 0, document.parseWarning));
}

diag::Diagnostic invalidUtf8Diagnostic(const base::SourceBuffer& source, base::Range range) {
  std::string bytes;
  for (const char c : source.slice(range)) {
    if (!bytes.empty()) bytes += ' ';
    bytes += fmt::format("0x{:02X}", static_cast<unsigned char>(c));
  }
  diag::Diagnostic diagnostic;
  diagnostic.ruleId = std::string(kInvalidUtf8Rule);
  diagnostic.severity = diag::Severity::Error;
  diagnostic.range = range;
  diagnostic.message = fmt::format("invalid UTF-8 ({}); the rest of the file is still checked", bytes);
  return diagnostic;
}

// `ids` plus the engine's own rule ids, sorted and unique.
std::vector<std::string> withEngineRules(std::vector<std::string> ids) {
  ids.emplace_back(kInvalidUtf8Rule);
  ids.emplace_back(kNestingTooDeepRule);
  ids.emplace_back(kMarkupNotParsedRule);
  ids.emplace_back(checks::kRegexLimitRule);
  ids.emplace_back(checks::kTimeBudgetRule);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Drops the findings of rules the configuration turned off and gives the rest their configured
// severity. The engine's own diagnostics ("galley.*") are not configured here.
void applySettings(const FileSettings& settings, std::vector<diag::Diagnostic>& diagnostics) {
  std::erase_if(diagnostics, [&](const diag::Diagnostic& diagnostic) {
    return !diagnostic.ruleId.starts_with("galley.") && !settings.activeRules.contains(diagnostic.ruleId);
  });
  for (diag::Diagnostic& diagnostic : diagnostics) {
    if (const auto it = settings.severities.find(diagnostic.ruleId); it != settings.severities.end())
      diagnostic.severity = it->second;
  }
}

// A number no other engine of this process has had.
uint64_t newEngineSerial() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

}  // namespace

Engine::Engine(RuleHooks hooks, EngineOptions options)
    : serial_(newEngineSerial()),
      hooks_(std::move(hooks)), options_(std::move(options)), knownRuleIds_(withEngineRules(hooks_.ruleIds)) {}

FileResult Engine::lint(base::SourceBuffer buffer) const {
  std::shared_ptr<const FileSettings> settings = options_.settingsFor ? options_.settingsFor(buffer.path()) : nullptr;
  return lintWith(std::move(buffer), std::move(settings));
}

FileResult Engine::lintWith(base::SourceBuffer buffer, std::shared_ptr<const FileSettings> settings,
                            LintSession* session) const {
  FileResult result;
  result.path = buffer.path();
  const document::Format format = document::formatForPath(buffer.path());
  document::Document document = session != nullptr
                                    ? document::parseDocument(std::move(buffer), format, *session->markdown_)
                                    : document::parseDocument(std::move(buffer), format);
  diag::DiagnosticSink sink;
  const bool anyRule = settings == nullptr || !settings->activeRules.empty();
  if (hooks_.run && anyRule) {
    annotate::Annotations annotations(document, settings != nullptr ? settings->model : annotate::ModelSettings{});
    if (session != nullptr) annotations.reuse(&session->memo_);
    if (session != nullptr && hooks_.runPart) {
      hooks_.runPart(document, annotations, sink, settings.get(), checks::Locality::Document);
      if (!session->blockFindings(hooks_, document, settings, sink))
        hooks_.runPart(document, annotations, sink, settings.get(), checks::Locality::Block);
    } else if (settings != nullptr && hooks_.runSelected)
      hooks_.runSelected(document, annotations, sink, *settings);
    else
      hooks_.run(document, annotations, sink);
  }
  std::vector<diag::Diagnostic> diagnostics = sink.take();
  if (settings != nullptr) applySettings(*settings, diagnostics);
  // Adjacent bad sequences ("\xFF\xFE") make one diagnostic.
  std::optional<base::Range> bad;
  for (const base::Utf8Problem& problem : document.source.utf8Problems()) {
    if (bad && bad->end == problem.range.begin) {
      bad->end = problem.range.end;
      continue;
    }
    if (bad) diagnostics.push_back(invalidUtf8Diagnostic(document.source, *bad));
    bad = problem.range;
  }
  if (bad) diagnostics.push_back(invalidUtf8Diagnostic(document.source, *bad));
  addParseWarnings(document, diagnostics);
  std::vector<diag::Diagnostic> warnings;
  const Suppressions suppressions(document, knownRuleIds_, warnings);
  suppressions.apply(document.source, diagnostics);
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(warnings.begin()),
                     std::make_move_iterator(warnings.end()));
  diag::sortAndDedupe(diagnostics);
  result.diagnostics = std::move(diagnostics);
  // The Document is going away; keep its buffer for the reporters.
  result.source = std::make_unique<base::SourceBuffer>(std::move(document.source));
  result.settings = std::move(settings);
  return result;
}

base::Expected<base::SourceBuffer> Engine::readStdin(const std::string& displayName, uint64_t maxBytes) {
  std::string bytes;
  std::string chunk(kStdinChunk, '\0');
  while (true) {
    const size_t got = std::fread(chunk.data(), 1, chunk.size(), stdin);
    bytes.append(chunk, 0, got);
    if (bytes.size() > maxBytes) {
      return base::Unexpected(base::Error::invalidInput(
          fmt::format("input is too large (over {} bytes, see --max-file-size)", maxBytes),
          base::Location{displayName, 0, 0}));
    }
    if (got < chunk.size()) break;
  }
  if (std::ferror(stdin) != 0)
    return base::Unexpected(base::Error::environment("cannot read standard input", base::Location{displayName, 0, 0}));
  if (auto refused = base::sniffNonUtf8Draft(bytes, displayName, "input")) return base::Unexpected(std::move(*refused));
  return base::SourceBuffer(displayName, std::move(bytes));
}

FileResult Engine::lintInput(const Input& input) const {
  if (input.error) {
    FileResult result;
    result.path = input.path;
    result.error = input.error;
    return result;
  }
  auto buffer = input.isStdin ? readStdin(input.path, options_.maxFileSize)
                              : base::SourceBuffer::readFile(input.path, options_.maxFileSize);
  if (!buffer) {
    FileResult result;
    result.path = input.path;
    result.error = std::move(buffer).error();
    return result;
  }
  if (!options_.cache || input.isStdin) return lint(std::move(buffer).value());
  std::shared_ptr<const FileSettings> settings = options_.settingsFor ? options_.settingsFor(input.path) : nullptr;
  if (auto cached = options_.cache->lookup(buffer->text(), settings.get())) {
    FileResult result;
    result.path = input.path;
    result.source = std::make_unique<base::SourceBuffer>(std::move(buffer).value());
    result.diagnostics = std::move(*cached);
    result.settings = std::move(settings);
    return result;
  }
  FileResult result = lintWith(std::move(buffer).value(), settings);
  options_.cache->store(result.source->text(), settings.get(), result.diagnostics);
  return result;
}

void Engine::run(const std::vector<Input>& inputs, const std::function<void(FileResult&)>& onResult) const {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const size_t workers = std::min<size_t>(options_.jobs == 0 ? hardware : options_.jobs, inputs.size());
  if (workers <= 1) {
    for (const Input& input : inputs) {
      FileResult result = lintInput(input);
      onResult(result);
    }
    return;
  }
  // Workers claim inputs in order and park results in their slot; this thread prints slots in
  // order. A worker may not start more than `window` inputs ahead of the printer.
  const size_t window = workers * kPendingPerWorker;
  std::vector<std::optional<FileResult>> slots(inputs.size());
  std::mutex mutex;
  std::condition_variable changed;
  size_t nextInput = 0;
  size_t printed = 0;
  auto work = [&] {
    while (true) {
      size_t index = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return nextInput >= inputs.size() || nextInput < printed + window; });
        if (nextInput >= inputs.size()) return;
        index = nextInput++;
      }
      FileResult result = lintInput(inputs[index]);
      {
        const std::lock_guard lock(mutex);
        slots[index] = std::move(result);
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> threads;
  threads.reserve(workers);
  for (size_t i = 0; i < workers; ++i) threads.emplace_back(work);
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::optional<FileResult> result;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[i].has_value(); });
      result = std::move(slots[i]);
      slots[i].reset();
    }
    onResult(*result);
    {
      const std::lock_guard lock(mutex);
      printed = i + 1;
    }
    changed.notify_all();
  }
}

}  // namespace galley::engine
