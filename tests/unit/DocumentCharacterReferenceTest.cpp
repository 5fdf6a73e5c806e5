// HTML character references decoded into UTF-8.
#include <gtest/gtest.h>

#include "document/CharacterReference.h"

namespace galley::document {
namespace {

TEST(CharacterReference, NamedReferences) {
  EXPECT_EQ(decodeCharacterReference("&amp;"), "&");
  EXPECT_EQ(decodeCharacterReference("&nbsp;"), " ");
  EXPECT_EQ(decodeCharacterReference("&ndash;"), "\u2013");
  EXPECT_EQ(decodeCharacterReference("&eacute;"), "\u00E9");
  EXPECT_EQ(decodeCharacterReference("&rsquo;"), "\u2019");
  EXPECT_EQ(decodeCharacterReference("&unknownname;"), std::nullopt);
  EXPECT_EQ(decodeCharacterReference("&AMP;"), std::nullopt);  // names are case-sensitive here
}

TEST(CharacterReference, NumericReferences) {
  EXPECT_EQ(decodeCharacterReference("&#65;"), "A");
  EXPECT_EQ(decodeCharacterReference("&#x2014;"), "\u2014");
  EXPECT_EQ(decodeCharacterReference("&#X1F600;"), "\U0001F600");
  EXPECT_EQ(decodeCharacterReference("&#0;"), "\uFFFD");
  EXPECT_EQ(decodeCharacterReference("&#xD800;"), "\uFFFD");
  EXPECT_EQ(decodeCharacterReference("&#99999999;"), "\uFFFD");
  EXPECT_EQ(decodeCharacterReference("&#x;"), std::nullopt);
  EXPECT_EQ(decodeCharacterReference("&#12a;"), std::nullopt);
}

TEST(CharacterReference, NotAReference) {
  EXPECT_EQ(decodeCharacterReference("amp;"), std::nullopt);
  EXPECT_EQ(decodeCharacterReference("&amp"), std::nullopt);
  EXPECT_EQ(decodeCharacterReference("&;"), std::nullopt);
}

}  // namespace
}  // namespace galley::document
