// base/Ascii.h: the eight-bytes-at-a-time lower-casing agrees with the byte-by-byte one for every
// byte value in every position, and leaves every non-letter byte (UTF-8 included) as it was.
#include <gtest/gtest.h>

#include <string>

#include "base/Ascii.h"

namespace galley::base {
namespace {

std::string oneByOne(std::string text) {
  for (char& c : text) c = asciiLower(c);
  return text;
}

TEST(AsciiTest, LowerCasingInBlocksMatchesByteByByteForEveryByteAndPosition) {
  constexpr int kByteValues = 256;
  constexpr size_t kLength = 19;  // two blocks of eight and a tail
  for (int value = 0; value < kByteValues; ++value) {
    for (size_t at = 0; at < kLength; ++at) {
      std::string text(kLength, 'Q');
      text[at] = static_cast<char>(value);
      std::string lowered = text;
      lowerAsciiInPlace(lowered);
      ASSERT_EQ(lowered, oneByOne(text)) << "byte " << value << " at " << at;
    }
  }
}

TEST(AsciiTest, OnlyAsciiCapitalsChange) {
  EXPECT_EQ(asciiLowered("Secretary-General ÅSE Zürich @[`{ AZ az 09"), "secretary-general Åse zürich @[`{ az az 09");
  EXPECT_EQ(asciiLowered(""), "");
  EXPECT_EQ(asciiLowered("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), "abcdefghijklmnopqrstuvwxyz");
}

}  // namespace
}  // namespace galley::base
