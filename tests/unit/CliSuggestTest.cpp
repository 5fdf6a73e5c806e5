// Argument parsing and "did you mean": option forms, errors and nearest-name suggestions.
#include <gtest/gtest.h>

#include "config/NearestName.h"
#include "tools/ArgParser.h"

namespace galley::tools {
namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--format", "FORMAT", "output", false},
    {"--rules", "DIR", "packs", true},
    {"--quiet", "", "quiet", false},
};

TEST(CliSuggest, EditDistanceCountsSwapsAsOneEdit) {
  EXPECT_EQ(config::editDistance("format", "format", {.adjacentSwaps = true}), 0U);
  EXPECT_EQ(config::editDistance("fromat", "format", {.adjacentSwaps = true}), 1U);
  EXPECT_EQ(config::editDistance("chek", "check", {.adjacentSwaps = true}), 1U);
  EXPECT_EQ(config::editDistance("", "abc", {.adjacentSwaps = true}), 3U);
}

TEST(CliSuggest, NearestMatchOnlyForPlausibleTypos) {
  const std::vector<std::string> commands = {"check", "dates", "test"};
  EXPECT_EQ(config::nearestMatch("chekc", commands), "check");
  EXPECT_EQ(config::nearestMatch("tset", commands), "test");
  EXPECT_EQ(config::nearestMatch("deploy", commands), std::nullopt);
}

TEST(CliArgs, ValuesFlagsOperandsAndRepeats) {
  auto parsed = parseArgs({"--format=json", "--rules", "a", "--rules=b", "--quiet", "x.md", "-", "--", "--odd"}, kSpecs);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->last("--format"), "json");
  EXPECT_EQ(parsed->all("--rules"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(parsed->has("--quiet"));
  EXPECT_EQ(parsed->operands, (std::vector<std::string>{"x.md", "-", "--odd"}));
}

TEST(CliArgs, ErrorsNameTheProblem) {
  auto unknown = parseArgs({"--fromat", "json"}, kSpecs);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().message(), "unknown option '--fromat'; did you mean '--format'?");
  EXPECT_EQ(parseArgs({"--format"}, kSpecs).error().message(), "option '--format' needs a value (FORMAT)");
  EXPECT_EQ(parseArgs({"--quiet=yes"}, kSpecs).error().message(), "option '--quiet' takes no value");
  EXPECT_EQ(parseArgs({"--format=a", "--format=b"}, kSpecs).error().message(), "option '--format' given more than once");
}

}  // namespace
}  // namespace galley::tools
