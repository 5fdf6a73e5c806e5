#include "checks/AcronymCheck.h"

#include <algorithm>

#include "checks/FactCheck.h"
#include "facts/NameMatcher.h"

namespace galley::checks {

namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isWordChar(char c) { return (c >= 'a' && c <= 'z') || isUpper(c) || (c >= '0' && c <= '9') || c == '-'; }

// Small words allowed inside an expansion; "The" at a sentence start is one too.
bool isConnector(std::string_view word) {
  return word == "of" || word == "on" || word == "and" || word == "for" || word == "the" || word == "in" ||
         word == "The";
}

// The capitalised run of words ending at `end` ("United Nations Office for Drug Control"), with
// connectors allowed inside but not at its start.
base::Range expansionBefore(std::string_view text, base::Offset end) {
  base::Offset begin = end;
  base::Offset cursor = end;
  while (cursor > 0) {
    base::Offset wordEnd = cursor;
    while (wordEnd > 0 && text[wordEnd - 1] == ' ') --wordEnd;
    base::Offset wordBegin = wordEnd;
    while (wordBegin > 0 && isWordChar(text[wordBegin - 1])) --wordBegin;
    if (wordBegin == wordEnd) break;
    const std::string_view word = text.substr(wordBegin, wordEnd - wordBegin);
    const bool connector = isConnector(word);
    if (!isUpper(word.front()) && !connector) break;
    if (!connector) begin = wordBegin;
    cursor = wordBegin;
  }
  return {begin, end};
}

// True when `text` is one of the entity's names (after case/dash normalisation).
bool isNameOf(const facts::Entity& entity, std::string_view text) {
  const std::string key = facts::normalizeName(text);
  const auto names = entity.allNames();
  return std::any_of(names.begin(), names.end(), [&](std::string_view name) {
    std::string candidate = facts::normalizeName(name);
    if (candidate.starts_with("the ")) candidate.erase(0, 4);
    return candidate == key;
  });
}

}  // namespace

AcronymCheck::AcronymCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack)
    : Check(rule, scope), pack_(std::move(pack)) {}

std::unique_ptr<Check> AcronymCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  auto pack = loadRuleFacts(rule, errors);
  if (errors.size() != errorsBefore || !scope || !pack) return nullptr;
  return std::make_unique<AcronymCheck>(rule, *scope, std::move(pack));
}

void AcronymCheck::run(const document::Document& document, annotate::Annotations& /*annotations*/,
                       diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  const facts::MentionSet mentions = pack_->mentions().find(document);
  for (const facts::Mention& mention : mentions.mentions) {
    const document::ProseText& prose = document.blocks[mention.block].prose;
    const std::string_view text = prose.text();
    const std::string_view acronym = text.substr(mention.prose.begin, mention.prose.size());
    if (!facts::isAcronym(acronym) || !scope().includes(document.blocks[mention.block])) continue;
    const facts::Entity& entity = base.entity(mention.entity);
    base::Range expansion{};
    if (mention.prose.begin >= 2 && text[mention.prose.begin - 1] == '(' && mention.prose.end < text.size() &&
        text[mention.prose.end] == ')' && text[mention.prose.begin - 2] == ' ') {
      expansion = expansionBefore(text, mention.prose.begin - 2);  // "<expansion> (ACRONYM)"
    } else if (text.substr(mention.prose.end).starts_with(" (")) {
      const size_t close = text.find(')', mention.prose.end);
      if (close == std::string_view::npos) continue;
      expansion = {mention.prose.end + 2, static_cast<base::Offset>(close)};  // "ACRONYM (<expansion>)"
    }
    const std::string_view written = text.substr(expansion.begin, expansion.size());
    // Not an expansion unless it has as many capitalised words as the acronym has letters, roughly.
    const auto capitals = static_cast<size_t>(std::count_if(written.begin(), written.end(), isUpper));
    if (expansion.empty() || capitals < 2 || capitals + 1 < acronym.size() || isNameOf(entity, written)) continue;
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"acronym", acronym}, {"found", written}, {"expected", entity.name}}};
    diag::Diagnostic diagnostic = this->diagnostic(prose.toSource(expansion), values);
    diagnostic.notes.push_back(factNote(base, entity.where, entity.sources,
                                        "the fact base expands " + std::string(acronym) + " as " + entity.name));
    if (prose.isContiguous(expansion)) {
      diagnostic.fix = diag::Fix{"Write '" + entity.name + "'", diag::Applicability::Unsafe,
                                 {diag::Edit{prose.toSource(expansion), entity.name}}};
    }
    sink.report(std::move(diagnostic));
  }
}

}  // namespace galley::checks
