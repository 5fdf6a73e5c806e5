// Which organisation a written title belongs to (annotate/TitleForms.h), and the form that
// organisation writes it in, against the shipped sco-un fact base.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "annotate/Annotations.h"
#include "annotate/MentionFinder.h"
#include "annotate/TitleForms.h"
#include "document/Parser.h"
#include "facts/FactLoader.h"
#include "facts/FactPack.h"

namespace galley::annotate {
namespace {

class TitleFormsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    facts::FactLoader loader;
    for (const char* file : {"facts.yaml", "facts-documents.yaml", "facts-organisations.yaml", "facts-states.yaml"})
      if (!loader.addFile(std::string(GALLEY_SOURCE_DIR "/rules/sco-un/") + file)) return;
    auto loaded = loader.load();
    if (!loaded) return;
    pack_ = std::make_unique<facts::FactPack>(std::move(*loaded));
  }
  void SetUp() override { ASSERT_TRUE(pack_) << "the sco-un fact base did not load"; }

  // The titles written in `text` (one paragraph).
  static std::vector<WrittenTitle> titles(const std::string& text) {
    const document::Document document =
        document::parseDocument(base::SourceBuffer("draft.md", text), document::Format::Markdown);
    const MentionSet mentions = MentionFinder(*pack_).find(document);
    return TitleFormFinder(pack_->facts()).find(document, mentions);
  }
  // The id of the organisation the only title of `text` is tied to, or "" (none).
  static std::string orgOf(const std::string& text) {
    const auto found = titles(text);
    EXPECT_EQ(found.size(), 1U) << text;
    if (found.size() != 1 || !found[0].organisation) return "";
    return pack_->facts().entity(*found[0].organisation).id;
  }
  // The form the organisation `orgId` writes the only title of `text` in, or "" (it writes none).
  static std::string formFor(const std::string& orgId, const std::string& text) {
    const auto found = titles(text);
    EXPECT_EQ(found.size(), 1U) << text;
    const auto org = pack_->facts().find(orgId);
    EXPECT_TRUE(org.has_value()) << orgId;
    if (found.size() != 1 || !org) return "";
    const auto form = houseForm(pack_->facts(), *org, found[0]);
    return form ? form->form + (form->garbled ? " (garbled)" : "") : "";
  }

  static std::unique_ptr<facts::FactPack> pack_;
};

std::unique_ptr<facts::FactPack> TitleFormsTest::pack_;

TEST_F(TitleFormsTest, ThePacksFinderIsBuiltOnceAndSharedByEveryDocument) {
  // Building the finder per document cost more than finding a whole release's titles.
  int builds = 0;
  const auto build = [&] {
    ++builds;
    return std::make_shared<const TitleFormFinder>(pack_->facts(), pack_->lexicon());
  };
  const TitleFormFinder& first = pack_->derived<TitleFormFinder>(build);
  const TitleFormFinder& second = pack_->derived<TitleFormFinder>(build);
  EXPECT_EQ(&first, &second);
  EXPECT_EQ(builds, 1);

  // Annotations read the pack's finder: one seeded from a fact base with no title forms finds none.
  const document::Document document = document::parseDocument(
      base::SourceBuffer("draft.md", "The SCO Secretary-General met the press.\n"), document::Format::Markdown);
  EXPECT_EQ(Annotations(document).titleForms(*pack_).size(), 1U);
  static const facts::FactBase kNoForms;
  const facts::FactPack seeded(pack_->facts());
  (void)seeded.derived<TitleFormFinder>([] { return std::make_shared<const TitleFormFinder>(kNoForms); });
  EXPECT_EQ(Annotations(document).titleForms(seeded).size(), 0U);
}

TEST_F(TitleFormsTest, OrganisationWrittenBeforeTheTitle) {
  EXPECT_EQ(orgOf("The OSCE Secretary General opened the meeting."), "osce");
  EXPECT_EQ(orgOf("NATO Secretary-General Mark Rutte spoke."), "nato");  // the organisation beats the person
  EXPECT_EQ(orgOf("The WHO's Director-General sent a message."), "who");
  EXPECT_EQ(orgOf("UNODC Deputy Executive-Director spoke."), "unodc");  // a rank between
  EXPECT_EQ(titles("The WHO's Director-General sent a message.")[0].attachment, TitleAttachment::OrganisationBefore);
}

TEST_F(TitleFormsTest, OrganisationAfterOf) {
  EXPECT_EQ(orgOf("The Secretary General of the Collective Security Treaty Organization attended."), "csto");
  EXPECT_EQ(orgOf("She met the Secretary-General of the SCO in Beijing."), "sco");
  EXPECT_EQ(titles("She met the Secretary-General of the SCO.")[0].attachment, TitleAttachment::OrganisationAfter);
  // An office the fact base names whole: its organisation.
  EXPECT_EQ(orgOf("The Under-Secretary General of the United Nations opened the session."), "un");
  EXPECT_EQ(titles("The Under-Secretary General of the United Nations spoke.")[0].attachment, TitleAttachment::Office);
  // "for", not "of": no tie.
  EXPECT_EQ(orgOf("A Secretary General for the OSCE region was proposed."), "");
}

TEST_F(TitleFormsTest, OfficeOfTheNamedPerson) {
  EXPECT_EQ(orgOf("Secretary General Helga Schmid opened the conference."), "osce");
  EXPECT_EQ(orgOf("Helga Schmid, Secretary General, opened the conference."), "osce");
  EXPECT_EQ(orgOf("Secretary-General Rashid Alimov welcomed the guests."), "sco");
  const auto found = titles("Secretary General Helga Schmid opened the conference.");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].attachment, TitleAttachment::Person);
  // A known person none of whose offices has this title: tied to the person, to no organisation.
  EXPECT_EQ(orgOf("Director-General Helga Schmid opened the conference."), "");
}

TEST_F(TitleFormsTest, UnknownNamesBesideTheTitleTieItElsewhere) {
  for (const std::string text : {"The ASEAN Secretary General attended.", "The Secretary General of the Ministry attended.",
                                 "Secretary General Lamberto Zannier attended."}) {
    const auto found = titles(text);
    ASSERT_EQ(found.size(), 1U) << text;
    EXPECT_EQ(found[0].attachment, TitleAttachment::None) << text;
    EXPECT_TRUE(found[0].tiedElsewhere) << text;
  }
  for (const std::string text : {"The Secretary General attended.", "Acting Secretary General attended the talks."}) {
    const auto found = titles(text);
    ASSERT_EQ(found.size(), 1U) << text;
    EXPECT_FALSE(found[0].tiedElsewhere) << text;
  }
}

TEST_F(TitleFormsTest, EachOrganisationWritesItsOwnForm) {
  EXPECT_EQ(formFor("un", "The Secretary General spoke."), "Secretary-General");
  EXPECT_EQ(formFor("osce", "The Secretary-General spoke."), "Secretary General");
  EXPECT_EQ(formFor("who", "The Director General spoke."), "Director-General");
  EXPECT_EQ(formFor("nato", "The Deputy Secretary-General spoke."), "Deputy Secretary General");
  // The CIS writes neither "Director-General" nor anything with these words: unknown.
  EXPECT_EQ(formFor("cis", "The Director General spoke."), "");
}

TEST_F(TitleFormsTest, GarbledTitlesAreRecognised) {
  EXPECT_EQ(formFor("sco", "The SCO General-Secretary spoke."), "Secretary-General (garbled)");
  EXPECT_EQ(formFor("un", "The UN Secretary-Generall spoke."), "Secretary-General (garbled)");
  EXPECT_EQ(formFor("un", "The UN Secertary-General spoke."), "Secretary-General (garbled)");
  // Plurals and lower-case swapped words are other words, not garbled titles.
  EXPECT_TRUE(titles("Former Secretaries-General of the UN met.").empty());
  EXPECT_TRUE(titles("The general secretary of the union spoke.").empty());
}

TEST_F(TitleFormsTest, TypographicVariantsAreThePlainForm) {
  const auto found = titles("UN Secretary\u2011General Ant\u00F3nio Guterres spoke.");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].written, "Secretary-General");
  const auto un = pack_->facts().find("un");
  ASSERT_TRUE(un);
  const auto form = houseForm(pack_->facts(), *un, found[0]);
  ASSERT_TRUE(form);
  EXPECT_EQ(form->form, found[0].written);
}

TEST_F(TitleFormsTest, OrganisationNamedByAnyOfItsNames) {
  const auto& facts = pack_->facts();
  EXPECT_EQ(organisationNamed(facts, "OSCE"), facts.find("osce"));
  EXPECT_EQ(organisationNamed(facts, "the World Health Organization"), facts.find("who"));
  EXPECT_EQ(organisationNamed(facts, "collective security treaty organisation"), facts.find("csto"));
  EXPECT_FALSE(organisationNamed(facts, "Ministry of Foreign Affairs of Kazakhstan"));
  EXPECT_FALSE(organisationNamed(facts, "Helga Schmid"));  // a person, not an organisation
}

}  // namespace
}  // namespace galley::annotate
