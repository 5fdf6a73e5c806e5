#include "checks/FactCheck.h"

#include <algorithm>

#include <filesystem>

#include "annotate/Annotations.h"
#include "facts/NameMatcher.h"

namespace galley::checks {

namespace {

using annotate::ClaimKind;

constexpr std::array<std::pair<std::string_view, ClaimKind>, 5> kProperties{{
    {"date", ClaimKind::Date},
    {"place", ClaimKind::Place},
    {"founded", ClaimKind::Founded},
    {"since", ClaimKind::Since},
    {"ordinal", ClaimKind::Ordinal},
}};

uint32_t bit(ClaimKind kind) { return uint32_t{1} << static_cast<uint32_t>(kind); }

std::string ordinalText(int n) {
  constexpr int kHundred = 100;
  constexpr int kTen = 10;
  const int lastTwo = n % kHundred;
  const int last = n % kTen;
  constexpr int kFirstTeen = 11;  // 11th, 12th, 13th take "th"
  constexpr int kLastTeen = 13;
  std::string suffix = "th";
  if (lastTwo < kFirstTeen || lastTwo > kLastTeen) {
    if (last == 1) suffix = "st";
    if (last == 2) suffix = "nd";
    if (last == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

// What the fact base states for a claim, ready to compare and to print.
struct Expected {
  std::string property;  // "date of signing", "place", ...
  std::string text;      // as a fix would write it
  const facts::FactLocation* where = nullptr;
  const std::vector<facts::SourceIndex>* sources = nullptr;
  std::string value;     // as the message prints it
};

std::optional<Expected> dateFact(const facts::Entity& entity, const annotate::Claim& claim) {
  const facts::Stated<base::DateInterval>* stated = nullptr;
  base::DateInterval value{};
  if (entity.date) {
    stated = &*entity.date;
    value = stated->value;
  } else if (entity.start) {
    stated = &*entity.start;
    value = stated->value;
    if (entity.end) value.last = entity.end->value.last;
  }
  if (stated == nullptr || value.overlaps(*claim.date)) return std::nullopt;
  return Expected{"date", facts::describeDateAt(value, claim.date->precision), &stated->where, &stated->sources,
                  facts::describeDate(value)};
}

std::optional<Expected> yearFact(const std::optional<facts::Stated<base::DateInterval>>& stated,
                                 const annotate::Claim& claim, std::string property) {
  if (!stated || stated->value.overlaps(*claim.date)) return std::nullopt;
  return Expected{std::move(property), facts::describeDateAt(stated->value, claim.date->precision), &stated->where,
                  &stated->sources, facts::describeDate(stated->value)};
}

std::optional<Expected> placeFact(const facts::FactBase& base, const facts::Entity& entity, const annotate::Claim& claim) {
  if (!entity.place || !claim.place) return std::nullopt;
  const facts::PlaceValue& fact = entity.place->value;
  if (claim.place->entity) {
    if (fact.entity ? *fact.entity == *claim.place->entity
                    : facts::normalizeName(fact.name) == facts::normalizeName(claim.place->name))
      return std::nullopt;
  } else {
    // A place the fact base does not know ("signed in Nairobi", "(Nairobi, 14 June 2011)") is
    // wrong unless it is one of the names of the fact's place (the place entity lists older and
    // other spellings, such as Nur-Sultan for Astana, as aliases).
    const std::string written = facts::normalizeName(claim.place->name);
    if (fact.entity) {
      const auto names = base.entity(*fact.entity).allNames();
      if (std::any_of(names.begin(), names.end(),
                      [&](std::string_view name) { return facts::normalizeName(name) == written; }))
        return std::nullopt;
    } else if (facts::normalizeName(fact.name) == written) {
      return std::nullopt;
    }
  }
  return Expected{"place", fact.name, &entity.place->where, &entity.place->sources, fact.name};
}

// " (meeting at the draft's date, 14 March 2017)" or " (meeting in 2018-03)": when the session meets.
std::string meetingAt(const annotate::Claim& claim, const std::optional<base::CivilDate>& reference) {
  if (claim.judgedAt) {
    const std::string first = claim.judgedAt->isoFirst();
    const std::string last = claim.judgedAt->isoLast();
    return " (meeting in " + (first == last ? first : first + " to " + last) + ")";
  }
  return reference ? " (meeting at the draft's date, " + base::formatDayMonthYear(*reference) + ")" : std::string();
}

std::optional<Expected> ordinalFact(const facts::FactBase& base, facts::EntityIndex index, const annotate::Claim& claim,
                                    const std::optional<base::CivilDate>& reference) {
  const facts::Entity& entity = base.entity(index);
  if (entity.ordinal) {
    if (entity.ordinal->value == claim.ordinal) return std::nullopt;
    return Expected{"ordinal", ordinalText(entity.ordinal->value), &entity.ordinal->where, &entity.ordinal->sources,
                    ordinalText(entity.ordinal->value)};
  }
  // A session is judged at the date its sentence gives ("In March 2018, at its 61st session"),
  // else at the draft's date; when the sentence holds several dates, not at all.
  if (entity.kind != facts::EntityKind::RecurringSession || claim.dateUncertain || (!claim.judgedAt && !reference))
    return std::nullopt;
  const base::DateInterval when = claim.judgedAt ? *claim.judgedAt : base::DateInterval::day(*reference);
  const auto expected = base.sessionOrdinalAt(index, when);
  if (!expected || *expected == claim.ordinal) return std::nullopt;
  // Point at the listed session when there is one, else at the numbering rule.
  for (const auto& session : entity.sessions)
    if (session.ordinal == *expected)
      return Expected{"ordinal", ordinalText(*expected), &session.where, &session.sources,
                      ordinalText(*expected) + meetingAt(claim, reference)};
  if (!entity.numberingBaseYear) return std::nullopt;
  return Expected{"ordinal", ordinalText(*expected), &entity.numberingBaseYear->where, &entity.numberingBaseYear->sources,
                  ordinalText(*expected) + meetingAt(claim, reference)};
}

}  // namespace

std::shared_ptr<const facts::FactPack> loadRuleFacts(const config::RuleConfig& rule, base::ErrorList& errors) {
  const std::filesystem::path directory = std::filesystem::path(rule.where.path).parent_path();
  std::vector<std::string> paths;
  if (auto listed = rule.options.getStringList("facts", errors)) {
    // Normalised, so that a rule naming another pack's facts ("../sco-un/facts.yaml") shares that
    // pack's loaded instance, and with it the per-document mention scan.
    for (const auto& file : *listed) paths.push_back((directory / file.value).lexically_normal().string());
  } else {
    paths = facts::FactPack::filesIn(directory.empty() ? "." : directory.string());
  }
  if (paths.empty()) {
    errors.push_back(base::Error::invalidInput("no facts*.yaml beside the rule file and no 'facts' option", rule.where));
    return nullptr;
  }
  return facts::FactPack::loadShared(paths, errors);
}

diag::Note factNote(const facts::FactBase& facts, const facts::FactLocation& where,
                    const std::vector<facts::SourceIndex>& sources, std::string message) {
  diag::Note note;
  note.path = where.path;
  note.line = where.line;
  note.column = where.column;
  std::string cited;
  for (const auto index : sources) {
    const facts::Source& source = facts.source(index);
    if (cited.empty()) cited = source.title;
    if (note.sourceUrl.empty() && !source.url.empty()) note.sourceUrl = source.url;
  }
  note.sourceTitle = cited;
  note.message = std::move(message) + (cited.empty() ? "" : " (source: " + cited + ")");
  return note;
}

FactCheck::FactCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
                     uint32_t properties)
    : Check(rule, scope), pack_(std::move(pack)), properties_(properties) {}

std::unique_ptr<Check> FactCheck::create(const config::RuleConfig& rule, base::ErrorList& errors) {
  const size_t errorsBefore = errors.size();
  const auto scope = Scope::parse(rule.scope, errors);
  uint32_t properties = 0;
  if (auto listed = rule.options.getStringList("properties", errors)) {
    for (const auto& name : *listed) {
      const auto* const it = std::find_if(kProperties.begin(), kProperties.end(),
                                          [&](const auto& entry) { return entry.first == name.value; });
      if (it == kProperties.end()) {
        errors.push_back(base::Error::invalidInput(
            "unknown property '" + name.value + "' (date, place, founded, since, ordinal)", name.where));
      } else {
        properties |= bit(it->second);
      }
    }
  } else {
    for (const auto& entry : kProperties) properties |= bit(entry.second);
  }
  auto pack = loadRuleFacts(rule, errors);
  if (errors.size() != errorsBefore || !scope || !pack) return nullptr;
  return std::make_unique<FactCheck>(rule, *scope, std::move(pack), properties);
}

void FactCheck::run(const document::Document& document, annotate::Annotations& annotations,
                    diag::DiagnosticSink& sink) const {
  const facts::FactBase& base = pack_->facts();
  const annotate::MentionSet& mentions = annotations.mentions(*pack_);
  if (mentions.mentions.empty()) return;
  const std::vector<annotate::Claim>& claims = annotations.claims(*pack_);
  for (const annotate::Claim& claim : claims) {
    if ((properties_ & bit(claim.kind)) == 0 || !scope().includes(document.blocks[claim.block])) continue;
    const facts::EntityIndex index = mentions.mentions[claim.mention].entity;
    const facts::Entity& entity = base.entity(index);
    std::optional<Expected> expected;
    switch (claim.kind) {
      case ClaimKind::Date: expected = dateFact(entity, claim); break;
      case ClaimKind::Place: expected = placeFact(base, entity, claim); break;
      case ClaimKind::Founded: expected = yearFact(entity.founded, claim, "founding date"); break;
      case ClaimKind::Since: expected = yearFact(entity.start, claim, "start"); break;
      case ClaimKind::Ordinal: expected = ordinalFact(base, index, claim, annotations.referenceDate()); break;
    }
    if (!expected) continue;
    const document::ProseText& prose = document.blocks[claim.block].prose;
    const std::string found(prose.text().substr(claim.prose.begin, claim.prose.size()));
    const std::array<std::pair<std::string_view, std::string_view>, 4> values{
        {{"entity", entity.name}, {"property", expected->property}, {"found", found}, {"expected", expected->value}}};
    diag::Diagnostic diagnostic = this->diagnostic(claim.source, values);
    diagnostic.notes.push_back(factNote(base, *expected->where, *expected->sources,
                                        "the fact base gives the " + expected->property + " of '" + entity.name +
                                            "' as " + expected->value));
    if (prose.isContiguous(claim.prose)) {
      diagnostic.fix = diag::Fix{"Write '" + expected->text + "'", diag::Applicability::Unsafe,
                                 {diag::Edit{claim.source, expected->text}}};
    }
    sink.report(std::move(diagnostic));
  }
}

}  // namespace galley::checks
