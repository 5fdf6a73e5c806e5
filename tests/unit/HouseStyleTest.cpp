// House style by organisation: rules confined to some organisations (`organisations:`), names left
// alone unless a rule opts in (`in-names:`), typographic variants read as their plain forms.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/RuleSet.h"
#include "document/Parser.h"

namespace galley::checks {
namespace {

std::vector<diag::Diagnostic> run(const RuleSet& rules, const std::string& draft) {
  const document::Document document = document::parseDocument(base::SourceBuffer("d.md", draft));
  annotate::Annotations annotations(document);
  diag::DiagnosticSink sink;
  rules.run(document, annotations, sink);
  return sink.take();
}

std::string withOrganisation(const std::string& organisation, const std::string& body) {
  return "---\norganisation: " + organisation + "\n---\n\n" + body + "\n";
}

TEST(HouseStyle, FileAndRuleOrganisationsConfineRules) {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", R"(organisations: [UN, Shanghai Cooperation Organisation]
rules:
  - {id: house, kind: existence, message: "{found}", tokens: colour}
  - {id: everyone, kind: existence, message: "{found}", tokens: colour, organisations: []}
  - {id: osce, kind: existence, message: "{found}", tokens: colour, organisations: OSCE}
)",
                                               "t");
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  const auto ids = [&](const std::string& draft) {
    std::vector<std::string> out;
    for (const auto& d : run(loaded.rules, draft)) out.push_back(d.ruleId);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids(withOrganisation("UN", "The colour.")), (std::vector<std::string>{"t.everyone", "t.house"}));
  EXPECT_EQ(ids(withOrganisation("the Shanghai Cooperation\u00A0Organisation", "The colour.")),
            (std::vector<std::string>{"t.everyone", "t.house"}));
  EXPECT_EQ(ids(withOrganisation("OSCE", "The colour.")), (std::vector<std::string>{"t.everyone", "t.osce"}));
  EXPECT_EQ(ids(withOrganisation("Ministry of Foreign Affairs", "The colour.")), (std::vector<std::string>{"t.everyone"}));
  // A release naming no organisation: every rule, as before organisations existed.
  EXPECT_EQ(ids("The colour.\n"), (std::vector<std::string>{"t.everyone", "t.house", "t.osce"}));
}

TEST(HouseStyle, BadOrganisationsAndInNamesAreLocatedErrors) {
  const LoadedRules empty = RuleSet::loadText("t.yaml", R"(rules:
  - {id: a, kind: existence, message: "{found}", tokens: x, organisations: [""]}
  - {id: b, kind: substitution, message: "{found}", swap: {x: y}, in-names: maybe}
  - {id: c, kind: repetition, message: "{found}", in-names: true}
)",
                                              "t");
  std::vector<std::string> errors;
  for (const auto& e : empty.errors) errors.push_back(e.toString());
  std::sort(errors.begin(), errors.end());
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_EQ(errors[0], "t.yaml:2:78: error: an organisation's name is empty");
  EXPECT_EQ(errors[1], "t.yaml:3:77: error: 'in-names' must be true or false, not a string");
  EXPECT_EQ(errors[2], "t.yaml:4:51: error: unknown key 'in-names'");  // not an option of repetition
}

TEST(HouseStyle, NamesAreLeftAloneUnlessTheRuleOptsIn) {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", R"(rules:
  - {id: prose, kind: substitution, message: "{found}", swap: {Co-operation: Cooperation, co-operation: cooperation}}
  - {id: names, kind: substitution, message: "{found}", swap: {South Korea: Republic of Korea}, in-names: true}
  - {id: mixed, kind: consistency, message: "{found}", forms: [["co-operation", "cooperation"]]}
  - {id: word, kind: existence, message: "{found}", tokens: Security}
)",
                                               "t");
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  // The OSCE body's name keeps its spelling and sets no precedent for the consistency rule.
  EXPECT_TRUE(run(loaded.rules, "It briefed the Forum for Security Co-operation on cooperation.\n").empty());
  std::vector<std::string> ids;
  for (const auto& d : run(loaded.rules, "They praised the co-operation of the Embassy of South Korea.\n"))
    ids.push_back(d.ruleId);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"t.names", "t.prose"}));
}

TEST(HouseStyle, TypographicVariantsMatchTheirPlainForms) {
  const LoadedRules loaded = RuleSet::loadText("t.yaml", R"(rules:
  - {id: title, kind: substitution, message: "{found}", regex: true, swap: {"Secretary[- ]?[Gg]eneral": Secretary-General}}
  - {id: mail, kind: substitution, message: "{found}", swap: {e-mail: email}}
)",
                                               "t");
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.toString();
  // U+2011 and a soft hyphen: the right form.
  EXPECT_TRUE(run(loaded.rules, "The Secretary\u2011General and the Secre\u00ADtary-General.\n").empty());
  const std::string draft = "A no-break space: Secretary\u00A0General; by e\u2011mail.\n";
  const auto found = run(loaded.rules, draft);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(draft.substr(found[0].range.begin, found[0].range.size()), "Secretary\u00A0General");
  EXPECT_EQ(draft.substr(found[1].range.begin, found[1].range.size()), "e\u2011mail");
  ASSERT_TRUE(found[1].fix.has_value());
  EXPECT_EQ(found[1].fix->edits[0].text, "email");
}

}  // namespace
}  // namespace galley::checks
