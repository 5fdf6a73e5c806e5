// The one edit distance behind every "did you mean", with the options each caller relies on.
#include "config/NearestName.h"

#include <gtest/gtest.h>

#include <array>
#include <string_view>
#include <vector>

namespace galley::config {
namespace {

TEST(NearestName, OptionsChangeHowEditsAreCounted) {
  EXPECT_EQ(editDistance("Yuri", "Yury"), 1U);
  EXPECT_EQ(editDistance("YURY", "Yury"), 3U);  // case counts unless ignored
  EXPECT_EQ(editDistance("YURY", "Yury", {.ignoreCase = true}), 0U);
  EXPECT_EQ(editDistance("sevreity", "severity"), 2U);  // a swap is two edits by default
  EXPECT_EQ(editDistance("sevreity", "severity", {.adjacentSwaps = true}), 1U);
}

TEST(NearestName, NearestWithinKeepsTheFirstOfEqualCandidatesAndItsBound) {
  const std::vector<std::string_view> keys = {"date", "data", "place"};
  EXPECT_EQ(nearestWithin("dat", keys, 1), "date");
  EXPECT_EQ(nearestWithin("plaec", keys, 1), std::nullopt);
  EXPECT_EQ(nearestWithin("plaec", keys, 1, {.adjacentSwaps = true}), "place");
  const std::array<std::string_view, 2> kinds = {"substitution", "existence"};
  EXPECT_EQ(nearestName("Substitutoin", kinds), "substitution");
  EXPECT_EQ(nearestName("", kinds), std::nullopt);
}

}  // namespace
}  // namespace galley::config
