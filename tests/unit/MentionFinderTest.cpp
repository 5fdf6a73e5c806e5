// Mention finding and person-title pairing against the shipped sco-un fact base.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "document/Parser.h"
#include "facts/FactLoader.h"
#include "annotate/MentionFinder.h"
#include "facts/FactPack.h"
#include "facts/NameMatcher.h"

namespace galley::facts {
namespace {

using annotate::MentionFinder;
using annotate::MentionSet;
using annotate::TitleMention;

class MentionFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    FactLoader loader;
    if (!loader.addFile(GALLEY_SOURCE_DIR "/rules/sco-un/facts.yaml")) return;
    auto loaded = loader.load();
    if (!loaded) return;
    pack_ = std::make_unique<FactPack>(std::move(*loaded));
    facts_ = &pack_->facts();
    finder_ = std::make_unique<MentionFinder>(*pack_);
  }
  void SetUp() override { ASSERT_TRUE(finder_) << "rules/sco-un/facts.yaml did not load"; }

  struct Found {
    std::unique_ptr<document::Document> document;
    MentionSet set;
    // The source text of mention i, and its entity's id.
    [[nodiscard]] std::string text(size_t i) const {
      return std::string(document->source.slice(set.mentions.at(i).source));
    }
    [[nodiscard]] std::string id(size_t i) const { return facts_->entity(set.mentions.at(i).entity).id; }
  };

  static Found find(const std::string& markdown) {
    Found found;
    found.document = std::make_unique<document::Document>(
        document::parseDocument(base::SourceBuffer("draft.md", markdown), document::Format::Markdown));
    found.set = finder_->find(*found.document);
    return found;
  }
  static std::string id(EntityIndex index) { return facts_->entity(index).id; }

  static std::unique_ptr<FactPack> pack_;
  static const FactBase* facts_;
  static std::unique_ptr<MentionFinder> finder_;
};

std::unique_ptr<FactPack> MentionFinderTest::pack_;
const FactBase* MentionFinderTest::facts_ = nullptr;
std::unique_ptr<MentionFinder> MentionFinderTest::finder_;

TEST(NameMatcherTest, NormalisesCaseDashesAndSpaces) {
  EXPECT_EQ(normalizeName("SCO\xE2\x80\x93UNODC"), "sco unodc");
  EXPECT_EQ(normalizeName("SCO-UNODC"), "sco unodc");
  EXPECT_EQ(normalizeName("  Secretary \xC2\xA0 General "), "secretary general");
  EXPECT_EQ(normalizeName("UNODC\xE2\x80\x99s"), "unodc's");
  EXPECT_TRUE(isAcronym("UNODC"));
  EXPECT_FALSE(isAcronym("MoU"));
  EXPECT_FALSE(isAcronym("A"));
}

TEST(NameMatcherTest, FindsOverlappingThenSelectsLongest) {
  NameMatcher matcher;
  const auto un = matcher.add("United Nations");
  const auto unodc = matcher.add("United Nations Office on Drugs and Crime");
  const auto office = matcher.add("Office");
  matcher.build();
  const std::string text = "The United Nations Office on Drugs and Crime office.";
  const auto all = matcher.findAll(text);
  EXPECT_EQ(all.size(), 4U);  // United Nations, Office (inside), the full name, office
  const auto kept = NameMatcher::selectLongest(all);
  ASSERT_EQ(kept.size(), 2U);
  EXPECT_EQ(kept[0].pattern, unodc);
  EXPECT_EQ(text.substr(kept[0].range.begin, kept[0].range.size()), "United Nations Office on Drugs and Crime");
  EXPECT_EQ(kept[1].pattern, office);
  EXPECT_NE(kept[0].pattern, un);
}

// The transition table is kept in 16 bits while node numbers fit and in 32 past 65,536 nodes: a
// fact base of 8,000 made-up names of ten letters (about 80,000 nodes) finds the same names as a
// small one, the last-added and the deepest included.
TEST(NameMatcherTest, FindsNamesPastSixtyFiveThousandNodes) {
  const auto nameOf = [](size_t i) {
    std::string name = "Name";
    for (size_t k = 0; k < 6; ++k, i /= 26) name += static_cast<char>('a' + i % 26);
    return name + " Office";
  };
  const std::string text = "Met the " + nameOf(7999) + " and the " + nameOf(3) + ", not Namezz.";
  for (const size_t count : {size_t{8}, size_t{8000}}) {
    NameMatcher matcher;
    std::vector<NameMatcher::PatternId> ids;
    for (size_t i = 0; i < count; ++i) ids.push_back(matcher.add(nameOf(count == 8 ? (i == 7 ? 7999 : i) : i)));
    matcher.build();
    const auto kept = NameMatcher::selectLongest(matcher.findAll(text));
    ASSERT_EQ(kept.size(), 2U) << count << " names";
    EXPECT_EQ(kept[0].pattern, ids.back());
    EXPECT_EQ(text.substr(kept[0].range.begin, kept[0].range.size()), nameOf(7999));
    EXPECT_EQ(kept[1].pattern, ids[3]);
  }
}

TEST(NameMatcherTest, LongerMatchBeatsAnEarlierStart) {
  NameMatcher matcher;
  const auto shortName = matcher.add("the Memorandum");
  const auto longName = matcher.add("Memorandum of Understanding between the Parties");
  matcher.build();
  const std::string text = "Recall the Memorandum of Understanding between the parties, and the memorandum.";
  const auto kept = NameMatcher::selectLongest(matcher.findAll(text));
  ASSERT_EQ(kept.size(), 2U);
  EXPECT_EQ(kept[0].pattern, longName);
  EXPECT_EQ(kept[0].range.begin, text.find("Memorandum"));
  EXPECT_EQ(kept[1].pattern, shortName);
  EXPECT_EQ(kept[1].range.begin, text.rfind("the memorandum"));
}

TEST_F(MentionFinderTest, CanonicalNamesAndAliases) {
  const Found found = find("The UNODC, or United Nations Office on Drugs and Crime, met the SCO.\n");
  ASSERT_EQ(found.set.mentions.size(), 3U);
  EXPECT_EQ(found.id(0), "unodc");
  EXPECT_EQ(found.text(0), "UNODC");
  EXPECT_EQ(found.id(1), "unodc");
  EXPECT_EQ(found.text(1), "United Nations Office on Drugs and Crime");  // longest, not "United Nations"
  EXPECT_EQ(found.id(2), "sco");
}

TEST_F(MentionFinderTest, PossessivesMatchTheName) {
  const Found found = find("UNODC's mandate and the SCO\xE2\x80\x99s priorities.\n");
  ASSERT_EQ(found.set.mentions.size(), 2U);
  EXPECT_EQ(found.text(0), "UNODC");
  EXPECT_TRUE(found.set.mentions[0].possessive);
  EXPECT_EQ(found.text(1), "SCO");
  EXPECT_TRUE(found.set.mentions[1].possessive);
}

TEST_F(MentionFinderTest, DashVariantsAndCase) {
  const Found found = find("The SCO-UNODC MoU, the sco\xE2\x80\x93unodc mou and the SCO \xE2\x80\x94 UNODC Memorandum.\n");
  ASSERT_EQ(found.set.mentions.size(), 3U);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(found.id(i), "mou-sco-unodc") << found.text(i);
  EXPECT_EQ(found.text(0), "SCO-UNODC MoU");
}

TEST_F(MentionFinderTest, AcronymsNeedCapitals) {
  const Found found = find("Un accord was reached; the un-named UN body agreed.\n");
  ASSERT_EQ(found.set.mentions.size(), 1U);
  EXPECT_EQ(found.text(0), "UN");
  EXPECT_EQ(found.id(0), "un");
}

TEST_F(MentionFinderTest, NoPartialWordHits) {
  const Found found = find("UNODCs, SCOPE, Alimovich and Viennas are not names here.\n");
  EXPECT_TRUE(found.set.mentions.empty());
}

TEST_F(MentionFinderTest, AcrossInlineMarkupAndLineBreaks) {
  const std::string text = "We met **Rashid** Alimov and *Yury\nFedotov* in [Vienna](https://example.org).\n";
  const Found found = find(text);
  ASSERT_EQ(found.set.mentions.size(), 3U);
  EXPECT_EQ(found.id(0), "rashid-alimov");
  EXPECT_EQ(found.text(0), "Rashid** Alimov");  // the source range spans the markup
  EXPECT_EQ(found.id(1), "yury-fedotov");
  EXPECT_EQ(found.text(1), "Yury\nFedotov");
  EXPECT_EQ(found.id(2), "vienna");
  EXPECT_EQ(found.set.mentions[2].source.begin, text.find("Vienna"));
}

TEST_F(MentionFinderTest, TitleBeforePersonWithOrganisation) {
  const Found found = find("SCO Secretary-General Rashid Alimov arrived.\n");
  ASSERT_EQ(found.set.titles.size(), 1U);
  const TitleMention& title = found.set.titles[0];
  ASSERT_EQ(title.offices.size(), 1U);
  EXPECT_EQ(id(title.offices[0]), "sco-secretary-general");
  ASSERT_TRUE(title.organisation);
  EXPECT_EQ(id(*title.organisation), "sco");
  EXPECT_EQ(found.document->source.slice(title.source), "SCO Secretary-General");
  ASSERT_TRUE(title.person);
  EXPECT_EQ(found.id(*title.person), "rashid-alimov");
}

TEST_F(MentionFinderTest, PersonThenTitleInApposition) {
  const Found found = find("Rashid Alimov, SCO Secretary-General, spoke. Vladimir Norov, Secretary-General of the SCO, listened.\n");
  ASSERT_EQ(found.set.titles.size(), 2U);
  ASSERT_TRUE(found.set.titles[0].person);
  EXPECT_EQ(found.id(*found.set.titles[0].person), "rashid-alimov");
  ASSERT_TRUE(found.set.titles[1].person);
  EXPECT_EQ(found.id(*found.set.titles[1].person), "vladimir-norov");
  ASSERT_TRUE(found.set.titles[1].organisation);
  EXPECT_EQ(id(*found.set.titles[1].organisation), "sco");
  EXPECT_EQ(found.document->source.slice(found.set.titles[1].source), "Secretary-General of the SCO");
}

TEST_F(MentionFinderTest, BareTitleWithSurnameKeepsEveryCandidateOffice) {
  const Found found = find("Secretary-General Alimov thanked the hosts.\n");
  ASSERT_EQ(found.set.titles.size(), 1U);
  const TitleMention& title = found.set.titles[0];
  EXPECT_FALSE(title.organisation);
  EXPECT_EQ(title.offices.size(), 2U);  // the SCO's and the UN's Secretary-General
  ASSERT_TRUE(title.person);
  EXPECT_EQ(found.id(*title.person), "rashid-alimov");
}

TEST_F(MentionFinderTest, ChainedTitlesShareThePerson) {
  const Found found = find("UN Under-Secretary-General and UNODC Executive Director Yury Fedotov opened it.\n");
  ASSERT_EQ(found.set.titles.size(), 2U);
  EXPECT_EQ(id(found.set.titles[0].offices.at(0)), "un-under-secretary-general");
  EXPECT_EQ(id(found.set.titles[1].offices.at(0)), "unodc-executive-director");
  for (const auto& title : found.set.titles) {
    ASSERT_TRUE(title.person);
    EXPECT_EQ(found.id(*title.person), "yury-fedotov");
  }
}

TEST_F(MentionFinderTest, NonCanonicalTitleFormIsFoundWithItsCanonicalForm) {
  const Found found = find("UN Under-Secretary General Fedotov said so.\n");
  ASSERT_EQ(found.set.titles.size(), 1U);
  const TitleMention& title = found.set.titles[0];
  EXPECT_EQ(title.canonical, "Under-Secretary-General");
  EXPECT_EQ(found.document->source.slice(found.document->blocks[0].prose.toSource(title.titleProse)),
            "Under-Secretary General");
  ASSERT_TRUE(title.person);
  EXPECT_EQ(found.id(*title.person), "yury-fedotov");
}

TEST_F(MentionFinderTest, WrongOrganisationAndUnpairedTitles) {
  const Found found = find("The UNODC Secretary-General and the SCO Secretary-General said nothing.\n");
  ASSERT_EQ(found.set.titles.size(), 2U);
  EXPECT_FALSE(found.set.titles[0].organisationMatches);
  EXPECT_TRUE(found.set.titles[1].organisationMatches);
  EXPECT_FALSE(found.set.titles[0].person);
  EXPECT_FALSE(found.set.titles[1].person);
}

TEST_F(MentionFinderTest, TitleFollowedByItsOwnHolderIsNotPairedBackwards) {
  // An attendance list: the second title belongs to the name after it, unknown to the fact base.
  const Found found = find("Yury Fedotov, Executive Director Ann Smith and Rashid Alimov, SCO Secretary-General, met.\n");
  ASSERT_EQ(found.set.titles.size(), 2U);
  EXPECT_FALSE(found.set.titles[0].person);
  ASSERT_TRUE(found.set.titles[1].person);
  EXPECT_EQ(found.id(*found.set.titles[1].person), "rashid-alimov");
}

TEST_F(MentionFinderTest, TitleOfAnotherOfficeIsStillPaired) {
  const Found found = find("Executive Director Rashid Alimov spoke.\n");
  ASSERT_EQ(found.set.titles.size(), 1U);
  EXPECT_EQ(id(found.set.titles[0].offices.at(0)), "unodc-executive-director");
  ASSERT_TRUE(found.set.titles[0].person);
  EXPECT_EQ(found.id(*found.set.titles[0].person), "rashid-alimov");
}

}  // namespace
}  // namespace galley::facts

namespace galley::facts {
namespace {

// A short name followed by the rest of another instrument's title names that other instrument.
TEST_F(MentionFinderTest, ShortNameRunningIntoALongerTitleIsNotAMention) {
  for (const char* other : {"Recalling the Memorandum of Cooperation between the customs services, the parties met.",
                            "They cited the Memorandum between the two academies, signed in Riga.",
                            "The Memorandum on Maritime Security was discussed."}) {
    const Found found = find(other);
    for (size_t i = 0; i < found.set.mentions.size(); ++i) EXPECT_NE(found.id(i), "mou-sco-unodc") << other;
  }
  for (const char* same : {"The Memorandum on 14 June 2011 opened the way.",
                           "The Memorandum of Understanding, signed in Astana, was recalled."}) {
    const Found found = find(same);
    bool seen = false;
    for (size_t i = 0; i < found.set.mentions.size(); ++i) seen = seen || found.id(i) == "mou-sco-unodc";
    EXPECT_TRUE(seen) << same;
  }
}

}  // namespace
}  // namespace galley::facts
