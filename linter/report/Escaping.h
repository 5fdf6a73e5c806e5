// Text escaping shared by the machine-readable reporters (XML attributes and text, URIs).
#pragma once

#include <string>
#include <string_view>

namespace galley::report {

// `text` made safe for XML 1.0 attribute values and character data: & < > " ' as entities, tab,
// newline and carriage return as character references (so attribute values keep them), other
// control characters and invalid UTF-8 bytes as U+FFFD (XML 1.0 cannot carry them at all).
std::string xmlEscape(std::string_view text);

// A file path as a URI reference: relative paths stay relative ("fixtures/a%20b.md"), absolute
// ones become "file:///...". Bytes outside RFC 3986's unreserved set and '/' are percent-encoded.
std::string pathToUri(std::string_view path);

}  // namespace galley::report
