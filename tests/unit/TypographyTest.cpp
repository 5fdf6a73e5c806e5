// Typographic folding (base/Typography.h), capitalised names (annotate/NameSpans.h) and
// organisation lists (annotate/Organisation.h).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annotate/NameSpans.h"
#include "annotate/Organisation.h"
#include "base/Typography.h"
#include "document/Parser.h"

namespace galley {
namespace {

TEST(TypographyTest, FoldsVariantsToPlainForms) {
  EXPECT_EQ(base::foldTypography("Secretary\u2011General"), "Secretary-General");
  EXPECT_EQ(base::foldTypography("Secre\u00ADtary\u00A0General"), "Secretary General");
  EXPECT_EQ(base::foldTypography("SCO\u2013UNODC \u2014 the Parties\u2019 view, 14\u202FMarch"),
            "SCO-UNODC - the Parties' view, 14 March");
  EXPECT_EQ(base::foldTypography("Kyiv caf\u00E9"), "Kyiv caf\u00E9");  // letters stay
}

TEST(TypographyTest, MapsFoldedRangesBack) {
  const std::string text = "the Secre\u00ADtary\u2011General spoke";
  const base::FoldedText folded(text);
  ASSERT_TRUE(folded.changed());
  const std::string_view plain = folded.text();
  const auto at = static_cast<base::Offset>(plain.find("Secretary-General"));
  const base::Range original = folded.toOriginal({at, at + 17});
  EXPECT_EQ(text.substr(original.begin, original.size()), "Secre\u00ADtary\u2011General");
  EXPECT_EQ(folded.toFolded(original), (base::Range{at, at + 17}));
  const base::FoldedText plainText("nothing to fold");
  EXPECT_FALSE(plainText.changed());
  EXPECT_EQ(plainText.toOriginal({3, 7}), (base::Range{3, 7}));
}

std::vector<std::string> names(const std::string& text) {
  std::vector<std::string> out;
  for (const base::Range r : annotate::capitalisedNames(text, config::Lexicon::standard()))
    out.push_back(text.substr(r.begin, r.size()));
  return out;
}

TEST(TypographyTest, CapitalisedMultiWordNames) {
  EXPECT_EQ(names("It met the Forum for Security Co-operation last week."),
            (std::vector<std::string>{"Forum for Security Co-operation"}));
  EXPECT_EQ(names("The Organization for Security and Co-operation in Europe sent observers."),
            (std::vector<std::string>{"Organization for Security and Co-operation in Europe"}));
  EXPECT_EQ(names("He thanked the Ministry of Foreign Affairs of the Republic of Kazakhstan."),
            (std::vector<std::string>{"Ministry of Foreign Affairs of the Republic of Kazakhstan"}));
  // Two names joined by "and" are two names; a sentence's first word is no name's start.
  EXPECT_TRUE(names("Experts from Kazakstan and Tadjikistan attended.").empty());
  EXPECT_TRUE(names("Experts of Kazakstan attended; co-operation grew.").empty());
  EXPECT_TRUE(names("The ministers discussed co-operation.").empty());
  // Acronyms stand alone: "Venue TBC" and "on XX May" hold no name.
  EXPECT_TRUE(names("Venue TBC. The date is set on XX May.").empty());
}

TEST(TypographyTest, OrganisationFromFrontMatterAndLists) {
  const document::Document document = document::parseDocument(
      base::SourceBuffer("draft.md", "---\norganisation: OSCE\n---\n\nText.\n"), document::Format::Markdown);
  EXPECT_EQ(annotate::organisationOf(document), "OSCE");
  const std::vector<std::string> un{"UN", "Shanghai Cooperation Organisation"};
  EXPECT_TRUE(annotate::organisationListed("the shanghai cooperation\u00A0organisation", un));
  EXPECT_FALSE(annotate::organisationListed("OSCE", un));
  EXPECT_TRUE(annotate::organisationListed("", un));     // a draft naming none: every rule applies
  EXPECT_TRUE(annotate::organisationListed("OSCE", {}));  // a rule naming none applies to all
}

}  // namespace
}  // namespace galley
