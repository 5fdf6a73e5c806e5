#include "facts/FactLoader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <memory>
#include <unordered_map>

#include "base/FileText.h"
#include "config/NearestName.h"
#include "config/YamlBudget.h"
#include "config/YamlSource.h"
#include "facts/NameMatcher.h"

namespace galley::facts {

namespace {

// Keys, by where they may appear. Entity keys valid for every kind come first.
const std::vector<std::string_view> kTopKeys{"entities", "sources"};
const std::vector<std::string_view> kSourceKeys{"id", "title", "url", "quote", "retrieved"};
const std::vector<std::string_view> kCommonEntityKeys{"id",   "kind", "name",   "aliases", "sources",
                                                      "note", "date", "start",  "end",     "place",
                                                      "parties", "participants", "signatories", "ordinal",
                                                      "symbol", "founded", "headquarters"};
const std::vector<std::string_view> kOfficeKeys{"organisation", "titles", "single-holder"};
const std::vector<std::string_view> kPersonKeys{"holds"};
const std::vector<std::string_view> kOrganisationKeys{"title-forms"};
const std::vector<std::string_view> kSessionKeys{"numbering-base-year", "sessions", "session-words"};
const std::vector<std::string_view> kStatementKeys{"value", "sources", "note"};
const std::vector<std::string_view> kTenureKeys{"office", "from", "to", "sources", "note"};
const std::vector<std::string_view> kSessionItemKeys{"ordinal", "start", "end", "place", "report", "sources", "note"};

bool contains(const std::vector<std::string_view>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// An id: lower-case ASCII letters and digits in hyphen-separated words ("sco-secretary-general").
bool isIdLike(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<int> parseInt(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A reference to an entity by id, resolved after every file is read.
struct PendingRef {
  std::string id;
  FactLocation where;
};

// Parses one or more fact files into entities; references are resolved in a second pass.
class Parser {
 public:
  explicit Parser(base::ErrorList& errors) : errors_(errors) {}

  void parseFile(const std::string& path, const std::string& text) {
    fileSources_.push_back(std::make_unique<config::YamlSource>(path, text));
    source_ = fileSources_.back().get();
    if (auto bomb = config::checkAliasExpansion(text)) {
      error(bomb->mark, bomb->message);
      return;
    }
    try {
      documents_.push_back(YAML::Load(text));
    } catch (const YAML::Exception& e) {
      error(e.mark, "malformed YAML: " + e.msg);
      return;
    }
    files_.push_back(source_);
  }

  // Pass 1: sources and entity ids of every file; pass 2: entity bodies.
  FactBase finish() {
    for (size_t i = 0; i < documents_.size(); ++i) {
      source_ = files_[i];
      collectTop(documents_[i]);
    }
    for (size_t i = 0; i < documents_.size(); ++i) {
      source_ = files_[i];
      const YAML::Node entities = documents_[i]["entities"];
      if (!entities.IsDefined() || entities.IsNull()) continue;
      for (const auto& node : entities)
        if (node.IsMap()) parseEntity(node);
    }
    // Places referenced by id take the place entity's name (parsed in any order).
    for (auto& entity : entities_) {
      for (auto* stated : {&entity.place, &entity.headquarters})
        if (*stated && (*stated)->value.entity) (*stated)->value.name = entities_[*(*stated)->value.entity].name;
      for (auto& session : entity.sessions)
        if (session.place && session.place->entity) session.place->name = entities_[*session.place->entity].name;
    }
    checkNames();
    checkTerms();
    return {std::move(entities_), std::move(sources_)};
  }

 private:
  // One column convention with the rule packs: 1-based code points (config::YamlSource).
  FactLocation at(const YAML::Mark& mark) const {
    const base::Location where = source_->location(mark);
    return {where.path, where.line, where.column};
  }
  void error(const FactLocation& where, std::string message) {
    errors_.push_back(base::Error::invalidInput(std::move(message), base::Location{where.path, where.line, where.column}));
  }
  void error(const YAML::Mark& mark, std::string message) { error(at(mark), std::move(message)); }

  // Reports keys of `map` not in any of `allowed`, suggesting the nearest of `suggest`.
  void checkKeys(const YAML::Node& map, const std::vector<std::string_view>& allowed,
                 const std::vector<std::string_view>& suggest, std::string_view what) {
    for (const auto& entry : map) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("<complex key>");
      if (contains(allowed, key)) continue;
      if (contains(suggest, key)) {
        error(entry.first.Mark(), "key '" + key + "' does not apply to " + std::string(what));
        continue;
      }
      error(entry.first.Mark(), config::unknownKeyMessage(key, suggest, "key") + " in " + std::string(what));
    }
  }

  std::optional<std::string> scalar(const YAML::Node& node, std::string_view what) {
    if (!node.IsScalar()) {
      error(node.Mark(), std::string(what) + " must be a single value");
      return std::nullopt;
    }
    return node.Scalar();
  }

  void collectTop(const YAML::Node& root) {
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      error(root.Mark(), "a fact file is a mapping with 'entities' (and optionally 'sources')");
      return;
    }
    checkKeys(root, kTopKeys, kTopKeys, "a fact file");
    if (const YAML::Node sources = root["sources"]; sources.IsDefined() && !sources.IsNull()) {
      if (!sources.IsSequence()) {
        error(sources.Mark(), "'sources' must be a list");
      } else {
        for (const auto& node : sources) {
          if (const auto index = parseSource(node, true)) {
            const std::string& id = sources_[*index].id;
            if (!sourceIds_.emplace(id, *index).second) error(node["id"].Mark(), "duplicate source id '" + id + "'");
          }
        }
      }
    }
    const YAML::Node entities = root["entities"];
    if (!entities.IsDefined() || entities.IsNull()) return;
    if (!entities.IsSequence()) {
      error(entities.Mark(), "'entities' must be a list");
      return;
    }
    for (const auto& node : entities) {
      if (!node.IsMap()) {
        error(node.Mark(), "an entity is a mapping with 'id', 'kind' and 'name'");
        continue;
      }
      Entity entity;
      entity.where = at(node.Mark());
      const YAML::Node id = node["id"];
      if (!id.IsDefined()) {
        error(node.Mark(), "entity has no 'id'");
      } else if (const auto text = scalar(id, "'id'")) {
        entity.id = *text;
        entity.where = at(id.Mark());
        if (!isIdLike(entity.id))
          error(id.Mark(), "id '" + entity.id + "' must be lower-case words joined by hyphens");
        else if (!ids_.emplace(entity.id, static_cast<EntityIndex>(entities_.size())).second)
          error(id.Mark(), "duplicate entity id '" + entity.id + "'");
      }
      const YAML::Node kind = node["kind"];
      if (!kind.IsDefined()) {
        error(node.Mark(), "entity '" + entity.id + "' has no 'kind'");
      } else if (const auto text = scalar(kind, "'kind'")) {
        if (const auto parsed = parseKind(*text)) {
          entity.kind = *parsed;
        } else {
          error(kind.Mark(), "unknown kind '" + *text +
                                 "' (organisation, person, office, agreement, document, event, "
                                 "recurring-session, place)");
        }
      }
      entities_.push_back(std::move(entity));
    }
  }

  // A source mapping (top level when `declared`), or an id of a declared one. Returns its index.
  std::optional<SourceIndex> parseSource(const YAML::Node& node, bool declared) {
    if (node.IsScalar()) {
      if (declared) {
        error(node.Mark(), "a declared source is a mapping with 'id' and 'title'");
        return std::nullopt;
      }
      const auto it = sourceIds_.find(node.Scalar());
      if (it == sourceIds_.end()) {
        error(node.Mark(), "unknown source '" + node.Scalar() + "'");
        return std::nullopt;
      }
      return it->second;
    }
    if (!node.IsMap()) {
      error(node.Mark(), "a source is a mapping (title, url, quote, retrieved) or a source id");
      return std::nullopt;
    }
    checkKeys(node, declared ? kSourceKeys : std::vector<std::string_view>(kSourceKeys.begin() + 1, kSourceKeys.end()),
              kSourceKeys, declared ? "a declared source" : "a source");
    Source source;
    auto field = [&](const char* key, std::string& out) {
      if (const YAML::Node value = node[key]; value.IsDefined())
        if (const auto text = scalar(value, std::string("'") + key + "'")) out = *text;
    };
    field("id", source.id);
    field("title", source.title);
    field("url", source.url);
    field("quote", source.quote);
    field("retrieved", source.retrieved);
    if (declared && source.id.empty()) {
      error(node.Mark(), "declared source has no 'id'");
      return std::nullopt;
    }
    if (source.title.empty()) {
      error(node.Mark(), "source has no 'title'");
      return std::nullopt;
    }
    if (!source.retrieved.empty() && !base::parseIsoInterval(source.retrieved))
      error(node["retrieved"].Mark(), "impossible or malformed date '" + source.retrieved + "' (YYYY, YYYY-MM or YYYY-MM-DD)");
    sources_.push_back(std::move(source));
    return static_cast<SourceIndex>(sources_.size() - 1);
  }

  std::vector<SourceIndex> parseSources(const YAML::Node& node) {
    std::vector<SourceIndex> found;
    if (!node.IsDefined() || node.IsNull()) return found;
    if (!node.IsSequence()) {
      if (const auto index = parseSource(node, false)) found.push_back(*index);
      return found;
    }
    for (const auto& item : node)
      if (const auto index = parseSource(item, false)) found.push_back(*index);
    return found;
  }

  std::optional<base::DateInterval> parseDate(const YAML::Node& node) {
    const auto text = scalar(node, "a date");
    if (!text) return std::nullopt;
    auto value = base::parseIsoInterval(*text);
    if (!value) error(node.Mark(), "impossible or malformed date '" + *text + "' (YYYY, YYYY-MM or YYYY-MM-DD)");
    return value;
  }

  // A statement written as a bare value or as {value, sources, note}. `read` parses the value node.
  template <typename T, typename Read>
  std::optional<Stated<T>> statement(const YAML::Node& node, const Entity& entity, Read read) {
    Stated<T> stated;
    stated.where = at(node.Mark());
    // Copy-initialised: assigning a YAML::Node would overwrite the node it refers to.
    const YAML::Node valueNode = node.IsMap() ? node["value"] : node;
    if (node.IsMap()) {
      checkKeys(node, kStatementKeys, kStatementKeys, "a statement");
      if (!valueNode.IsDefined()) {
        error(node.Mark(), "statement has no 'value'");
        return std::nullopt;
      }
      stated.sources = parseSources(node["sources"]);
      if (const YAML::Node note = node["note"]; note.IsDefined() && note.IsScalar()) stated.note = note.Scalar();
    }
    if (stated.sources.empty()) stated.sources = entity.sources;
    auto value = read(valueNode);
    if (!value) return std::nullopt;
    stated.value = std::move(*value);
    return stated;
  }

  // An entity id, checked to exist and (when `kind` is set) to be of that kind.
  std::optional<EntityIndex> reference(const YAML::Node& node, std::optional<EntityKind> kind) {
    const auto text = scalar(node, "a reference");
    if (!text) return std::nullopt;
    const auto it = ids_.find(*text);
    if (it == ids_.end()) {
      std::vector<std::string_view> known;
      known.reserve(ids_.size());
      for (const auto& [id, index] : ids_) known.emplace_back(id);
      const auto near = config::nearestName(*text, known);
      error(node.Mark(), "unknown entity '" + *text + "'" + (near ? "; did you mean '" + *near + "'?" : ""));
      return std::nullopt;
    }
    if (kind && entities_[it->second].kind != *kind) {
      error(node.Mark(), "'" + *text + "' is a " + std::string(kindName(entities_[it->second].kind)) + ", not a " +
                             std::string(kindName(*kind)));
      return std::nullopt;
    }
    return it->second;
  }

  std::optional<PlaceValue> place(const YAML::Node& node) {
    const auto text = scalar(node, "a place");
    if (!text) return std::nullopt;
    if (!isIdLike(*text)) return PlaceValue{std::nullopt, *text};
    const auto index = reference(node, EntityKind::Place);
    if (!index) return std::nullopt;
    return PlaceValue{index, entities_[*index].name};
  }

  std::optional<std::vector<EntityIndex>> references(const YAML::Node& node) {
    std::vector<EntityIndex> found;
    if (!node.IsSequence()) {
      error(node.Mark(), "expected a list of entity ids");
      return std::nullopt;
    }
    for (const auto& item : node)
      if (const auto index = reference(item, std::nullopt)) found.push_back(*index);
    return found;
  }

  std::optional<int> integer(const YAML::Node& node) {
    const auto text = scalar(node, "a number");
    if (!text) return std::nullopt;
    const auto value = parseInt(*text);
    if (!value || *value <= 0) error(node.Mark(), "expected a positive whole number, not '" + *text + "'");
    return value && *value > 0 ? value : std::nullopt;
  }

  void parseEntity(const YAML::Node& node) {
    const YAML::Node idNode = node["id"];
    if (!idNode.IsDefined() || !idNode.IsScalar()) return;
    const auto it = ids_.find(idNode.Scalar());
    if (it == ids_.end() || entities_[it->second].where.line != at(idNode.Mark()).line ||
        entities_[it->second].where.path != source_->path())
      return;  // an invalid or duplicate id, already reported
    const EntityIndex self = it->second;
    const EntityKind kind = entities_[self].kind;
    const std::string what = "an entity of kind '" + std::string(kindName(kind)) + "'";

    std::vector<std::string_view> allowed = kCommonEntityKeys;
    if (kind == EntityKind::Office) allowed.insert(allowed.end(), kOfficeKeys.begin(), kOfficeKeys.end());
    if (kind == EntityKind::Person) allowed.insert(allowed.end(), kPersonKeys.begin(), kPersonKeys.end());
    if (kind == EntityKind::Organisation)
      allowed.insert(allowed.end(), kOrganisationKeys.begin(), kOrganisationKeys.end());
    if (kind == EntityKind::RecurringSession) allowed.insert(allowed.end(), kSessionKeys.begin(), kSessionKeys.end());
    std::vector<std::string_view> every = kCommonEntityKeys;
    every.insert(every.end(), kOfficeKeys.begin(), kOfficeKeys.end());
    every.insert(every.end(), kPersonKeys.begin(), kPersonKeys.end());
    every.insert(every.end(), kOrganisationKeys.begin(), kOrganisationKeys.end());
    every.insert(every.end(), kSessionKeys.begin(), kSessionKeys.end());
    checkKeys(node, allowed, every, what);

    Entity entity = std::move(entities_[self]);
    if (const YAML::Node name = node["name"]; !name.IsDefined()) {
      error(node.Mark(), "entity '" + entity.id + "' has no 'name'");
    } else if (const auto text = scalar(name, "'name'")) {
      entity.name = *text;
      nameNodes_.push_back({*text, self, at(name.Mark())});
    }
    if (const YAML::Node aliases = node["aliases"]; aliases.IsDefined()) {
      if (!aliases.IsSequence()) {
        error(aliases.Mark(), "'aliases' must be a list");
      } else {
        for (const auto& alias : aliases) {
          if (const auto text = scalar(alias, "an alias")) {
            entity.aliases.push_back(*text);
            nameNodes_.push_back({*text, self, at(alias.Mark())});
          }
        }
      }
    }
    if (const YAML::Node symbol = node["symbol"]; symbol.IsDefined()) {
      if (const auto text = scalar(symbol, "'symbol'")) {
        entity.symbol = *text;
        nameNodes_.push_back({*text, self, at(symbol.Mark())});
      }
    }
    if (const YAML::Node note = node["note"]; note.IsDefined() && note.IsScalar()) entity.note = note.Scalar();
    entity.sources = parseSources(node["sources"]);

    parseStatements(node, entity);

    if (kind == EntityKind::Office) parseOffice(node, entity);
    if (kind == EntityKind::Person) parseHolds(node, entity);
    if (kind == EntityKind::Organisation) parseTitleForms(node, entity);
    if (kind == EntityKind::RecurringSession) {
      if (const YAML::Node n = node["numbering-base-year"]; n.IsDefined())
        entity.numberingBaseYear = statement<int>(n, entity, [this](const YAML::Node& v) { return integer(v); });
      parseSessions(node, entity);
      parseSessionWords(node, entity);
    }
    entities_[self] = std::move(entity);
  }

  // The Wikidata-style statements every kind may carry.
  void parseStatements(const YAML::Node& node, Entity& entity) {
    auto readDate = [this](const YAML::Node& n) { return parseDate(n); };
    auto readPlace = [this](const YAML::Node& n) { return place(n); };
    auto readRefs = [this](const YAML::Node& n) { return references(n); };
    auto readInt = [this](const YAML::Node& n) { return integer(n); };
    if (const YAML::Node n = node["date"]; n.IsDefined()) entity.date = statement<base::DateInterval>(n, entity, readDate);
    if (const YAML::Node n = node["start"]; n.IsDefined()) entity.start = statement<base::DateInterval>(n, entity, readDate);
    if (const YAML::Node n = node["end"]; n.IsDefined()) entity.end = statement<base::DateInterval>(n, entity, readDate);
    if (const YAML::Node n = node["founded"]; n.IsDefined())
      entity.founded = statement<base::DateInterval>(n, entity, readDate);
    if (entity.start && entity.end && entity.start->value.first > entity.end->value.last)
      error(entity.end->where, "end " + entity.end->value.isoLast() + " is before start " + entity.start->value.isoFirst());
    if (const YAML::Node n = node["place"]; n.IsDefined()) entity.place = statement<PlaceValue>(n, entity, readPlace);
    if (const YAML::Node n = node["headquarters"]; n.IsDefined())
      entity.headquarters = statement<PlaceValue>(n, entity, readPlace);
    if (const YAML::Node n = node["parties"]; n.IsDefined())
      entity.parties = statement<std::vector<EntityIndex>>(n, entity, readRefs);
    if (const YAML::Node n = node["participants"]; n.IsDefined())
      entity.participants = statement<std::vector<EntityIndex>>(n, entity, readRefs);
    if (const YAML::Node n = node["signatories"]; n.IsDefined())
      entity.signatories = statement<std::vector<EntityIndex>>(n, entity, readRefs);
    if (const YAML::Node n = node["ordinal"]; n.IsDefined()) entity.ordinal = statement<int>(n, entity, readInt);

  }

  void parseOffice(const YAML::Node& node, Entity& entity) {
    if (const YAML::Node org = node["organisation"]; org.IsDefined())
      entity.organisation = reference(org, EntityKind::Organisation);
    if (const YAML::Node titles = node["titles"]; titles.IsDefined()) {
      if (!titles.IsSequence()) {
        error(titles.Mark(), "'titles' must be a list");
      } else {
        for (const auto& title : titles)
          if (const auto text = scalar(title, "a title")) entity.titles.push_back(*text);
      }
    }
    if (entity.titles.empty()) error(entity.where, "office '" + entity.id + "' has no 'titles'");
    if (const YAML::Node single = node["single-holder"]; single.IsDefined()) {
      const auto text = scalar(single, "'single-holder'");
      if (text && (*text == "true" || *text == "yes")) {
        entity.singleHolder = true;
      } else if (text && *text != "false" && *text != "no") {
        error(single.Mark(), "'single-holder' is true or false, not '" + *text + "'");
      }
    }
  }

  // An organisation's house forms of titles that no office of the fact base carries ("Deputy
  // Secretary-General"): what the title-form check accepts and suggests for it.
  void parseTitleForms(const YAML::Node& node, Entity& entity) {
    const YAML::Node forms = node["title-forms"];
    if (!forms.IsDefined()) return;
    if (!forms.IsSequence()) {
      error(forms.Mark(), "'title-forms' must be a list");
      return;
    }
    for (const auto& form : forms)
      if (const auto text = scalar(form, "a title form")) entity.titleForms.push_back(*text);
  }

  // "session-words: [meeting, session]": what a draft calls one of the series' sessions.
  void parseSessionWords(const YAML::Node& node, Entity& entity) {
    const YAML::Node words = node["session-words"];
    if (!words.IsDefined()) return;
    if (!words.IsSequence() || words.size() == 0) {
      error(words.Mark(), "'session-words' must be a list of lower-case words, such as [meeting, session]");
      return;
    }
    for (const auto& word : words) {
      const auto text = scalar(word, "a session word");
      if (!text) continue;
      if (text->empty() || !std::all_of(text->begin(), text->end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        error(word.Mark(), "a session word is one lower-case word, such as 'meeting', not '" + *text + "'");
        continue;
      }
      entity.sessionWords.push_back(*text);
    }
  }

  void parseHolds(const YAML::Node& node, Entity& entity) {
    const YAML::Node holds = node["holds"];
    if (!holds.IsDefined()) return;
    if (!holds.IsSequence()) {
      error(holds.Mark(), "'holds' must be a list of {office, from, to}");
      return;
    }
    for (const auto& item : holds) {
      if (!item.IsMap()) {
        error(item.Mark(), "a term is a mapping {office, from, to}");
        continue;
      }
      checkKeys(item, kTenureKeys, kTenureKeys, "a term of office");
      Tenure tenure;
      tenure.where = at(item.Mark());
      const YAML::Node office = item["office"];
      if (!office.IsDefined()) {
        error(item.Mark(), "term has no 'office'");
        continue;
      }
      const auto index = reference(office, EntityKind::Office);
      if (const YAML::Node from = item["from"]; from.IsDefined()) tenure.from = parseDate(from);
      if (const YAML::Node to = item["to"]; to.IsDefined()) tenure.to = parseDate(to);
      if (tenure.from && tenure.to && tenure.from->first > tenure.to->last)
        error(item["to"].Mark(), "term ends (" + tenure.to->isoLast() + ") before it starts (" + tenure.from->isoFirst() + ")");
      tenure.sources = parseSources(item["sources"]);
      if (tenure.sources.empty()) tenure.sources = entity.sources;
      if (!index) continue;
      tenure.office = *index;
      entity.holds.push_back(std::move(tenure));
    }
  }

  void parseSessions(const YAML::Node& node, Entity& entity) {
    const YAML::Node sessions = node["sessions"];
    if (!sessions.IsDefined()) return;
    if (!sessions.IsSequence()) {
      error(sessions.Mark(), "'sessions' must be a list");
      return;
    }
    for (const auto& item : sessions) {
      if (!item.IsMap()) {
        error(item.Mark(), "a session is a mapping {ordinal, start, end, place}");
        continue;
      }
      checkKeys(item, kSessionItemKeys, kSessionItemKeys, "a session");
      Session session;
      session.where = at(item.Mark());
      const YAML::Node ordinal = item["ordinal"];
      if (!ordinal.IsDefined()) {
        error(item.Mark(), "session has no 'ordinal'");
        continue;
      }
      const auto number = integer(ordinal);
      if (!number) continue;
      session.ordinal = *number;
      if (const YAML::Node n = item["start"]; n.IsDefined()) session.start = parseDate(n);
      if (const YAML::Node n = item["end"]; n.IsDefined()) session.end = parseDate(n);
      if (session.start && session.end && session.start->first > session.end->last)
        error(item["end"].Mark(), "end " + session.end->isoLast() + " is before start " + session.start->isoFirst());
      if (const YAML::Node n = item["place"]; n.IsDefined()) session.place = place(n);
      if (const YAML::Node n = item["report"]; n.IsDefined() && n.IsScalar()) session.report = n.Scalar();
      session.sources = parseSources(item["sources"]);
      if (session.sources.empty()) session.sources = entity.sources;
      if (entity.numberingBaseYear && session.start) {
        const int expected = entity.numberingBaseYear->value + session.ordinal;
        if (base::civilFromDays(session.start->first).year != expected)
          error(session.where, "session " + std::to_string(session.ordinal) + " should meet in " + std::to_string(expected) +
                                   " by the numbering rule, but starts " + session.start->isoFirst());
      }
      entity.sessions.push_back(std::move(session));
    }
  }

  // Two entities may not claim one name (after normalisation).
  void checkNames() {
    std::unordered_map<std::string, const NameNode*> owners;
    for (const auto& node : nameNodes_) {
      const std::string key = normalizeName(node.text);
      if (key.empty()) {
        error(node.where, "name '" + node.text + "' has no letters to match");
        continue;
      }
      const auto [it, inserted] = owners.emplace(key, &node);
      if (inserted || it->second->entity == node.entity) continue;
      const NameNode& first = *it->second;
      error(node.where, "name '" + node.text + "' of '" + entities_[node.entity].id + "' is already claimed by '" +
                            entities_[first.entity].id + "' (" + first.where.path + ":" + std::to_string(first.where.line) +
                            ":" + std::to_string(first.where.column) + ")");
    }
  }

  // A single-holder office has one holder at a time.
  void checkTerms() {
    struct Term {
      EntityIndex person;
      const Tenure* tenure;
      int64_t first;
      int64_t last;
    };
    std::map<EntityIndex, std::vector<Term>> byOffice;
    for (EntityIndex person = 0; person < entities_.size(); ++person) {
      for (const auto& tenure : entities_[person].holds) {
        if (!entities_[tenure.office].singleHolder) continue;
        // A term with an unknown start is only known to cover its last stated period; one with
        // neither bound says only that the person held the office at some time.
        if (!tenure.from && !tenure.to) continue;
        byOffice[tenure.office].push_back({person, &tenure, tenure.from ? tenure.from->first : tenure.to->first,
                                           tenure.to ? tenure.to->last : std::numeric_limits<int64_t>::max()});
      }
    }
    for (auto& [office, terms] : byOffice) {
      std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.first < b.first; });
      size_t longest = 0;  // the earlier term reaching furthest
      for (size_t i = 1; i < terms.size(); ++i) {
        const Term& before = terms[longest];
        const Term& after = terms[i];
        if (after.last > before.last) longest = i;
        if (after.first > before.last) continue;
        const FactLocation& other = before.tenure->where;
        error(after.tenure->where, "term of '" + entities_[after.person].id + "' overlaps the term of '" +
                                       entities_[before.person].id + "' (" + other.path + ":" + std::to_string(other.line) +
                                       ":" + std::to_string(other.column) + "), but office '" + entities_[office].id +
                                       "' has a single holder");
      }
    }
  }

  struct NameNode {
    std::string text;
    EntityIndex entity;
    FactLocation where;
  };

  base::ErrorList& errors_;
  std::vector<std::unique_ptr<config::YamlSource>> fileSources_;  // every file added
  const config::YamlSource* source_ = nullptr;  // the file being read
  std::vector<YAML::Node> documents_;
  std::vector<const config::YamlSource*> files_;  // parallel to documents_
  std::vector<Entity> entities_;
  std::vector<Source> sources_;
  std::unordered_map<std::string, EntityIndex> ids_;
  std::unordered_map<std::string, SourceIndex> sourceIds_;
  std::vector<NameNode> nameNodes_;
};

}  // namespace

void FactLoader::addText(std::string path, std::string text) { inputs_.push_back({std::move(path), std::move(text)}); }

bool FactLoader::addFile(const std::string& path) {
  base::Expected<std::string> text = base::readFileText(path);
  if (!text) {
    errors_.push_back(base::Error::environment("cannot read fact file: " + text.error().message(), base::Location{path, 0, 0}));
    return false;
  }
  addText(path, std::move(*text));
  return true;
}

base::Expected<FactBase> FactLoader::load() {
  Parser parser(errors_);
  for (const auto& input : inputs_) parser.parseFile(input.path, input.text);
  FactBase factBase;
  try {
    factBase = parser.finish();
  } catch (const YAML::Exception& e) {  // a node shape the parser did not expect: still located
    errors_.push_back(base::Error::invalidInput("unexpected YAML structure: " + e.msg,
                                                base::Location{"", static_cast<uint32_t>(e.mark.line + 1),
                                                               static_cast<uint32_t>(e.mark.column + 1)}));
  }
  if (!errors_.empty()) return base::Unexpected(errors_.front());
  return factBase;
}

}  // namespace galley::facts
