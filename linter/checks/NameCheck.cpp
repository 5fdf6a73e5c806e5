#include "checks/NameCheck.h"

#include <algorithm>
#include <array>

#include "checks/FactCheck.h"
#include "config/NearestName.h"

namespace galley::checks {

namespace {

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

NameCheck::NameCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack)
    : Check(rule, scope), pack_(std::move(pack)) {}

std::unique_ptr<Check> NameCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  auto pack = loadRuleFacts(rule, errors);
  if (errors.size() != errorsBefore || !scope || !pack) return nullptr;
  return std::make_unique<NameCheck>(rule, *scope, std::move(pack));
}

void NameCheck::run(const document::Document& document, annotate::Annotations& annotations,
                    diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  const annotate::MentionSet& mentions = annotations.mentions(*pack_);
  for (const annotate::Mention& mention : mentions.mentions) {
    const facts::Entity& person = base.entity(mention.entity);
    if (person.kind != facts::EntityKind::Person || !scope().includes(document.blocks[mention.block])) continue;
    const document::ProseText& prose = document.blocks[mention.block].prose;
    const std::string_view text = prose.text();
    const std::string_view surface = text.substr(mention.prose.begin, mention.prose.size());
    // Only "<Given> <Surname>" names whose surname is what was matched.
    const size_t space = person.name.find(' ');
    if (space == std::string::npos || person.name.substr(space + 1) != surface) continue;
    const std::string given = person.name.substr(0, space);
    if (mention.prose.begin < 2 || text[mention.prose.begin - 1] != ' ') continue;
    base::Offset begin = mention.prose.begin - 1;
    while (begin > 0 && isLetter(text[begin - 1])) --begin;
    const std::string_view word = text.substr(begin, mention.prose.begin - 1 - begin);
    if (word.empty() || word.front() < 'A' || word.front() > 'Z' || word == given) continue;
    if (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '(' && text[begin - 1] != '"') continue;
    // "Mr", "Director": not a variant. A third of the word, at least two edits ("Yuri" for "Yury").
    const std::array<std::string_view, 1> givenName{given};
    if (!config::nearestWithin(word, givenName, std::max<size_t>(2, word.size() / 3))) continue;
    const base::Range range{begin, mention.prose.end};
    const std::string found(text.substr(range.begin, range.size()));
    const std::array<std::pair<std::string_view, std::string_view>, 2> values{
        {{"found", found}, {"expected", person.name}}};
    diag::Diagnostic diagnostic = this->diagnostic(prose.toSource(range), values);
    diagnostic.notes.push_back(factNote(base, person.where, person.sources, "the fact base writes " + person.name));
    if (prose.isContiguous(range)) {
      diagnostic.fix = diag::Fix{"Write '" + person.name + "'", diag::Applicability::Safe,
                                 {diag::Edit{prose.toSource(range), person.name}}};
    }
    sink.report(std::move(diagnostic));
  }
}

}  // namespace galley::checks
