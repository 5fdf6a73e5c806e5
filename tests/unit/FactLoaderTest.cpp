// The fact base loader: typed records, statement locations, and every validation error located.
#include <gtest/gtest.h>

#include <string>

#include "facts/FactLoader.h"

namespace galley::facts {
namespace {

struct Loaded {
  std::optional<FactBase> facts;
  std::vector<std::string> errors;  // Error::toString() of each
};

Loaded load(const std::string& yaml, const std::string& path = "facts.yaml") {
  FactLoader loader;
  loader.addText(path, yaml);
  auto result = loader.load();
  Loaded loaded;
  if (result) loaded.facts = std::move(*result);
  for (const auto& error : loader.errors()) loaded.errors.push_back(error.toString());
  return loaded;
}

// True when some error starts with `prefix` ("path:line:col: error: ...") and contains `text`.
::testing::AssertionResult hasError(const Loaded& loaded, const std::string& prefix, const std::string& text) {
  for (const auto& error : loaded.errors)
    if (error.rfind(prefix, 0) == 0 && error.find(text) != std::string::npos) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure() << "no error '" << prefix << " ... " << text << "' among:";
  for (const auto& error : loaded.errors) failure << "\n  " << error;
  return failure;
}

const char* const kValid = R"(sources:
  - id: kaz
    title: "Kazinform, 12 January 2016"
entities:
  - id: sco
    kind: organisation
    name: Shanghai Cooperation Organisation
    aliases: [SCO]
    founded: 2001-06-15
  - id: sco-sg
    kind: office
    name: Secretary-General of the SCO
    organisation: sco
    titles: [Secretary-General]
    single-holder: true
  - id: alimov
    kind: person
    name: Rashid Alimov
    aliases: [Alimov]
    holds:
      - {office: sco-sg, from: 2016-01-01, to: 2018-12-31, sources: [kaz]}
  - id: astana
    kind: place
    name: Astana
  - id: mou
    kind: agreement
    name: Memorandum of Understanding
    date: {value: 2011-06, sources: [{title: "Tengrinews", url: "https://example.org/t"}]}
    place: astana
    parties: [sco]
)";

TEST(FactLoaderTest, LoadsTypedEntitiesWithLocationsAndSources) {
  const Loaded loaded = load(kValid);
  ASSERT_TRUE(loaded.facts) << (loaded.errors.empty() ? "" : loaded.errors.front());
  const FactBase& facts = *loaded.facts;
  ASSERT_EQ(facts.entities().size(), 5U);

  const auto mou = facts.find("mou");
  ASSERT_TRUE(mou);
  const Entity& entity = facts.entity(*mou);
  EXPECT_EQ(entity.kind, EntityKind::Agreement);
  ASSERT_TRUE(entity.date);
  EXPECT_EQ(entity.date->value, base::DateInterval::month(2011, 6));
  EXPECT_EQ(entity.date->where.line, 28U);  // the statement's value mapping
  EXPECT_EQ(entity.date->where.column, 11U);
  ASSERT_EQ(entity.date->sources.size(), 1U);
  EXPECT_EQ(facts.source(entity.date->sources[0]).url, "https://example.org/t");
  ASSERT_TRUE(entity.place);
  EXPECT_EQ(entity.place->value.name, "Astana");
  EXPECT_EQ(entity.place->value.entity, facts.find("astana"));
  ASSERT_TRUE(entity.parties);
  EXPECT_EQ(entity.parties->value, std::vector<EntityIndex>{*facts.find("sco")});

  const Entity& alimov = facts.entity(*facts.find("alimov"));
  ASSERT_EQ(alimov.holds.size(), 1U);
  EXPECT_EQ(alimov.holds[0].office, *facts.find("sco-sg"));
  EXPECT_EQ(facts.source(alimov.holds[0].sources.at(0)).title, "Kazinform, 12 January 2016");
  const auto in2017 = base::DateInterval::day({2017, 3, 14});
  const auto in2020 = base::DateInterval::day({2020, 6, 1});
  EXPECT_EQ(facts.holdersAt(*facts.find("sco-sg"), in2017).size(), 1U);
  EXPECT_TRUE(facts.holdersAt(*facts.find("sco-sg"), in2020).empty());
}

TEST(FactLoaderTest, MalformedYamlIsLocated) {
  const Loaded loaded = load("entities:\n  - id: a\n    name: [unclosed\n", "bad.yaml");
  EXPECT_FALSE(loaded.facts);
  EXPECT_TRUE(hasError(loaded, "bad.yaml:4:1: error:", "malformed YAML"));
}

TEST(FactLoaderTest, UnknownKeySuggestsNearest) {
  const Loaded loaded = load("entities:\n  - id: a\n    kind: place\n    name: A\n    aliasses: [B]\n");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:5:5: error:", "unknown key 'aliasses'"));
  EXPECT_TRUE(hasError(loaded, "facts.yaml:5:5: error:", "did you mean 'aliases'?"));
}

TEST(FactLoaderTest, KeyOfAnotherKindIsRejected) {
  const Loaded loaded = load("entities:\n  - id: a\n    kind: place\n    name: A\n    holds: []\n");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:5:5: error:", "'holds' does not apply to an entity of kind 'place'"));
}

TEST(FactLoaderTest, MissingRequiredFields) {
  const Loaded loaded = load("entities:\n  - id: a\n    kind: place\n  - kind: person\n    name: B\n");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:2:5: error:", "entity 'a' has no 'name'"));
  EXPECT_TRUE(hasError(loaded, "facts.yaml:4:5: error:", "entity has no 'id'"));
}

TEST(FactLoaderTest, UnknownReferenceAndWrongKind) {
  const Loaded loaded = load(R"(entities:
  - {id: vienna, kind: place, name: Vienna}
  - id: p
    kind: person
    name: P
    holds:
      - {office: vienna}
  - id: e
    kind: event
    name: E
    place: viena
)");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:7:18: error:", "'vienna' is a place, not a office"));
  EXPECT_TRUE(hasError(loaded, "facts.yaml:11:12: error:", "unknown entity 'viena'; did you mean 'vienna'?"));
}

TEST(FactLoaderTest, FreePlaceNameIsNotAReference) {
  const Loaded loaded = load("entities:\n  - {id: e, kind: event, name: E, place: Bishkek}\n");
  ASSERT_TRUE(loaded.facts);
  const Entity& event = loaded.facts->entity(0);
  EXPECT_FALSE(event.place->value.entity);
  EXPECT_EQ(event.place->value.name, "Bishkek");
}

TEST(FactLoaderTest, ImpossibleAndReversedDates) {
  const Loaded loaded = load(R"(entities:
  - id: e
    kind: event
    name: E
    date: 2011-02-30
    start: 2017-03-17
    end: 2017-03-13
)");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:5:11: error:", "impossible or malformed date '2011-02-30'"));
  EXPECT_TRUE(hasError(loaded, "facts.yaml:7:10: error:", "end 2017-03-13 is before start 2017-03-17"));
}

TEST(FactLoaderTest, OverlappingTermsOfSingleHolderOffice) {
  const Loaded loaded = load(R"(entities:
  - {id: org, kind: organisation, name: Org}
  - {id: sg, kind: office, name: SG of Org, organisation: org, titles: [Secretary-General], single-holder: true}
  - id: a
    kind: person
    name: A One
    holds: [{office: sg, from: 2016-01-01, to: 2018-12-31}]
  - id: b
    kind: person
    name: B Two
    holds:
      - {office: sg, from: 2018-06, to: 2021}
)");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:12:9: error:", "term of 'b' overlaps the term of 'a' (facts.yaml:7:13)"));
}

TEST(FactLoaderTest, ConsecutiveTermsAndSharedOfficesAreFine) {
  const Loaded loaded = load(R"(entities:
  - {id: org, kind: organisation, name: Org}
  - {id: sg, kind: office, name: SG of Org, organisation: org, titles: [Secretary-General], single-holder: true}
  - {id: usg, kind: office, name: USG of Org, organisation: org, titles: [Under-Secretary-General]}
  - {id: a, kind: person, name: A One, holds: [{office: sg, from: 2016, to: 2018}, {office: usg, from: 2010}]}
  - {id: b, kind: person, name: B Two, holds: [{office: sg, from: 2019-01-01}, {office: usg, from: 2012}]}
)");
  EXPECT_TRUE(loaded.errors.empty()) << loaded.errors.front();
}

TEST(FactLoaderTest, TwoEntitiesClaimingOneNameAfterNormalisation) {
  const Loaded loaded = load(R"(entities:
  - {id: a, kind: organisation, name: Alpha, aliases: [SCO–UNODC]}
  - id: b
    kind: organisation
    name: Beta
    aliases: [sco-unodc]
)");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:6:15: error:", "name 'sco-unodc' of 'b' is already claimed by 'a' (facts.yaml:2:56)"));
}

TEST(FactLoaderTest, DuplicateIdsAndUnknownSources) {
  const Loaded loaded = load(R"(entities:
  - {id: a, kind: place, name: A}
  - {id: a, kind: place, name: A2}
  - {id: c, kind: place, name: C, sources: [nowhere]}
)");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:3:10: error:", "duplicate entity id 'a'"));
  EXPECT_TRUE(hasError(loaded, "facts.yaml:4:45: error:", "unknown source 'nowhere'"));
}

TEST(FactLoaderTest, ErrorsAcrossFilesNameTheirFile) {
  FactLoader loader;
  loader.addText("one.yaml", "entities:\n  - {id: org, kind: organisation, name: Org}\n");
  loader.addText("two.yaml", "entities:\n  - {id: sg, kind: office, name: SG, organisation: orgg, titles: [SG]}\n");
  EXPECT_FALSE(loader.load());
  ASSERT_EQ(loader.errors().size(), 1U);
  EXPECT_EQ(loader.errors()[0].toString(), "two.yaml:2:52: error: unknown entity 'orgg'; did you mean 'org'?");
}

TEST(FactLoaderTest, SessionNumberingIsCheckedAgainstListedSessions) {
  const Loaded loaded = load(R"(entities:
  - id: cnd
    kind: recurring-session
    name: Commission on Narcotic Drugs
    numbering-base-year: 1957
    sessions:
      - {ordinal: 60, start: 2017-03-13, end: 2017-03-17}
      - {ordinal: 61, start: 2017-03-13}
)");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:8:9: error:", "session 61 should meet in 2018"));
}

TEST(FactLoaderTest, SessionWordsAreOneLowerCaseWordEach) {
  const Loaded loaded = load(R"(entities:
  - id: council
    kind: recurring-session
    name: Council of Heads of State
    session-words: [meeting, Summit, two words]
)");
  EXPECT_TRUE(hasError(loaded, "facts.yaml:5:30: error:", "not 'Summit'"));
  EXPECT_TRUE(hasError(loaded, "facts.yaml:5:38: error:", "not 'two words'"));
  const Loaded empty = load(R"(entities:
  - id: council
    kind: recurring-session
    name: Council of Heads of State
    session-words: meeting
)");
  EXPECT_TRUE(hasError(empty, "facts.yaml:5:20: error:", "'session-words' must be a list"));
}

TEST(FactLoaderTest, SessionLookups) {
  const Loaded loaded = load(R"(entities:
  - id: cnd
    kind: session
    name: Commission on Narcotic Drugs
    numbering-base-year: 1957
    sessions:
      - {ordinal: 60, start: 2017-03-13, end: 2017-03-17}
)");
  ASSERT_TRUE(loaded.facts);
  const FactBase& facts = *loaded.facts;
  const auto listed = facts.sessionDates(0, 60);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->isoFirst(), "2017-03-13");
  EXPECT_EQ(listed->isoLast(), "2017-03-17");
  EXPECT_EQ(facts.sessionDates(0, 62), base::DateInterval::year(2019));
  EXPECT_EQ(facts.sessionOrdinalAt(0, base::DateInterval::month(2017, 3)), 60);
  EXPECT_EQ(facts.sessionOrdinalAt(0, base::DateInterval::day({2021, 4, 12})), 64);
}

TEST(FactLoaderTest, MissingFileIsAnEnvironmentError) {
  FactLoader loader;
  EXPECT_FALSE(loader.addFile("no/such/facts.yaml"));
  ASSERT_EQ(loader.errors().size(), 1U);
  EXPECT_EQ(loader.errors()[0].code(), base::ErrorCode::Environment);
}

TEST(FactLoaderTest, ShippedScoUnFactsLoadClean) {
  FactLoader loader;
  ASSERT_TRUE(loader.addFile(GALLEY_SOURCE_DIR "/rules/sco-un/facts.yaml"));
  const auto facts = loader.load();
  for (const auto& error : loader.errors()) ADD_FAILURE() << error.toString();
  ASSERT_TRUE(facts);
  const Entity& mou = facts->entity(*facts->find("mou-sco-unodc"));
  EXPECT_EQ(mou.date->value, base::DateInterval::day({2011, 6, 14}));
  EXPECT_EQ(mou.place->value.name, "Astana");
  const Entity& resolution = facts->entity(*facts->find("resolution-71-14"));
  ASSERT_FALSE(resolution.date->sources.empty());
  bool hasUrl = false;
  for (const auto source : resolution.date->sources) hasUrl = hasUrl || !facts->source(source).url.empty();
  EXPECT_TRUE(hasUrl);
  const auto office = *facts->find("unodc-executive-director");
  const auto holders2017 = facts->holdersAt(office, base::DateInterval::day({2017, 3, 14}));
  ASSERT_EQ(holders2017.size(), 1U);
  EXPECT_EQ(facts->entity(holders2017[0].first).id, "yury-fedotov");
  const auto holders2020 = facts->holdersAt(office, base::DateInterval::day({2020, 6, 1}));
  ASSERT_EQ(holders2020.size(), 1U);
  EXPECT_EQ(facts->entity(holders2020[0].first).id, "ghada-waly");
}

}  // namespace
}  // namespace galley::facts
