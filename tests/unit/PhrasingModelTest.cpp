// The model (annotate/Annotations) on the forms published releases use, read at the model level:
// the claim a phrasing yields (entity, kind, value, cue), the date a title is judged at, the
// resolved date and the reference date. fixtures/phrasing/ holds the same forms as drafts.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "annotate/Annotations.h"
#include "document/Parser.h"
#include "facts/FactPack.h"

namespace galley::annotate {
namespace {

document::Document parse(const std::string& markdown) {
  return document::parseDocument(base::SourceBuffer("draft.md", markdown), document::Format::Markdown);
}

std::string sourceOf(const document::Document& document, base::Range range) {
  return std::string(document.source.slice(range));
}

base::DateInterval dayOf(int year, unsigned month, unsigned day) {
  return base::DateInterval::day(base::CivilDate{year, month, day});
}

class Phrasing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    base::ErrorList errors;
    pack_ = facts::FactPack::loadShared(facts::FactPack::filesIn(GALLEY_SOURCE_DIR "/rules/sco-un"), errors);
  }
  static void TearDownTestSuite() { pack_.reset(); }
  void SetUp() override { ASSERT_TRUE(pack_) << "rules/sco-un did not load"; }

  // The id of the entity a claim is about.
  static std::string aboutOf(Annotations& model, const Claim& claim) {
    return pack_->facts().entity(model.mentions(*pack_).mentions[claim.mention].entity).id;
  }
  // The id of the person a title is paired with, or "" when none.
  static std::string personOf(const MentionSet& found, const TitleMention& title) {
    return title.person ? pack_->facts().entity(found.mentions[*title.person].entity).id : "";
  }

  static std::shared_ptr<const facts::FactPack> pack_;
};

std::shared_ptr<const facts::FactPack> Phrasing::pack_;

// --- titles ------------------------------------------------------------------------------------

TEST_F(Phrasing, ATitleBeforeTheNameSetOffByCommasNamesThatPerson) {
  const auto doc = parse("The Executive Director of UNODC, Yury Fedotov, opened the session.\n");
  Annotations model(doc);
  const auto& found = model.mentions(*pack_);
  ASSERT_EQ(found.titles.size(), 1U);
  EXPECT_EQ(personOf(found, found.titles[0]), "yury-fedotov");
  ASSERT_TRUE(found.titles[0].organisation);
  EXPECT_EQ(pack_->facts().entity(*found.titles[0].organisation).id, "unodc");
  EXPECT_EQ(sourceOf(doc, found.titles[0].source), "Executive Director of UNODC");
}

TEST_F(Phrasing, AnInvertedTitleAfterSaidNamesThePersonBeforeIt) {
  const auto doc = parse("\"We share an agenda,\" said Rashid Alimov, the SCO Secretary-General.\n");
  Annotations model(doc);
  const auto& found = model.mentions(*pack_);
  ASSERT_EQ(found.titles.size(), 1U);
  EXPECT_EQ(personOf(found, found.titles[0]), "rashid-alimov");
}

TEST_F(Phrasing, ATitleWithoutTheBeforeItIsNotPairedWithTheNextName) {
  // A list of offices and names ("Executive Director of UNODC, Yury Fedotov, Ghada Waly and ...")
  // says nothing certain about who holds which title.
  const auto doc = parse("Speakers: Executive Director of UNODC, Yury Fedotov and Rashid Alimov.\n");
  Annotations model(doc);
  const auto& found = model.mentions(*pack_);
  ASSERT_EQ(found.titles.size(), 1U);
  EXPECT_EQ(personOf(found, found.titles[0]), "");
}

TEST_F(Phrasing, ASentenceOpeningWithADateJudgesItsTitlesThen) {
  const auto doc = parse("---\ndate: 2017-03-14\n---\n\nIn May 2013, SCO Secretary-General Dmitry Mezentsev visited.\n");
  Annotations model(doc);
  const auto& titles = model.mentions(*pack_).titles;
  ASSERT_EQ(titles.size(), 1U);
  ASSERT_TRUE(titles[0].judgedAt);
  EXPECT_EQ(*titles[0].judgedAt, base::DateInterval::month(2013, 5));
  EXPECT_FALSE(titles[0].dateUncertain);

  const auto onDay = parse("On 14 June 2011, UNODC Executive Director Yury Fedotov signed in Astana.\n");
  Annotations dayModel(onDay);
  const auto& dayTitles = dayModel.mentions(*pack_).titles;
  ASSERT_EQ(dayTitles.size(), 1U);
  ASSERT_TRUE(dayTitles[0].judgedAt);
  EXPECT_EQ(*dayTitles[0].judgedAt, dayOf(2011, 6, 14));
}

TEST_F(Phrasing, ADateElsewhereInTheSentenceLeavesTheTitlesDateUnknown) {
  const auto doc = parse("---\ndate: 2021-03-30\n---\n\n"
                         "UNODC Executive Director Yury Fedotov signed the text on 14 June 2011.\n\n"
                         "UNODC Executive Director Ghada Waly spoke.\n\n"
                         "UNODC Executive Director Ghada Waly spoke in Vienna on 30 March 2021.\n");
  Annotations model(doc);
  const auto& titles = model.mentions(*pack_).titles;
  ASSERT_EQ(titles.size(), 3U);
  EXPECT_FALSE(titles[2].dateUncertain);  // the day of issue itself moves nothing
  EXPECT_FALSE(titles[0].judgedAt);
  EXPECT_TRUE(titles[0].dateUncertain);   // 2011 or the day of issue: not judged
  EXPECT_FALSE(titles[1].judgedAt);
  EXPECT_FALSE(titles[1].dateUncertain);  // judged at the reference date
}

TEST_F(Phrasing, TimeShiftingWordsAreKeptWithTheirTitle) {
  const auto doc = parse("Outgoing SCO Secretary-General Dmitry Mezentsev met incoming UNODC Executive Director "
                         "Ghada Waly and the late Secretary-General of the SCO, Muratbek Imanaliev.\n");
  Annotations model(doc);
  const auto& found = model.mentions(*pack_);
  ASSERT_EQ(found.titles.size(), 3U);
  EXPECT_EQ(found.titles[0].modifier, "outgoing");
  EXPECT_EQ(found.titles[1].modifier, "incoming");
  EXPECT_EQ(found.titles[2].modifier, "late");
  EXPECT_EQ(personOf(found, found.titles[2]), "muratbek-imanaliev");
}

// --- claims ------------------------------------------------------------------------------------

TEST_F(Phrasing, AnAttributiveDateIsTheInstrumentsDate) {
  const auto doc = parse("The June 2011 SCO\xE2\x80\x93UNODC Memorandum of Understanding set out joint work.\n\n"
                         "The Joint Declaration of 5 April 2010 frames the work.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 2U);
  EXPECT_EQ(aboutOf(model, claims[0]), "mou-sco-unodc");
  EXPECT_EQ(claims[0].kind, ClaimKind::Date);
  EXPECT_EQ(claims[0].cue, "attributive");
  EXPECT_EQ(claims[0].date, base::DateInterval::month(2011, 6));
  EXPECT_EQ(aboutOf(model, claims[1]), "un-sco-joint-declaration");
  EXPECT_EQ(claims[1].cue, "of");
  EXPECT_EQ(claims[1].date, dayOf(2010, 4, 5));
}

TEST_F(Phrasing, AFoundingVerbInBracketsGivesAFoundingYear) {
  const auto doc = parse("The United Nations Office on Drugs and Crime (created in 1997) works in Vienna.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 1U);
  EXPECT_EQ(aboutOf(model, claims[0]), "unodc");
  EXPECT_EQ(claims[0].kind, ClaimKind::Founded);
  EXPECT_EQ(claims[0].cue, "created");
  EXPECT_EQ(claims[0].date, base::DateInterval::year(1997));
}

TEST_F(Phrasing, ARelativeClauseStatesAboutTheMentionBeforeIt) {
  const auto doc = parse("The SCO\xE2\x80\x93UNODC Memorandum of Understanding, which was signed in Astana on "
                         "14 June 2011, set the agenda.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 2U);
  EXPECT_EQ(claims[0].kind, ClaimKind::Place);
  EXPECT_EQ(sourceOf(doc, claims[0].source), "Astana");
  EXPECT_EQ(claims[1].kind, ClaimKind::Date);
  EXPECT_EQ(claims[1].date, dayOf(2011, 6, 14));
  for (const Claim& claim : claims) {
    EXPECT_EQ(aboutOf(model, claim), "mou-sco-unodc");
    EXPECT_EQ(claim.cue, "signed");
  }
}

TEST_F(Phrasing, AFoundingVerbMidSentenceDoesNotReachForward) {
  const auto doc = parse("A national agency, founded in 1999, joined the SCO experts.\n\n"
                         "Founded in 2001, the SCO has eight members.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 1U);  // only the second paragraph's, whose verb opens the sentence
  EXPECT_EQ(aboutOf(model, claims[0]), "sco");
  EXPECT_EQ(claims[0].date, base::DateInterval::year(2001));
}

TEST_F(Phrasing, ListItemsStateOnePlaceAndDateEach) {
  const auto doc = parse("- SCO\xE2\x80\x93UNODC Memorandum of Understanding: Astana, 14 June 2011\n"
                         "- Joint Declaration on Cooperation between the UN and SCO Secretariats \xE2\x80\x94 "
                         "Tashkent, 5 April 2010\n"
                         "- SCO\xE2\x80\x93UNODC Memorandum: reviewed by experts in 2015\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 4U);  // the third item says more than a place and a date: nothing
  EXPECT_EQ(aboutOf(model, claims[0]), "mou-sco-unodc");
  EXPECT_EQ(sourceOf(doc, claims[0].source), "Astana");
  EXPECT_EQ(claims[1].date, dayOf(2011, 6, 14));
  EXPECT_EQ(aboutOf(model, claims[2]), "un-sco-joint-declaration");
  EXPECT_EQ(sourceOf(doc, claims[2].source), "Tashkent");
  EXPECT_EQ(claims[3].date, dayOf(2010, 4, 5));
}

TEST_F(Phrasing, AValueNeverCrossesASentenceOrAListItem) {
  const auto doc = parse("The SCO\xE2\x80\x93UNODC Memorandum was discussed. A forum was held in Bishkek on 3 May 2012.\n\n"
                         "- The Joint Declaration\n- A meeting was held in Dushanbe in May 2016.\n");
  Annotations model(doc);
  EXPECT_TRUE(model.claims(*pack_).empty());
}

TEST_F(Phrasing, ATableRowIsReadByItsHeader) {
  const auto doc = parse("| Instrument | Signed | Place | Reviewed |\n|---|---|---|---|\n"
                         "| SCO\xE2\x80\x93UNODC Memorandum of Understanding | 15 June 2011 | Bishkek | 9 March 2016 |\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 2U);  // "Reviewed" is no date of signing
  for (const Claim& claim : claims) {
    EXPECT_EQ(aboutOf(model, claim), "mou-sco-unodc");
    EXPECT_EQ(claim.cue, "table");
  }
  EXPECT_EQ(claims[0].kind, ClaimKind::Date);
  EXPECT_EQ(claims[0].date, dayOf(2011, 6, 15));
  EXPECT_EQ(claims[1].kind, ClaimKind::Place);
  EXPECT_EQ(sourceOf(doc, claims[1].source), "Bishkek");
}

TEST_F(Phrasing, ATableWithoutHeaderWordsIsTypedByWhatItsCellsHold) {
  const auto doc = parse("| | | |\n|---|---|---|\n"
                         "| SCO\xE2\x80\x93UNODC Memorandum of Understanding | Astana | 14 June 2011 |\n"
                         "| SCO\xE2\x80\x93UNODC Memorandum | the Joint Declaration | 5 April 2010 |\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 2U);  // the second row names two instruments: silent
  EXPECT_EQ(claims[0].kind, ClaimKind::Place);
  EXPECT_EQ(sourceOf(doc, claims[0].source), "Astana");
  EXPECT_EQ(claims[1].kind, ClaimKind::Date);
  EXPECT_EQ(claims[1].date, dayOf(2011, 6, 14));
}

TEST_F(Phrasing, AnotherInstrumentOfTheSameTitleGetsNoClaims) {
  const auto doc = parse("A new Memorandum of Understanding between the SCO Secretariat and the UNODC was signed in "
                         "Beijing in 2019.\n\n"
                         "The Memorandum between UNODC and the Collective Security Treaty Organization was signed in "
                         "Moscow.\n\n"
                         "The Memorandum of Understanding between the SCO Secretariat and the UNODC was signed in 2011.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 1U);  // only the third paragraph's: the known memorandum
  EXPECT_EQ(claims[0].block, 2U);
  EXPECT_EQ(claims[0].date, base::DateInterval::year(2011));
}

TEST_F(Phrasing, ASessionOrdinalIsDatedByItsSentence) {
  const auto doc = parse("---\ndate: 2017-03-14\n---\n\n"
                         "In March 2018, at its 61st session, the Commission on Narcotic Drugs met.\n\n"
                         "The 59th session of the CND opened on 14 March 2016.\n\n"
                         "The 60th session of the CND met this week.\n\n"
                         "The 60th session of the CND, first planned for 2 March 2017, opened on 13 March 2017.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 4U);
  for (const Claim& claim : claims) {
    EXPECT_EQ(claim.kind, ClaimKind::Ordinal);
    EXPECT_EQ(aboutOf(model, claim), "cnd");
  }
  EXPECT_EQ(claims[0].ordinal, 61);
  EXPECT_EQ(claims[0].judgedAt, base::DateInterval::month(2018, 3));  // the date opening the sentence
  EXPECT_EQ(claims[1].judgedAt, dayOf(2016, 3, 14));                  // the sentence's only date
  ASSERT_TRUE(claims[2].judgedAt);                                     // "this week", resolved
  EXPECT_LE(claims[2].judgedAt->first, dayOf(2017, 3, 14).first);
  EXPECT_FALSE(claims[3].judgedAt);                                    // two dates: which one is unknown
  EXPECT_TRUE(claims[3].dateUncertain);
}

TEST_F(Phrasing, AnOrdinalIsNotDatedByAnotherStatementsDate) {
  const auto doc = parse("The UNODC, created in 1997, hosted the 60th session of the CND.\n");
  Annotations model(doc);
  const auto& claims = model.claims(*pack_);
  ASSERT_EQ(claims.size(), 2U);
  EXPECT_EQ(claims[0].kind, ClaimKind::Founded);
  EXPECT_EQ(claims[1].kind, ClaimKind::Ordinal);
  EXPECT_FALSE(claims[1].judgedAt);  // 1997 is UNODC's founding year, not when the session met
  EXPECT_FALSE(claims[1].dateUncertain);
}

// --- dates -------------------------------------------------------------------------------------

TEST_F(Phrasing, ADatelineWithADashIsTheReferenceDateNotARange) {
  const auto doc = parse("# Summit\n\nASTANA, 9 June 2017 \xE2\x80\x93 12 heads of state took part.\n");
  Annotations model(doc);
  EXPECT_EQ(model.reference().origin, ReferenceOrigin::Dateline);
  ASSERT_TRUE(model.referenceDate());
  EXPECT_EQ(model.referenceDate()->day, 9U);
  ASSERT_FALSE(model.dates().empty());
  EXPECT_NE(model.dates()[0].date.kind, dates::DateKind::Range);
  EXPECT_EQ(model.dates()[0].date.value, dayOf(2017, 6, 9));
}

TEST_F(Phrasing, NewsFormsResolveAgainstTheDateline) {
  const auto doc = parse("# Memorandum\n\nASTANA, 28 June 2011 \xE2\x80\x93 The heads met.\n\n"
                         "It was signed last week. Talks began earlier this month. They met on Tuesday.\n");
  Annotations model(doc);
  const auto& found = model.dates();
  ASSERT_EQ(found.size(), 4U);
  const base::DateInterval lastWeek{dayOf(2011, 6, 20).first, dayOf(2011, 6, 26).first, base::Precision::Day};
  EXPECT_EQ(found[1].date.value, lastWeek);
  ASSERT_TRUE(found[2].date.value);
  EXPECT_EQ(found[2].date.value->first, dayOf(2011, 6, 1).first);
  // "met on Tuesday": a Tuesday, not after the dateline (28 June 2011 is one).
  ASSERT_TRUE(found[3].date.value);
  EXPECT_LE(found[3].date.value->first, dayOf(2011, 6, 28).first);
  EXPECT_GE(found[3].date.value->first, dayOf(2011, 6, 21).first);
  EXPECT_EQ(base::weekday(base::civilFromDays(found[3].date.value->first)), 1U);
}

TEST_F(Phrasing, FutureAndPastFormsGiveTheClauseItsTense) {
  const auto doc = parse("# Plans\n\nASTANA, 9 June 2017 \xE2\x80\x93 A meeting is to take place on 5 June 2017. "
                         "The group gathered in Tashkent on 20 June 2017. The plan is to the north.\n");
  Annotations model(doc);
  ASSERT_EQ(model.dates().size(), 3U);
  EXPECT_EQ(model.tenseOf(1), Tense::Future);
  EXPECT_EQ(model.tenseOf(2), Tense::Past);
}

TEST_F(Phrasing, AYearlessWeekdayDateTakesTheYearItsTenseGives) {
  const auto doc = parse("# Talks\n\nASTANA, 9 June 2017 \xE2\x80\x93 The sitting was held on Friday, 8 June.\n");
  Annotations model(doc);
  ASSERT_EQ(model.dates().size(), 2U);
  const dates::DateExpression& held = model.dates()[1].date;
  ASSERT_TRUE(held.written);
  EXPECT_EQ(held.written->year, 2017);
  EXPECT_TRUE(held.weekdayMismatch());  // 8 June 2017 was a Thursday
}

}  // namespace
}  // namespace galley::annotate
