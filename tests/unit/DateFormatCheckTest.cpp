// The date-format check kind: the house form "14 March 2017" with a fix.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "annotate/Annotations.h"
#include "base/SourceBuffer.h"
#include "checks/DateFormatCheck.h"
#include "config/RuleConfig.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

std::vector<diag::Diagnostic> check(const std::string& text) {
  config::RuleConfig rule;
  rule.id = "dates.house-format";
  rule.kind = "date-format";
  rule.message = config::MessageTemplate::parse("Write '{expected}', not '{found}'").value();
  base::ErrorList errors;
  const auto instance = DateFormatCheck::create(rule, errors);
  EXPECT_TRUE(errors.empty());
  const auto doc = document::parseDocument(base::SourceBuffer("draft.md", text), document::Format::Markdown);
  annotate::Annotations annotations(doc);
  diag::DiagnosticSink sink;
  instance->run(doc, annotations, sink);
  return sink.take();
}

TEST(DateFormatCheck, OtherFormsGetTheHouseFormWithASafeFix) {
  for (const char* text : {"Signed on June 14, 2011.\n", "Signed on 14th June 2011.\n", "Signed on 14 Jun. 2011.\n"}) {
    const auto found = check(text);
    ASSERT_EQ(found.size(), 1U) << text;
    ASSERT_TRUE(found[0].fix.has_value()) << text;
    EXPECT_EQ(found[0].fix->applicability, diag::Applicability::Safe) << text;
    EXPECT_EQ(found[0].fix->edits[0].text, "14 June 2011") << text;
  }
}

TEST(DateFormatCheck, NumericFormsGetAnUnsafeFix) {
  const auto found = check("Signed on 03/04/2011.\n");
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].fix->applicability, diag::Applicability::Unsafe);
  EXPECT_EQ(found[0].fix->edits[0].text, "3 April 2011");
}

TEST(DateFormatCheck, HouseFormWeekdaysAndMarkupSplitDates) {
  EXPECT_TRUE(check("Signed on 14 June 2011 and again on Tuesday, 14 March 2017.\n").empty());
  const auto split = check("Signed on **June 14**, 2011.\n");
  ASSERT_EQ(split.size(), 1U);
  EXPECT_FALSE(split[0].fix.has_value());  // markup inside: not certain
}

}  // namespace
}  // namespace galley::checks
