// Claim extraction: the dates, places, founding years, "since" years and ordinals a draft states
// about the entities it mentions; and the built-in date matcher it reads dates through.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "document/Parser.h"
#include "annotate/ClaimExtractor.h"
#include "facts/FactLoader.h"
#include "annotate/MentionFinder.h"
#include "annotate/SimpleDateFinder.h"
#include "facts/FactPack.h"

namespace galley::facts {
namespace {

using annotate::Claim;
using annotate::ClaimExtractor;
using annotate::ClaimKind;
using annotate::MentionFinder;
using annotate::MentionSet;
using annotate::SimpleDateFinder;

TEST(SimpleDateFinderTest, FormsAndPrecisions) {
  const SimpleDateFinder finder;
  const std::string text =
      "On 14 June 2011, in June 2011, on June 14, 2011, during 13\xE2\x80\x93" "17 March 2017, in 1997; "
      "not E/CN.7/2017/11, not 31 June 2011.";
  const auto found = finder.find(text);
  ASSERT_EQ(found.size(), 5U);
  EXPECT_EQ(text.substr(found[0].range.begin, found[0].range.size()), "14 June 2011");
  EXPECT_EQ(found[0].value, base::DateInterval::day({2011, 6, 14}));
  EXPECT_EQ(found[1].value, base::DateInterval::month(2011, 6));
  EXPECT_EQ(found[2].value, base::DateInterval::day({2011, 6, 14}));
  EXPECT_EQ(found[3].value.isoFirst(), "2017-03-13");
  EXPECT_EQ(found[3].value.isoLast(), "2017-03-17");
  EXPECT_EQ(found[4].value, base::DateInterval::year(1997));
}

class FactClaimExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    FactLoader loader;
    if (!loader.addFile(GALLEY_SOURCE_DIR "/rules/sco-un/facts.yaml")) return;
    auto loaded = loader.load();
    if (!loaded) return;
    pack_ = std::make_unique<FactPack>(std::move(*loaded));
    facts_ = &pack_->facts();
    finder_ = std::make_unique<MentionFinder>(*pack_);
    dates_ = std::make_unique<SimpleDateFinder>();
    extractor_ = std::make_unique<ClaimExtractor>(*facts_, *dates_);
  }
  void SetUp() override { ASSERT_TRUE(extractor_) << "rules/sco-un/facts.yaml did not load"; }

  struct Result {
    std::unique_ptr<document::Document> document;
    MentionSet mentions;
    std::vector<Claim> claims;

    // "kind entity-id = value-as-written" for each claim, to compare in one assertion.
    [[nodiscard]] std::vector<std::string> summary() const {
      std::vector<std::string> out;
      for (const auto& claim : claims) {
        std::string line = std::string(claimKindName(claim.kind)) + " " +
                           facts_->entity(mentions.mentions[claim.mention].entity).id + " = " +
                           std::string(document->source.slice(claim.source));
        if (claim.kind == ClaimKind::Place) line += claim.place && claim.place->entity ? " (known)" : " (free)";
        out.push_back(line);
      }
      return out;
    }
  };

  static Result extract(const std::string& markdown) {
    Result result;
    result.document = std::make_unique<document::Document>(
        document::parseDocument(base::SourceBuffer("draft.md", markdown), document::Format::Markdown));
    result.mentions = finder_->find(*result.document);
    result.claims = extractor_->extract(*result.document, result.mentions);
    return result;
  }

  static std::unique_ptr<FactPack> pack_;
  static const FactBase* facts_;
  static std::unique_ptr<MentionFinder> finder_;
  static std::unique_ptr<SimpleDateFinder> dates_;
  static std::unique_ptr<ClaimExtractor> extractor_;
};

std::unique_ptr<FactPack> FactClaimExtractorTest::pack_;
const FactBase* FactClaimExtractorTest::facts_ = nullptr;
std::unique_ptr<MentionFinder> FactClaimExtractorTest::finder_;
std::unique_ptr<SimpleDateFinder> FactClaimExtractorTest::dates_;
std::unique_ptr<ClaimExtractor> FactClaimExtractorTest::extractor_;

using Lines = std::vector<std::string>;

TEST_F(FactClaimExtractorTest, ParentheticalsGivePlaceAndDatePerMention) {
  const Result r = extract(
      "Cooperation rests on the Joint Declaration (Tashkent, 5 May 2010) and the Memorandum of Understanding "
      "between the SCO Secretariat and the UNODC (Astana, 14 June 2011).\n");
  EXPECT_EQ(r.summary(), (Lines{"place un-sco-joint-declaration = Tashkent (known)",
                                "date un-sco-joint-declaration = 5 May 2010",
                                "place mou-sco-unodc = Astana (known)", "date mou-sco-unodc = 14 June 2011"}));
  EXPECT_EQ(r.claims[1].date, base::DateInterval::day({2010, 5, 5}));
}

TEST_F(FactClaimExtractorTest, UnknownPlaceInParentheticalIsAFreeName) {
  const Result r = extract("They recalled the Joint Declaration (Samarkand, April 2010).\n");
  EXPECT_EQ(r.summary(), (Lines{"place un-sco-joint-declaration = Samarkand (free)",
                                "date un-sco-joint-declaration = April 2010"}));
}

TEST_F(FactClaimExtractorTest, VerbCuesTiePlacesAndDates) {
  const Result r = extract(
      "The SCO\xE2\x80\x93UNODC Memorandum was concluded in Bishkek.\n\n"
      "In May 2011, as both sides recall, the Memorandum was signed.\n\n"
      "The Memorandum was signed in Astana on 14 June 2011 by both heads.\n");
  EXPECT_EQ(r.summary(), (Lines{"place mou-sco-unodc = Bishkek (known)", "date mou-sco-unodc = May 2011",
                                "place mou-sco-unodc = Astana (known)", "date mou-sco-unodc = 14 June 2011"}));
  EXPECT_EQ(r.claims[1].cue, "signed");
  EXPECT_EQ(r.claims[1].date->precision, base::Precision::Month);
}

TEST_F(FactClaimExtractorTest, FoundingYearsBeforeOrAfterTheName) {
  const Result r = extract(
      "Established in 1997, the Vienna-based United Nations Office on Drugs and Crime works worldwide.\n\n"
      "The SCO welcomed the UNODC, created in 1995, as a partner.\n");
  EXPECT_EQ(r.summary(), (Lines{"founded unodc = 1997", "founded unodc = 1995"}));
}

TEST_F(FactClaimExtractorTest, SinceAndSessionOrdinals) {
  const Result r = extract(
      "SCO\xE2\x80\x93UN relations have grown since 2004.\n\n"
      "He attended the 59th session of the Commission on Narcotic Drugs and the CND's 60th session.\n");
  EXPECT_EQ(r.summary(), (Lines{"since sco-un-relations = 2004", "ordinal cnd = 59th", "ordinal cnd = 60th"}));
  EXPECT_EQ(r.claims[1].ordinal, 59);
  EXPECT_EQ(r.claims[2].ordinal, 60);
}

// A year right before a content word is that thing's year ("the 2016 drug meeting"), not the
// session's: a published headline read this way claimed the 58th session met in 2016.
TEST_F(FactClaimExtractorTest, AYearThatQualifiesANounDoesNotDateTheSession) {
  const Result r = extract(
      "The Commission on Narcotic Drugs opens its 58th session with an eye on the 2016 drug meeting.\n\n"
      "The CND met for its 59th session in 2016 in Vienna.\n\n"
      "The 60th session of the Commission on Narcotic Drugs met in 2017.\n");
  ASSERT_EQ(r.summary(), (Lines{"ordinal cnd = 58th", "ordinal cnd = 59th", "ordinal cnd = 60th"}));
  EXPECT_FALSE(r.claims[0].judgedAt);
  EXPECT_FALSE(r.claims[0].dateUncertain);
  ASSERT_TRUE(r.claims[1].judgedAt);
  EXPECT_EQ(*r.claims[1].judgedAt, base::DateInterval::year(2016));
  ASSERT_TRUE(r.claims[2].judgedAt);
  EXPECT_EQ(*r.claims[2].judgedAt, base::DateInterval::year(2017));
}

// A series reads an ordinal before its own session-words only: the council's sessions are
// meetings, while the commission's meetings are parts of a session ("the 5th meeting of the
// commission" claims no ordinal). "The first meeting ... since the enlargement" describes: no claim.
TEST(SessionWordsTest, EachSeriesOrdinalIsReadWithItsOwnSessionWords) {
  FactLoader loader;
  loader.addText("facts.yaml", R"(entities:
  - id: council
    kind: recurring-session
    name: Council of Heads of State
    session-words: [meeting, session]
    numbering-base-year: 2000
  - id: commission
    kind: recurring-session
    name: Commission on Narcotic Drugs
    numbering-base-year: 1957
)");
  auto loaded = loader.load();
  ASSERT_TRUE(loaded);
  const FactPack pack(std::move(*loaded));
  const MentionFinder finder(pack);
  const SimpleDateFinder dates;
  const ClaimExtractor extractor(pack.facts(), dates);
  const auto document = document::parseDocument(
      base::SourceBuffer("draft.md",
                         "Leaders came to the 17th meeting of the Council of Heads of State.\n\n"
                         "The Council of Heads of State held its 18th session.\n\n"
                         "Delegates attended the 5th meeting of the Commission on Narcotic Drugs and its 60th session.\n\n"
                         "It was the first meeting of the Council of Heads of State since the enlargement.\n"),
      document::Format::Markdown);
  const MentionSet mentions = finder.find(document);
  std::vector<std::string> found;
  for (const Claim& claim : extractor.extract(document, mentions)) {
    if (claim.kind != ClaimKind::Ordinal) continue;
    found.push_back(pack.facts().entity(mentions.mentions[claim.mention].entity).id + " " +
                    std::to_string(claim.ordinal));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"council 17", "council 18", "commission 60"}));
}

TEST_F(FactClaimExtractorTest, OrdinalsLongerThanAnyRecordAreNoClaim) {
  // Twenty digits overflowed the ordinal's int (undefined behaviour, fatal under UBSan).
  const Result r = extract(
      "He attended the 99999999999999999999th session of the Commission on Narcotic Drugs.\n\n"
      "The CND met for its 1000001st session.\n");
  EXPECT_TRUE(r.claims.empty()) << r.summary().front();
}

TEST_F(FactClaimExtractorTest, NoCueNoClaim) {
  const Result r = extract(
      "In 2011 the SCO and the UNODC spoke about the Memorandum of Understanding.\n\n"
      "Rashid Alimov (Tajikistan) met Yury Fedotov in Vienna on 14 March 2017.\n");
  EXPECT_TRUE(r.claims.empty()) << r.summary().front();
}

TEST_F(FactClaimExtractorTest, ClaimsMapThroughMarkup) {
  const std::string text = "The Memorandum was signed in **Astana** on *14 June 2011*.\n";
  const Result r = extract(text);
  ASSERT_EQ(r.claims.size(), 2U);
  EXPECT_EQ(r.claims[0].source.begin, text.find("Astana"));
  EXPECT_EQ(r.claims[1].source.begin, text.find("14 June"));
}

}  // namespace
}  // namespace galley::facts
