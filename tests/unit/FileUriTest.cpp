// base::pathToUri / pathFromUri: the one spelling of file URIs that SARIF reports and the language
// server both write, and its inverse for what editors send.
#include <gtest/gtest.h>

#include <string>

#include "base/FileUri.h"

namespace galley::base {
namespace {

TEST(FileUri, AbsolutePathsBecomeFileUrisRelativeOnesStayRelative) {
  EXPECT_EQ(pathToUri("/drafts/a b/r\xC3\xA9sum\xC3\xA9.md"), "file:///drafts/a%20b/r%C3%A9sum%C3%A9.md");
  EXPECT_EQ(pathToUri("fixtures/100%.md"), "fixtures/100%25.md");
  EXPECT_EQ(pathToUri("/a-b_c.d~e/#?[]"), "file:///a-b_c.d~e/%23%3F%5B%5D");
}

TEST(FileUri, FileUrisReadBackToTheirPaths) {
  for (const std::string path : {"/drafts/a b/r\xC3\xA9sum\xC3\xA9.md", "/100%.md", "/x/#1?[2]"}) {
    const auto back = pathFromUri(pathToUri(path));
    ASSERT_TRUE(back) << path;
    EXPECT_EQ(*back, path);
  }
  EXPECT_EQ(pathFromUri("file:///a%2fb%2Fc"), "/a/b/c");  // either case of hex digits
  EXPECT_EQ(pathFromUri("file:///50%-off%2"), "/50%-off%2");  // a stray '%' stays as written
  EXPECT_FALSE(pathFromUri("untitled:Untitled-1"));
  EXPECT_FALSE(pathFromUri("https://example.org/a.md"));
}

}  // namespace
}  // namespace galley::base
