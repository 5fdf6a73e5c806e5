#include "engine/LintSession.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "checks/RegexSafety.h"
#include "document/Parser.h"

namespace galley::engine {

namespace {

void shift(diag::Diagnostic& diagnostic, int64_t by) {
  const auto moved = [by](base::Range range) {
    return base::Range{static_cast<base::Offset>(static_cast<int64_t>(range.begin) + by),
                       static_cast<base::Offset>(static_cast<int64_t>(range.end) + by)};
  };
  diagnostic.range = moved(diagnostic.range);
  if (diagnostic.fix) {
    for (diag::Edit& edit : diagnostic.fix->edits) edit.range = moved(edit.range);
  }
  for (diag::Note& note : diagnostic.notes) {
    if (note.range) note.range = moved(*note.range);
  }
}

bool sameFrontMatter(const std::vector<document::FrontMatterField>& a, const std::vector<document::FrontMatterField>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.key == y.key && x.value == y.value;
  });
}

// A finding whose text depends on the whole run, not on its block alone.
bool limitHit(const diag::Diagnostic& diagnostic) {
  return diagnostic.ruleId == checks::kRegexLimitRule || diagnostic.ruleId == checks::kTimeBudgetRule;
}

}  // namespace

LintSession::LintSession() : markdown_(std::make_unique<document::MarkdownParser>()) { markdown_->keepTree(); }

LintSession::~LintSession() = default;

FileResult LintSession::lint(const Engine& engine, base::SourceBuffer buffer) {
  if (engine.serial_ != engineSerial_) {
    forget();
    engineSerial_ = engine.serial_;
  }
  memo_.startLint();
  blocksChecked_ = 0;
  std::shared_ptr<const FileSettings> settings =
      engine.options_.settingsFor ? engine.options_.settingsFor(buffer.path()) : nullptr;
  return engine.lintWith(std::move(buffer), std::move(settings), this);
}

void LintSession::forget() {
  memo_.clear();
  forgetFindings();
}

void LintSession::forgetFindings() {
  blocks_.clear();
  settings_.reset();
  frontMatter_.clear();
}

bool LintSession::blockFindings(const RuleHooks& hooks, const document::Document& document,
                                const std::shared_ptr<const FileSettings>& settings, diag::DiagnosticSink& sink) {
  // The server asks for a file's settings on every lint and gets a new object each time: equal
  // settings keep the findings (comparing pointers dropped them all on every edit).
  const bool sameSettings = settings == settings_ || (settings && settings_ && *settings == *settings_);
  if (!sameSettings || document.format != format_ || !sameFrontMatter(document.frontMatter, frontMatter_)) {
    forgetFindings();
    settings_ = settings;
    frontMatter_ = document.frontMatter;
    format_ = document.format;
  }
  // Old blocks by prose text; a new block takes the first unused one equal to it moved.
  std::unordered_map<std::string_view, std::vector<size_t>> byText;
  for (size_t i = 0; i < blocks_.size(); ++i) byText[blocks_[i].block.prose.text()].push_back(i);
  std::vector<CachedBlock> next;
  next.reserve(document.blocks.size());
  // A scratch document holding one changed block at a time: its findings are that block's.
  document::Document scratch(base::SourceBuffer(document.source.path(), std::string(document.source.text())));
  scratch.format = document.format;
  scratch.frontMatter = document.frontMatter;
  for (const document::Block& block : document.blocks) {
    CachedBlock entry;
    entry.block = block;
    bool reused = false;
    if (const auto found = byText.find(block.prose.text()); found != byText.end()) {
      for (size_t& candidate : found->second) {
        if (candidate == SIZE_MAX) continue;
        CachedBlock& old = blocks_[candidate];
        const int64_t by = static_cast<int64_t>(block.source.begin) - static_cast<int64_t>(old.block.source.begin);
        if (!old.block.equalsShifted(block, by) ||
            document.source.slice(block.source) != std::string_view(old.sourceText)) continue;
        entry.diagnostics = std::move(old.diagnostics);
        for (diag::Diagnostic& diagnostic : entry.diagnostics) shift(diagnostic, by);
        candidate = SIZE_MAX;
        reused = true;
        break;
      }
    }
    if (!reused) {
      ++blocksChecked_;
      scratch.blocks.assign(1, block);
      annotate::Annotations annotations(scratch, settings != nullptr ? settings->model : annotate::ModelSettings{});
      diag::DiagnosticSink found;
      hooks.runPart(scratch, annotations, found, settings.get(), checks::Locality::Block);
      entry.diagnostics = found.take();
      if (std::any_of(entry.diagnostics.begin(), entry.diagnostics.end(), limitHit)) {
        forgetFindings();
        return false;
      }
    }
    entry.sourceText = std::string(document.source.slice(block.source));
    next.push_back(std::move(entry));
  }
  blocks_ = std::move(next);
  for (const CachedBlock& entry : blocks_) {
    for (const diag::Diagnostic& diagnostic : entry.diagnostics) sink.report(diagnostic);
  }
  return true;
}

}  // namespace galley::engine
