// Text escaping shared by the machine-readable reporters (XML attributes and text; file URIs: base/FileUri.h).
#pragma once

#include <string>
#include <string_view>

namespace galley::report {

// `text` made safe for XML 1.0 attribute values and character data: & < > " ' as entities, tab,
// newline and carriage return as character references (so attribute values keep them), other
// control characters and invalid UTF-8 bytes as U+FFFD (XML 1.0 cannot carry them at all).
std::string xmlEscape(std::string_view text);

}  // namespace galley::report
