// JsonText: hand-written JSON must read back, through a real parser, as the text it was given.
#include "lsp/JsonText.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace galley::lsp {
namespace {

std::string roundTrip(std::string_view text) {
  std::string out;
  appendJsonString(out, text);
  return nlohmann::json::parse(out).get<std::string>();
}

TEST(JsonText, EscapesWhatJsonRequiresAndKeepsUtf8) {
  const std::string text = "Quote \" back\\slash tab\t nl\n cr\r bell\x07 esc\x1b \xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80 /";
  EXPECT_EQ(roundTrip(text), text);
  std::string out;
  appendJsonString(out, "\x01\x1f");
  EXPECT_EQ(out, "\"\\u0001\\u001f\"");
}

TEST(JsonText, InvalidUtf8BecomesReplacementCharacters) {
  // A lone continuation byte, a truncated sequence, an overlong encoding: each byte is one U+FFFD.
  EXPECT_EQ(roundTrip("a\x80z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(roundTrip("\xE2\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(roundTrip("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(roundTrip(std::string_view("nul\0byte", 8)), std::string("nul\0byte", 8));
}

TEST(JsonText, RangeReadsBackAsAnLspRange) {
  std::string out;
  appendJsonRange(out, 3, 14, 4, 0);
  const nlohmann::json range = nlohmann::json::parse(out);
  EXPECT_EQ(range, (nlohmann::json{{"start", {{"line", 3}, {"character", 14}}}, {"end", {{"line", 4}, {"character", 0}}}}));
}

}  // namespace
}  // namespace galley::lsp
