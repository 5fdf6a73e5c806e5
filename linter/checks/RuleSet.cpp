#include "checks/RuleSet.h"

#include <algorithm>
#include <memory>
#include <string>

#include "annotate/Organisation.h"
#include "base/CpuStopwatch.h"
#include "checks/RegexPrefilter.h"
#include "checks/RegexSafety.h"
#include "checks/Registry.h"
#include "config/NearestName.h"
#include "config/PackLoader.h"
#include "document/Parser.h"
#include "facts/FactPack.h"

namespace galley::checks {

namespace {

// Located at the start of the searched span when it is a block's prose, else at the file start.
diag::Diagnostic regexLimitReached(const document::Document& document, const std::string& ruleId,
                                   const RegexLimitError& limit) {
  base::Offset where = document.source.contentStart();
  for (const document::Block& block : document.blocks) {
    if (block.prose.text().data() == limit.text() && limit.span().begin <= block.prose.text().size()) {
      where = block.prose.toSource(limit.span().begin);
      break;
    }
  }
  diag::Diagnostic diagnostic;
  diagnostic.ruleId = std::string(kRegexLimitRule);
  diagnostic.severity = diag::Severity::Warning;
  diagnostic.range = {where, where};
  diagnostic.message = "rule '" + ruleId + "' stopped on this file: its regular expression hit " + limit.limitName() +
                       " in the text from here; its findings for this file are incomplete";
  return diagnostic;
}

diag::Diagnostic budgetSpent(const document::Document& document, const std::string& nextRule,
                             std::chrono::nanoseconds budget) {
  diag::Diagnostic diagnostic;
  diagnostic.ruleId = std::string(kTimeBudgetRule);
  diagnostic.severity = diag::Severity::Warning;
  const base::Offset start = document.source.contentStart();
  diagnostic.range = {start, start};
  diagnostic.message = "checking stopped after " +
                       std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(budget).count()) +
                       " ms of CPU time on this file; rule '" + nextRule + "' and the rules after it did not run";
  return diagnostic;
}

}  // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

LoadedRules RuleSet::load(const std::vector<std::string>& packDirs) {
  const std::vector<config::KindSchema> schemas = kindSchemas();
  config::PackLoader loader(schemas);
  for (const std::string& dir : packDirs) loader.addDirectory(dir);
  return build(std::move(loader).finish());
}

LoadedRules RuleSet::loadText(const std::string& path, std::string text, const std::string& pack) {
  const std::vector<config::KindSchema> schemas = kindSchemas();
  config::PackLoader loader(schemas);
  loader.addFile(path, std::move(text), pack);
  return build(std::move(loader).finish());
}

LoadedRules RuleSet::build(config::LoadedConfigs configs) {
  LoadedRules out;
  out.errors = std::move(configs.errors);
  out.warnings = std::move(configs.warnings);
  out.rules.fixtureDirs_ = std::move(configs.fixtureDirs);
  // A pack's fact base is validated whether or not any rule reads it, and held while the rules
  // are built so that every fact rule of the pack shares this one load.
  std::vector<std::shared_ptr<const facts::FactPack>> factPacks;
  for (const std::string& dir : configs.packDirs) {
    const std::vector<std::string> files = facts::FactPack::filesIn(dir);
    if (!files.empty()) factPacks.push_back(facts::FactPack::loadShared(files, out.errors));
  }
  for (config::RuleConfig& rule : configs.rules) {
    const KindEntry* kind = findKind(rule.kind);
    if (kind == nullptr) {  // the loader validated kinds against the same registry
      out.errors.push_back(base::Error::internal("no factory for kind '" + rule.kind + "'"));
      continue;
    }
    std::unique_ptr<Check> check = kind->factory(rule, out.errors);
    if (!check) continue;
    lintRuleRegexes(rule, out.warnings);
    out.rules.entries_.push_back({std::move(rule), std::move(check)});
  }
  out.rules.literals_ = std::make_unique<LiteralBank>();
  for (Entry& entry : out.rules.entries_) entry.check->enrolLiterals(*out.rules.literals_);
  out.rules.literals_->build();
  // Rules already rejected for their header still have their own keys checked, and then dropped.
  for (const config::RuleConfig& rule : configs.rejected) {
    if (const KindEntry* kind = findKind(rule.kind)) (void)kind->factory(rule, out.errors);
  }
  // Each fact-base error once, however many rules of its pack tried to load it.
  std::vector<std::string> seen;
  std::erase_if(out.errors, [&seen](const base::Error& error) {
    std::string text = error.toString();
    if (std::find(seen.begin(), seen.end(), text) != seen.end()) return true;
    seen.push_back(std::move(text));
    return false;
  });
  return out;
}

std::shared_ptr<const Check> RuleSet::withOptions(std::string_view id, const config::RuleOptions& options,
                                                  base::ErrorList& errors) const {
  const config::RuleConfig* base = rule(id);
  if (base == nullptr) return nullptr;  // the caller reports unknown ids with its suggestions
  const KindEntry* kind = findKind(base->kind);
  if (kind == nullptr) return nullptr;
  bool ok = true;
  for (const config::Located<std::string>& key : options.ownKeys()) {
    if (std::find(kind->options.begin(), kind->options.end(), key.value) != kind->options.end()) continue;
    errors.push_back(base::Error::invalidInput(
        config::unknownKeyMessage(key.value, kind->options, "'" + base->kind + "' option"), key.where));
    ok = false;
  }
  config::RuleConfig variant = *base;
  variant.options = options.over(base->options);
  std::shared_ptr<const Check> check = kind->factory(variant, errors);  // reports bad values too
  return ok ? check : nullptr;
}

void RuleSet::run(const document::Document& document, annotate::Annotations& annotations, diag::DiagnosticSink& sink,
                  const std::set<std::string>& only, const CheckOverrides* replaced,
                  std::optional<Locality> locality) const {
  const base::CpuStopwatch stopwatch;
  // House style belongs to the organisation: a rule confined to some organisations is silent on
  // another's draft (front matter `organisation:`, else the folder's configuration).
  const std::string organisation = annotations.organisation();
  for (const Entry& entry : entries_) {
    const bool selected = only.empty() ? entry.config.enabled : only.contains(entry.config.id);
    if (!selected || !annotate::organisationListed(organisation, entry.config.organisations)) continue;
    const Check* check = entry.check.get();
    if (replaced != nullptr) {
      if (const auto it = replaced->find(entry.config.id); it != replaced->end()) check = it->second.get();
    }
    if (locality && check->locality() != *locality) continue;
    if (stopwatch.exceeded(cpuBudget_)) {
      sink.report(budgetSpent(document, entry.config.id, cpuBudget_));
      return;
    }
    try {
      check->run(document, annotations, sink);
    } catch (const RegexLimitError& limit) {
      sink.report(regexLimitReached(document, entry.config.id, limit));
    }
  }
}

void RuleSet::setCpuBudget(std::chrono::nanoseconds budget) { cpuBudget_ = budget; }

bool RuleSet::hasRule(std::string_view id) const { return rule(id) != nullptr; }

const config::RuleConfig* RuleSet::rule(std::string_view id) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.config.id == id; });
  return it == entries_.end() ? nullptr : &it->config;
}

std::vector<std::string> RuleSet::ruleIds() const {
  std::vector<std::string> ids;
  ids.reserve(entries_.size());
  for (const Entry& entry : entries_) ids.push_back(entry.config.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

size_t RuleSet::size() const { return entries_.size(); }

AnnotationNeeds RuleSet::needs() const {
  AnnotationNeeds needs;
  for (const Entry& entry : entries_) {
    if (entry.config.enabled) needs |= entry.check->needs();
  }
  return needs;
}

SelfTestReport RuleSet::runSelfTests() const {
  SelfTestReport report;
  for (const Entry& entry : entries_) {
    for (const config::RuleTest& test : entry.config.tests) {
      const document::Document document =
          document::parseDocument(base::SourceBuffer("<test>.md", test.text), document::Format::Markdown);
      annotate::Annotations annotations(document);
      diag::DiagnosticSink sink;
      entry.check->run(document, annotations, sink);
      const auto& found = sink.diagnostics();
      const bool fired = std::any_of(found.begin(), found.end(),
                                     [&](const diag::Diagnostic& d) { return d.ruleId == entry.config.id; });
      if (test.expect == config::RuleTest::Expect::Bad && !fired) {
        report.failures.push_back({entry.config.id, test.where, "'bad' example did not fire the rule"});
      } else if (test.expect == config::RuleTest::Expect::Good && fired) {
        std::string message = "'good' example fired the rule: " + found.front().message;
        report.failures.push_back({entry.config.id, test.where, std::move(message)});
      } else {
        ++report.passed;
      }
    }
  }
  return report;
}

}  // namespace galley::checks
