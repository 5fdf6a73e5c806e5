// FactBase: typed records of entities and their statements, loaded from a pack's facts*.yaml.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/Calendar.h"

namespace galley::facts {

// Index of an entity in FactBase::entities().
using EntityIndex = uint32_t;
// Index of a reference in FactBase::sources().
using SourceIndex = uint32_t;

enum class EntityKind { Organisation, Person, Office, Agreement, Document, Event, RecurringSession, Place };

// "organisation", "person", "office", "agreement", "document", "event", "recurring-session", "place".
std::string_view kindName(EntityKind kind);
// Parses a kind name; "session" is accepted for "recurring-session".
std::optional<EntityKind> parseKind(std::string_view name);

// Where something is stated in the fact base: YAML file, 1-based line and column.
struct FactLocation {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;
};

// A reference backing a statement (Wikidata's "stated in"). Every field but `title` is optional.
struct Source {
  std::string id;         // set when declared under the file's top-level `sources:`
  std::string title;
  std::string url;
  std::string quote;
  std::string retrieved;  // ISO date, as written
};

// A value as the fact base states it: where, and on what authority.
template <typename T>
struct Stated {
  T value{};
  FactLocation where;
  std::vector<SourceIndex> sources;
  std::string note;
};

// A place: an entity of kind place, or a free name the fact base does not describe further.
struct PlaceValue {
  std::optional<EntityIndex> entity;
  std::string name;  // the place entity's canonical name, or the free name as written
};

// A person holding an office over a period. Missing `from`/`to` mean "not known" / "ongoing".
struct Tenure {
  EntityIndex office = 0;
  std::optional<base::DateInterval> from;
  std::optional<base::DateInterval> to;
  FactLocation where;
  std::vector<SourceIndex> sources;

  // True when `day` may fall inside the term: the intervals overlap with unknown ends left open.
  [[nodiscard]] bool covers(const base::DateInterval& day) const;
};

// One meeting of a recurring session (the Commission on Narcotic Drugs' 60th session).
struct Session {
  int ordinal = 0;
  std::optional<base::DateInterval> start;
  std::optional<base::DateInterval> end;
  std::optional<PlaceValue> place;
  std::string report;  // document symbol of the session's report, if given
  FactLocation where;
  std::vector<SourceIndex> sources;
};

// An entity and everything the fact base states about it. Fields that do not apply to its kind
// stay empty (the loader rejects them).
struct Entity {
  std::string id;
  EntityKind kind = EntityKind::Organisation;
  std::string name;                  // canonical form
  std::vector<std::string> aliases;  // acronyms, short forms, other spellings
  FactLocation where;                // the entity's `id:` line
  std::vector<SourceIndex> sources;  // the entity's own `sources:`, applying to its statements

  // Statements (Wikidata-style values with their location and references).
  std::optional<Stated<base::DateInterval>> date;     // point in time (signed, adopted, held)
  std::optional<Stated<base::DateInterval>> start;
  std::optional<Stated<base::DateInterval>> end;
  std::optional<Stated<base::DateInterval>> founded;  // established / created / founded
  std::optional<Stated<PlaceValue>> place;            // where signed, held, adopted or founded
  std::optional<Stated<PlaceValue>> headquarters;
  std::optional<Stated<std::vector<EntityIndex>>> parties;
  std::optional<Stated<std::vector<EntityIndex>>> participants;
  std::optional<Stated<std::vector<EntityIndex>>> signatories;
  std::optional<Stated<int>> ordinal;
  std::string symbol;  // document symbol such as "A/RES/71/14" (also matched as an alias)
  std::string note;

  // Offices.
  std::optional<EntityIndex> organisation;
  std::vector<std::string> titles;  // canonical title forms ("Secretary-General")
  bool singleHolder = false;

  // Organisations: house forms of titles beyond its offices' `titles` (`title-forms`), such as
  // "Deputy Secretary-General"; read by the title-form check only, never matched as mentions.
  std::vector<std::string> titleForms;

  // People.
  std::vector<Tenure> holds;

  // Recurring sessions: session N meets in year numberingBaseYear + N, when given.
  std::optional<Stated<int>> numberingBaseYear;
  std::vector<Session> sessions;
  // What a draft calls one session ("meeting" for a council, "session" for a commission): the
  // word after an ordinal that makes it this series' ordinal. Empty: "session".
  std::vector<std::string> sessionWords;

  // Every name the entity is written as: the canonical name first, then aliases and symbol.
  [[nodiscard]] std::vector<std::string_view> allNames() const;
};

// The loaded, validated fact base of one or more packs. Immutable after loading; safe to share
// across threads.
class FactBase {
 public:
  FactBase() = default;
  FactBase(std::vector<Entity> entities, std::vector<Source> sources);

  [[nodiscard]] const std::vector<Entity>& entities() const { return entities_; }
  [[nodiscard]] const Entity& entity(EntityIndex index) const { return entities_[index]; }
  [[nodiscard]] const std::vector<Source>& sources() const { return sources_; }
  [[nodiscard]] const Source& source(SourceIndex index) const { return sources_[index]; }

  // The entity with this id, or nullopt.
  [[nodiscard]] std::optional<EntityIndex> find(std::string_view id) const;

  // The tenures of `office` whose terms may cover `day`, as (person, tenure) pairs.
  [[nodiscard]] std::vector<std::pair<EntityIndex, const Tenure*>> holdersAt(EntityIndex office,
                                                                            const base::DateInterval& day) const;
  // The tenures of `person` in `office` (empty when the person never held it).
  [[nodiscard]] std::vector<const Tenure*> tenures(EntityIndex person, EntityIndex office) const;

  // Expected date interval of session `ordinal` of a recurring session: the listed session's
  // start..end, else the numbering rule's year; nullopt when neither is known.
  [[nodiscard]] std::optional<base::DateInterval> sessionDates(EntityIndex series, int ordinal) const;
  // Ordinal of the session meeting within `when` (listed sessions first, then the numbering
  // rule's year); nullopt when unknown.
  [[nodiscard]] std::optional<int> sessionOrdinalAt(EntityIndex series, const base::DateInterval& when) const;

 private:
  std::vector<Entity> entities_;
  std::vector<Source> sources_;
  std::unordered_map<std::string, EntityIndex> byId_;
};

}  // namespace galley::facts
