// A unified diff of two texts, line by line, for `galley fix --dry-run`.
#pragma once

#include <string>
#include <string_view>

namespace galley::tools {

// The unified diff (`diff -u` format, 3 lines of context) turning `before` into `after`, headed
// "--- a/PATH" / "+++ b/PATH" (an absolute PATH without the a/ b/); empty when the texts are equal. Lines keep their "\r" (a CRLF file
// shows CRLF lines); a last line without "\n" is followed by "\ No newline at end of file".
std::string unifiedDiff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace galley::tools
