#include "checks/TitleFormCheck.h"

#include <algorithm>
#include <cctype>

#include "annotate/Organisation.h"
#include "annotate/TitleForms.h"
#include "checks/FactCheck.h"

namespace galley::checks {

TitleFormCheck::TitleFormCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
                               std::optional<facts::EntityIndex> fallback)
    : Check(rule, scope), pack_(std::move(pack)), fallback_(fallback) {}

std::unique_ptr<Check> TitleFormCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  const auto fallbackName = rule.options.getString("default-organisation", errors);
  auto pack = loadRuleFacts(rule, errors);
  std::optional<facts::EntityIndex> fallback;
  if (pack && fallbackName) {
    const facts::FactBase& facts = pack->facts();
    fallback = facts.find(fallbackName->value);
    if (fallback && facts.entity(*fallback).kind != facts::EntityKind::Organisation) fallback.reset();
    if (!fallback) fallback = annotate::organisationNamed(facts, fallbackName->value);
    if (!fallback) {
      errors.push_back(base::Error::invalidInput(
          "'default-organisation': the fact base has no organisation '" + fallbackName->value + "'",
          fallbackName->where));
    }
  }
  if (errors.size() != errorsBefore || !scope || !pack) return nullptr;
  return std::make_unique<TitleFormCheck>(rule, *scope, std::move(pack), fallback);
}

void TitleFormCheck::run(const document::Document& document, annotate::Annotations& annotations,
                         diag::DiagnosticSink& sink) const {
  const std::vector<annotate::WrittenTitle>& titles = annotations.titleForms(*pack_);
  if (titles.empty()) return;
  const facts::FactBase& facts = pack_->facts();
  // The release's organisation: named and known, named and unknown (then nothing is tied to it),
  // or not named (then the rule's default).
  const std::string named = annotations.organisation();
  const std::optional<facts::EntityIndex> release = named.empty() ? fallback_ : annotate::organisationNamed(facts, named);

  for (const annotate::WrittenTitle& title : titles) {
    if (!scope().includes(document.blocks[title.block])) continue;
    std::optional<facts::EntityIndex> org = title.organisation;
    if (title.attachment == annotate::TitleAttachment::None) {
      if (title.tiedElsewhere || std::isupper(static_cast<unsigned char>(title.written.front())) == 0) continue;
      org = release;
    }
    if (!org) continue;
    const auto form = annotate::houseForm(facts, *org, title);
    if (!form || form->form == title.written) continue;
    // A person with offices in two organisations that write the title differently: unsure.
    const bool agreed = std::all_of(title.personOrganisations.begin(), title.personOrganisations.end(),
                                    [&](facts::EntityIndex other) {
                                      const auto theirs = annotate::houseForm(facts, other, title);
                                      return theirs && theirs->form == form->form;
                                    });
    if (!agreed) continue;
    const document::ProseText& prose = document.blocks[title.block].prose;
    const std::string_view found = std::string_view(prose.text()).substr(title.prose.begin, title.prose.size());
    const std::array<std::pair<std::string_view, std::string_view>, 3> values{
        {{"found", found}, {"expected", form->form}, {"organisation", facts.entity(*org).name}}};
    diag::Diagnostic diagnostic = this->diagnostic(title.source, values);
    if (prose.isContiguous(title.prose)) {
      diagnostic.fix = diag::Fix{"Write '" + form->form + "'",
                                 form->garbled ? diag::Applicability::Unsafe : diag::Applicability::Safe,
                                 {diag::Edit{title.source, form->form}}};
    }
    sink.report(std::move(diagnostic));
  }
}

}  // namespace galley::checks
