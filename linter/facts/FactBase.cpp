#include "facts/FactBase.h"

#include <array>
#include <limits>

namespace galley::facts {

namespace {

struct KindName {
  EntityKind kind;
  std::string_view name;
};

constexpr std::array<KindName, 8> kKindNames{{
    {EntityKind::Organisation, "organisation"},
    {EntityKind::Person, "person"},
    {EntityKind::Office, "office"},
    {EntityKind::Agreement, "agreement"},
    {EntityKind::Document, "document"},
    {EntityKind::Event, "event"},
    {EntityKind::RecurringSession, "recurring-session"},
    {EntityKind::Place, "place"},
}};

}  // namespace

std::string_view kindName(EntityKind kind) {
  for (const auto& entry : kKindNames)
    if (entry.kind == kind) return entry.name;
  return "organisation";
}

std::optional<EntityKind> parseKind(std::string_view name) {
  if (name == "session") return EntityKind::RecurringSession;
  if (name == "organization") return EntityKind::Organisation;
  for (const auto& entry : kKindNames)
    if (entry.name == name) return entry.kind;
  return std::nullopt;
}

bool Tenure::covers(const base::DateInterval& day) const {
  const int64_t first = from ? from->first : std::numeric_limits<int64_t>::min();
  const int64_t last = to ? to->last : std::numeric_limits<int64_t>::max();
  return first <= day.last && day.first <= last;
}

std::vector<std::string_view> Entity::allNames() const {
  std::vector<std::string_view> names;
  names.reserve(aliases.size() + 2);
  names.emplace_back(name);
  for (const auto& alias : aliases) names.emplace_back(alias);
  if (!symbol.empty()) names.emplace_back(symbol);
  return names;
}

FactBase::FactBase(std::vector<Entity> entities, std::vector<Source> sources)
    : entities_(std::move(entities)), sources_(std::move(sources)) {
  for (EntityIndex i = 0; i < entities_.size(); ++i) byId_.emplace(entities_[i].id, i);
}

std::optional<EntityIndex> FactBase::find(std::string_view id) const {
  const auto it = byId_.find(std::string(id));
  if (it == byId_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::pair<EntityIndex, const Tenure*>> FactBase::holdersAt(EntityIndex office,
                                                                      const base::DateInterval& day) const {
  std::vector<std::pair<EntityIndex, const Tenure*>> holders;
  for (EntityIndex person = 0; person < entities_.size(); ++person)
    for (const auto& tenure : entities_[person].holds)
      if (tenure.office == office && tenure.covers(day)) holders.emplace_back(person, &tenure);
  return holders;
}

std::vector<const Tenure*> FactBase::tenures(EntityIndex person, EntityIndex office) const {
  std::vector<const Tenure*> found;
  for (const auto& tenure : entities_[person].holds)
    if (tenure.office == office) found.push_back(&tenure);
  return found;
}

std::optional<base::DateInterval> FactBase::sessionDates(EntityIndex series, int ordinal) const {
  const Entity& entity = entities_[series];
  for (const auto& session : entity.sessions) {
    if (session.ordinal != ordinal || !session.start) continue;
    base::DateInterval span = *session.start;
    if (session.end) span.last = session.end->last;
    return span;
  }
  if (entity.numberingBaseYear) return base::DateInterval::year(entity.numberingBaseYear->value + ordinal);
  return std::nullopt;
}

std::optional<int> FactBase::sessionOrdinalAt(EntityIndex series, const base::DateInterval& when) const {
  const Entity& entity = entities_[series];
  for (const auto& session : entity.sessions) {
    if (!session.start) continue;
    base::DateInterval span = *session.start;
    if (session.end) span.last = session.end->last;
    if (span.overlaps(when) && when.precision == base::Precision::Day) return session.ordinal;
  }
  if (!entity.numberingBaseYear) return std::nullopt;
  const base::CivilDate first = base::civilFromDays(when.first);
  const base::CivilDate last = base::civilFromDays(when.last);
  if (first.year != last.year) return std::nullopt;  // spans two numbering years: ambiguous
  return first.year - entity.numberingBaseYear->value;
}

}  // namespace galley::facts
