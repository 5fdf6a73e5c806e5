// Dates as the annotate layer sees them: through Markdown markup, across blocks, with the document's
// reference date.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "annotate/Annotations.h"
#include "base/SourceBuffer.h"
#include "document/Parser.h"

namespace galley::annotate {
namespace {

document::Document parseMarkdown(std::string text) {
  return document::parseDocument(base::SourceBuffer("draft.md", std::move(text)), document::Format::Markdown);
}

std::string sourceText(const document::Document& doc, const DateMention& mention) {
  const base::Range source = doc.blocks[mention.block].prose.toSource(mention.date.range);
  return std::string(doc.source.text().substr(source.begin, source.size()));
}

TEST(DateAnnotations, ExpressionSplitByInlineMarkupIsOneDate) {
  const auto doc = parseMarkdown("VIENNA, **14** March 2017 \xE2\x80\x94 The talks were held.\n");
  Annotations annotations(doc);
  const auto& found = annotations.dates();
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].date.value->isoFirst(), "2017-03-14");
  // The date starts at the digits; the closing markup lies inside it, so a fix could not be certain.
  EXPECT_EQ(sourceText(doc, found[0]), "14** March 2017");
  EXPECT_FALSE(doc.blocks[found[0].block].prose.isContiguous(found[0].date.range));
}

TEST(DateAnnotations, MarkupAroundTheWholeDateOrItsYearKeepsDayPrecision) {
  const auto doc = parseMarkdown("Signed on **14 March 2017** and on 15 *March* 2017, then **16** March *2017*.\n");
  Annotations annotations(doc);
  const auto& found = annotations.dates();
  ASSERT_EQ(found.size(), 3U);
  EXPECT_EQ(sourceText(doc, found[0]), "14 March 2017");
  for (const auto& m : found) {
    ASSERT_TRUE(m.date.value.has_value());
    EXPECT_EQ(m.date.value->precision, base::Precision::Day);
  }
  EXPECT_EQ(found[1].date.value->isoFirst(), "2017-03-15");
  EXPECT_EQ(found[2].date.value->isoFirst(), "2017-03-16");
}

TEST(DateAnnotations, ReferenceDateFromFrontMatterBeatsTheDateline) {
  const auto doc = parseMarkdown("---\ndate: 2017-03-15\n---\n\nVIENNA, 14 March 2017 \xE2\x80\x94 Talks were held yesterday.\n");
  Annotations annotations(doc);
  ASSERT_TRUE(annotations.referenceDate().has_value());
  EXPECT_EQ(annotations.referenceDate()->day, 15U);
  const auto& found = annotations.dates();
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[1].date.value->isoFirst(), "2017-03-14");  // yesterday of 15 March
}

TEST(DateAnnotations, DatelineIsTheReferenceAndAnaphoraCrossBlocks) {
  const auto doc = parseMarkdown(
      "# Talks in Vienna\n\nVIENNA, 14 March 2017 \xE2\x80\x94 The heads of the two offices met today.\n\n"
      "The day before, a high-level event was held.\n");
  Annotations annotations(doc);
  ASSERT_TRUE(annotations.referenceDate().has_value());
  EXPECT_EQ(annotations.referenceDate()->day, 14U);
  const auto& found = annotations.dates();
  ASSERT_EQ(found.size(), 3U);
  EXPECT_EQ(found[2].date.kind, dates::DateKind::Anaphoric);
  EXPECT_EQ(found[2].date.value->isoFirst(), "2017-03-13");
  EXPECT_EQ(sourceText(doc, found[2]), "The day before");
}

TEST(DateAnnotations, DatelineWithoutYearLeavesRelativeDatesUnresolved) {
  const auto doc = parseMarkdown("VIENNA, 14 March \xE2\x80\x94 The offices met yesterday.\n");
  Annotations annotations(doc);
  EXPECT_FALSE(annotations.referenceDate().has_value());
  const auto& found = annotations.dates();
  ASSERT_EQ(found.size(), 2U);
  EXPECT_FALSE(found[0].date.resolved());
  EXPECT_FALSE(found[1].date.resolved());
}

// The configuration's settings (.galley.yaml `reference-date`, `date-order`, `organisation`; `--ref`,
// `--month-first`) as the model applies them.
TEST(DateAnnotations, ConfiguredReferenceDateModeDecidesWhichSourceCounts) {
  const auto doc = parseMarkdown("---\ndate: 2018-05-02\n---\nVIENNA, 14 March 2017 \xE2\x80\x94 The talks were held.\n");
  EXPECT_EQ(Annotations(doc).reference().origin, ReferenceOrigin::FrontMatter);

  ModelSettings datelineOnly;
  datelineOnly.referenceDate.mode = config::ReferenceDateMode::Dateline;
  Annotations byDateline(doc, datelineOnly);
  EXPECT_EQ(byDateline.reference().origin, ReferenceOrigin::Dateline);
  EXPECT_EQ(byDateline.referenceDate(), (base::CivilDate{2017, 3, 14}));

  ModelSettings fixed;
  fixed.referenceDate = {config::ReferenceDateMode::Fixed, base::CivilDate{2020, 1, 31}};
  Annotations byConfig(doc, fixed);
  EXPECT_EQ(byConfig.reference().origin, ReferenceOrigin::Configured);
  EXPECT_EQ(byConfig.referenceDate(), (base::CivilDate{2020, 1, 31}));
  EXPECT_FALSE(byConfig.reference().source.has_value());

  // Front matter only: a draft with a dateline but no front matter date has no reference date.
  const auto undated = parseMarkdown("VIENNA, 14 March 2017 \xE2\x80\x94 The talks were held.\n");
  ModelSettings frontMatterOnly;
  frontMatterOnly.referenceDate.mode = config::ReferenceDateMode::FrontMatter;
  EXPECT_EQ(Annotations(undated, frontMatterOnly).reference().origin, ReferenceOrigin::None);
}

TEST(DateAnnotations, ConfiguredDateOrderReadsNumericDatesMonthFirst) {
  const auto doc = parseMarkdown("The talks opened on 04/03/2017 in Vienna.\n");
  Annotations dayFirst(doc);
  ASSERT_EQ(dayFirst.dates().size(), 1U);
  EXPECT_EQ(dayFirst.dates()[0].date.value->isoFirst(), "2017-03-04");
  ModelSettings monthFirst;
  monthFirst.dateOrder = config::DateOrder::MonthFirst;
  Annotations byConfig(doc, monthFirst);
  ASSERT_EQ(byConfig.dates().size(), 1U);
  EXPECT_EQ(byConfig.dates()[0].date.value->isoFirst(), "2017-04-03");
}

TEST(DateAnnotations, TheFrontMatterOrganisationWinsOverTheConfigured) {
  ModelSettings settings;
  settings.organisation = "UN";
  const auto plain = parseMarkdown("The talks were held.\n");
  EXPECT_EQ(Annotations(plain, settings).organisation(), "UN");
  EXPECT_EQ(Annotations(plain).organisation(), "");
  const auto own = parseMarkdown("---\norganisation: OSCE\n---\nThe talks were held.\n");
  EXPECT_EQ(Annotations(own, settings).organisation(), "OSCE");
}

}  // namespace
}  // namespace galley::annotate
