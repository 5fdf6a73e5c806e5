// FileUri: file paths as URIs and back, one spelling for every front end (SARIF reports, the
// language server's document and note URIs).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::base {

// A file path as a URI reference: an absolute path becomes "file:///a%20b/c.md", a relative one
// stays relative ("fixtures/a%20b.md"). Bytes outside RFC 3986's unreserved set and '/' are
// percent-encoded (upper-case hex).
std::string pathToUri(std::string_view path);

// "file:///a%20b/c.md" -> "/a b/c.md"; any other scheme -> nullopt. A '%' not followed by two hex
// digits is kept as it is.
std::optional<std::string> pathFromUri(std::string_view uri);

}  // namespace galley::base
