// Sentence splitting: terminators, abbreviations, initials, decimals, quotes, Unicode spaces.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "annotate/SentenceSplitter.h"

namespace galley::annotate {
namespace {

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  for (const base::Range r : splitSentences(text)) out.emplace_back(text.substr(r.begin, r.size()));
  return out;
}

using Sentences = std::vector<std::string>;

TEST(SentenceSplitter, SplitsOnTerminatorsBeforeCapitals) {
  EXPECT_EQ(split("The parties met. They agreed! Was it useful? Yes."),
            (Sentences{"The parties met.", "They agreed!", "Was it useful?", "Yes."}));
}

TEST(SentenceSplitter, NoSplitBeforeLowercase) {
  EXPECT_EQ(split("It rose by 3 p.c. in total. fine then"), (Sentences{"It rose by 3 p.c. in total. fine then"}));
}

TEST(SentenceSplitter, AbbreviationsDoNotEndASentence) {
  EXPECT_EQ(split("Mr. Alimov met Dr. Smith-free officials and Prof. Jones. Then they left."),
            (Sentences{"Mr. Alimov met Dr. Smith-free officials and Prof. Jones.", "Then they left."}));
  EXPECT_EQ(split("See Art. 5 and No. 12 of Vol. 3. It applies."),
            (Sentences{"See Art. 5 and No. 12 of Vol. 3.", "It applies."}));
  EXPECT_EQ(split("Signed on 14 Jan. 2011 in Astana. Next came more."),
            (Sentences{"Signed on 14 Jan. 2011 in Astana.", "Next came more."}));
  EXPECT_EQ(split("Drugs, crime, etc. All were discussed."), (Sentences{"Drugs, crime, etc. All were discussed."}));
}

TEST(SentenceSplitter, DottedAcronymsAndInitials) {
  EXPECT_EQ(split("The U.N. Secretary-General spoke. H.E. Rashid Alimov replied."),
            (Sentences{"The U.N. Secretary-General spoke.", "H.E. Rashid Alimov replied."}));
  EXPECT_EQ(split("Ties with the U.S. Congress grew, e.g. Trade rose."),
            (Sentences{"Ties with the U.S. Congress grew, e.g. Trade rose."}));
  EXPECT_EQ(split("Letters from J. R. Smith arrived. Later more came."),
            (Sentences{"Letters from J. R. Smith arrived.", "Later more came."}));
}

TEST(SentenceSplitter, LowercaseWordBeforePeriodEndsASentence) {
  // Abbreviations are case-sensitive: "no." at the end of a sentence still ends it.
  EXPECT_EQ(split("They said no. The talks went on."), (Sentences{"They said no.", "The talks went on."}));
}

TEST(SentenceSplitter, DecimalsStayWhole) {
  EXPECT_EQ(split("Seizures rose 2.5 per cent to 13.75 tonnes. Funding was 1.2 million."),
            (Sentences{"Seizures rose 2.5 per cent to 13.75 tonnes.", "Funding was 1.2 million."}));
}

TEST(SentenceSplitter, DigitsAndQuotesCanStartASentence) {
  EXPECT_EQ(split("They met. 2017 was busy."), (Sentences{"They met.", "2017 was busy."}));
  EXPECT_EQ(split("They met. \"We agree,\" he said."), (Sentences{"They met.", "\"We agree,\" he said."}));
  EXPECT_EQ(split("They met. \u201CWe agree.\u201D Then they left."),
            (Sentences{"They met.", "\u201CWe agree.\u201D", "Then they left."}));
}

TEST(SentenceSplitter, ClosingQuotesAndBracketsStayWithTheSentence) {
  EXPECT_EQ(split("He said \"we agree.\" The end (mostly.) Next one."),
            (Sentences{"He said \"we agree.\"", "The end (mostly.)", "Next one."}));
  EXPECT_EQ(split("\"Really?\" she asked."), (Sentences{"\"Really?\" she asked."}));
}

TEST(SentenceSplitter, EllipsisAndRepeatedTerminators) {
  EXPECT_EQ(split("Wait... Then it came?! Yes\u2026 Done."),
            (Sentences{"Wait...", "Then it came?!", "Yes\u2026", "Done."}));
}

TEST(SentenceSplitter, RangesAreTrimmedIncludingNoBreakSpaces) {
  const std::string text = "  \u00A0First one.\u00A0Second one.  ";
  const std::vector<base::Range> ranges = splitSentences(text);
  ASSERT_EQ(ranges.size(), 2U);
  EXPECT_EQ(ranges[0].begin, text.find("First"));
  EXPECT_EQ(text.substr(ranges[0].begin, ranges[0].size()), "First one.");
  EXPECT_EQ(text.substr(ranges[1].begin, ranges[1].size()), "Second one.");
}

TEST(SentenceSplitter, NonAsciiCapitalsStartSentences) {
  EXPECT_EQ(split("It ended. \u00C9lise spoke. \u0422\u0430\u043C too."),
            (Sentences{"It ended.", "\u00C9lise spoke.", "\u0422\u0430\u043C too."}));
}

TEST(SentenceSplitter, EmptyAndBlankText) {
  EXPECT_TRUE(splitSentences("").empty());
  EXPECT_TRUE(splitSentences("   \n ").empty());
  EXPECT_EQ(split("No terminator at all"), (Sentences{"No terminator at all"}));
}

}  // namespace
}  // namespace galley::annotate
