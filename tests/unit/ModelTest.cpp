// The per-document model (annotate/Annotations) read directly: the reference date and its origin,
// a clause's tense, a claim with the cue that tied it, a title's person, one scan per pack, and the
// lexicon (validated like a pack; a pack's lexicon.yaml adds words without C++).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "annotate/Annotations.h"
#include "checks/RuleSet.h"
#include "config/Lexicon.h"
#include "document/Parser.h"
#include "facts/FactLoader.h"
#include "facts/FactPack.h"

namespace galley::annotate {
namespace {

document::Document parse(const std::string& markdown) {
  return document::parseDocument(base::SourceBuffer("draft.md", markdown), document::Format::Markdown);
}

std::string sourceOf(const document::Document& document, base::Range range) {
  return std::string(document.source.slice(range));
}

TEST(ModelReferenceDate, FrontMatterThenDatelineThenNone) {
  const auto fromFrontMatter = parse("---\ndate: 2017-03-15\n---\n\nVIENNA, 14 March 2017 \xE2\x80\x94 Talks.\n");
  Annotations a(fromFrontMatter);
  EXPECT_EQ(a.reference().origin, ReferenceOrigin::FrontMatter);
  ASSERT_TRUE(a.reference().date);
  EXPECT_EQ(a.reference().date->day, 15U);
  ASSERT_TRUE(a.reference().source);
  EXPECT_EQ(sourceOf(fromFrontMatter, *a.reference().source), "2017-03-15");

  const auto fromDateline = parse("# Talks\n\nVIENNA, 14 March 2017 \xE2\x80\x94 The two offices met today.\n");
  Annotations b(fromDateline);
  EXPECT_EQ(b.reference().origin, ReferenceOrigin::Dateline);
  ASSERT_TRUE(b.reference().source);
  EXPECT_EQ(sourceOf(fromDateline, *b.reference().source), "14 March 2017");
  EXPECT_EQ(referenceOriginName(b.reference().origin), "dateline");
}

TEST(ModelReferenceDate, AStoryOpeningIsNoDateOfIssueForAnyCheck) {
  // "On 14 June 2011, ..." tells what happened then; it is not when the release was issued, so no
  // check (tense, title terms, session ordinals) may judge against it, and "last year" stays open.
  const auto story = parse("On 14 June 2011, the two secretariats signed a memorandum. Last year they met again.\n");
  Annotations model(story);
  EXPECT_EQ(model.reference().origin, ReferenceOrigin::None);
  EXPECT_FALSE(model.referenceDate());
  for (const auto& m : model.dates()) {
    if (m.date.kind == dates::DateKind::Deictic) {
      EXPECT_FALSE(m.date.resolved());
    }
  }
}

TEST(ModelClauses, EachDateTakesTheTenseOfItsOwnClause) {
  const auto doc = parse("VIENNA, 14 March 2017 \xE2\x80\x94 The board met on 13 March and will meet again on 8 June.\n");
  Annotations model(doc);
  const auto& found = model.dates();
  ASSERT_EQ(found.size(), 3U);
  EXPECT_EQ(model.tenseOf(1), Tense::Past);    // 13 March: "met"
  EXPECT_EQ(model.tenseOf(2), Tense::Future);  // 8 June: "will meet"
}

TEST(ModelClauses, ModalityHidesTheDirection) {
  const auto doc = parse("VIENNA, 14 March 2017 \xE2\x80\x94 The forum would convene on 2 March.\n");
  Annotations model(doc);
  ASSERT_EQ(model.dates().size(), 2U);
  EXPECT_EQ(model.tenseOf(1), Tense::Neutral);
}

// A date without its year lands on the side of the release's date its verb says: what happened on
// the latest such day before it, what is planned on the next one after it.
TEST(ModelDates, YearlessDatesArePlacedByTheirClausesTense) {
  const auto doc = parse(
      "---\ndate: 2017-03-14\n---\n\nThe board met on Monday. The envoys arrived on 20 December. "
      "The board will meet on Friday. The council will convene on 10 February.\n");
  Annotations model(doc);
  const auto& found = model.dates();
  ASSERT_EQ(found.size(), 4U);
  const auto day = [](int y, unsigned m, unsigned d) { return base::DateInterval::day({y, m, d}); };
  EXPECT_EQ(found[0].date.value, day(2017, 3, 13));   // met on Monday: the day before
  EXPECT_EQ(found[1].date.value, day(2016, 12, 20));  // arrived on 20 December: last year's
  EXPECT_EQ(found[2].date.value, day(2017, 3, 17));   // will meet on Friday: this week's
  EXPECT_EQ(found[3].date.value, day(2018, 2, 10));   // will convene on 10 February: next year's
}

class ModelFacts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    base::ErrorList errors;
    pack_ = facts::FactPack::loadShared(facts::FactPack::filesIn(GALLEY_SOURCE_DIR "/rules/sco-un"), errors);
  }
  static void TearDownTestSuite() { pack_.reset(); }
  void SetUp() override { ASSERT_TRUE(pack_) << "rules/sco-un did not load"; }
  static std::shared_ptr<const facts::FactPack> pack_;
};

std::shared_ptr<const facts::FactPack> ModelFacts::pack_;

TEST_F(ModelFacts, TheClaimCarriesItsValueAndCue) {
  const auto doc = parse("The SCO\xE2\x80\x93UNODC Memorandum was signed in Astana on 14 June 2011.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 2U);
  const auto& mentions = model.mentions(*pack_);
  for (const Claim& claim : claims) {
    EXPECT_EQ(pack_->facts().entity(mentions.mentions[claim.mention].entity).id, "mou-sco-unodc");
    EXPECT_EQ(claim.cue, "signed");
  }
  EXPECT_EQ(claims[0].kind, ClaimKind::Place);
  EXPECT_EQ(sourceOf(doc, claims[0].source), "Astana");
  EXPECT_EQ(claims[1].kind, ClaimKind::Date);
  EXPECT_EQ(sourceOf(doc, claims[1].source), "14 June 2011");
}

TEST_F(ModelFacts, ATitleIsPairedWithItsPerson) {
  const auto doc = parse("Rashid Alimov, the SCO Secretary-General, opened the forum.\n");
  Annotations model(doc);
  const auto& found = model.mentions(*pack_);
  ASSERT_EQ(found.titles.size(), 1U);
  ASSERT_TRUE(found.titles[0].person);
  EXPECT_EQ(pack_->facts().entity(found.mentions[*found.titles[0].person].entity).id, "rashid-alimov");
  EXPECT_EQ(found.titles[0].canonical, "Secretary-General");
}

TEST_F(ModelFacts, ATitleModifierIsKeptWithTheTitle) {
  const auto doc = parse("Former SCO Secretary-General Rashid Alimov spoke after the then Executive Director "
                         "Yury Fedotov and SCO Secretary-General Vladimir Norov.\n");
  Annotations model(doc);
  const auto& titles = model.mentions(*pack_).titles;
  ASSERT_EQ(titles.size(), 3U);
  EXPECT_EQ(titles[0].modifier, "former");
  EXPECT_EQ(titles[1].modifier, "then");
  EXPECT_EQ(titles[2].modifier, "");
}

TEST_F(ModelFacts, OneScanPerDocumentAndPack) {
  const auto doc = parse("Yury Fedotov met Rashid Alimov.\n");
  Annotations model(doc);
  const MentionSet* first = &model.mentions(*pack_);
  EXPECT_EQ(first, &model.mentions(*pack_));
  EXPECT_EQ(&model.claims(*pack_), &model.claims(*pack_));
  // Another pack over the same base is another key: its own set, not the first pack's.
  const facts::FactPack other(facts::FactBase(pack_->facts()));
  EXPECT_NE(first, &model.mentions(other));
  EXPECT_EQ(model.mentions(other).mentions.size(), first->mentions.size());
}

TEST(ModelLexicon, TheBundledLexiconIsValid) {
  config::Lexicon lexicon;
  base::ErrorList errors;
  EXPECT_TRUE(lexicon.add("rules/lexicon.yaml", config::standardLexiconText(), errors));
  for (const auto& error : errors) ADD_FAILURE() << error.toString();
  EXPECT_TRUE(lexicon.contains(config::WordList::EventVerbs, "signed"));
  EXPECT_TRUE(lexicon.contains(config::WordList::TitleModifiers, "acting"));
  EXPECT_FALSE(lexicon.contains(config::WordList::EventVerbs, "initialled"));
}

TEST(ModelLexicon, ErrorsAreLocatedWithSuggestions) {
  config::Lexicon lexicon;
  base::ErrorList errors;
  EXPECT_FALSE(lexicon.add("lexicon.yaml", "claims:\n  event-verb: [inked]\ntense:\n  past: [Met, two words]\n"
                                           "titels:\n  modifiers: [former]\n", errors));
  ASSERT_EQ(errors.size(), 4U);
  EXPECT_EQ(errors[0].toString(),
            "lexicon.yaml:2:3: error: unknown word list 'event-verb' (did you mean 'event-verbs'?) in 'claims'");
  EXPECT_NE(errors[1].toString().find("lexicon.yaml:4:10: error: a lexicon word is one lower-case word"),
            std::string::npos) << errors[1].toString();
  EXPECT_NE(errors[2].toString().find("lexicon.yaml:4:15:"), std::string::npos) << errors[2].toString();
  EXPECT_EQ(errors[3].toString(), "lexicon.yaml:5:1: error: unknown lexicon section 'titels' (did you mean 'titles'?)");
}

// A pack that writes "initialled" for its memoranda teaches Galley the verb in YAML alone.
TEST(ModelLexicon, APackAddsAVerbWithoutCpp) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "galley-model-lexicon-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(GALLEY_SOURCE_DIR "/rules/sco-un/facts.yaml", dir / "facts.yaml");
  const std::string text = "The SCO\xE2\x80\x93UNODC Memorandum was initialled in Astana on 14 June 2011.\n";
  const auto doc = parse(text);
  base::ErrorList errors;
  const auto plain = facts::FactPack::load({(dir / "facts.yaml").string()}, errors);
  ASSERT_TRUE(plain);
  {
    std::ofstream(dir / "lexicon.yaml") << "claims:\n  event-verbs: [initialled]\n";
  }
  const auto taught = facts::FactPack::load({(dir / "facts.yaml").string()}, errors);
  ASSERT_TRUE(taught);
  EXPECT_TRUE(errors.empty());
  Annotations model(doc);
  EXPECT_TRUE(model.claims(*plain).empty());
  ASSERT_EQ(model.claims(*taught).size(), 2U);
  EXPECT_EQ(model.claims(*taught)[0].cue, "initialled");
  // A bad pack lexicon is a located load error of the pack.
  {
    std::ofstream(dir / "lexicon.yaml") << "claims:\n  event-verbz: [initialled]\n";
  }
  base::ErrorList bad;
  EXPECT_FALSE(facts::FactPack::load({(dir / "facts.yaml").string()}, bad));
  ASSERT_EQ(bad.size(), 1U);
  EXPECT_NE(bad[0].toString().find("lexicon.yaml:2:3: error: unknown word list 'event-verbz'"), std::string::npos)
      << bad[0].toString();
  std::filesystem::remove_all(dir);
}

// A fact base with a typo in a place id: one located error, whether two rules read the pack or none.
TEST(FactBaseHygiene, EachErrorOnceAndValidatedWithoutFactRules) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "galley-model-hygiene-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "p");
  {
    std::ofstream(dir / "p" / "facts.yaml") << "entities:\n  - {id: astana, kind: place, name: Astana}\n"
                                               "  - {id: mou, kind: agreement, name: The Memorandum, place: astna}\n";
    std::ofstream(dir / "p" / "rules.yaml") << "rules:\n  - {id: a, kind: fact, message: m}\n"
                                               "  - {id: b, kind: title, message: m}\n";
  }
  auto twoRules = checks::RuleSet::load({(dir / "p").string()});
  ASSERT_EQ(twoRules.errors.size(), 1U);
  EXPECT_NE(twoRules.errors[0].toString().find("facts.yaml:3:61: error: unknown entity 'astna'; did you mean 'astana'?"),
            std::string::npos) << twoRules.errors[0].toString();
  {
    std::ofstream(dir / "p" / "rules.yaml") << "rules:\n  - {id: c, kind: existence, message: m, tokens: [x]}\n";
  }
  auto noFactRule = checks::RuleSet::load({(dir / "p").string()});
  ASSERT_EQ(noFactRule.errors.size(), 1U);
  EXPECT_NE(noFactRule.errors[0].toString().find("unknown entity 'astna'"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace galley::annotate
