// JsonText: JSON written straight into a string, for the server's largest and most frequent
// messages (an open document's diagnostics, sent after every edit). Building an nlohmann tree and
// dumping it cost about a fifth of an edit's re-lint.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace galley::lsp {

// Appends `text` as a JSON string: quoted; '"', '\\' and control characters escaped as
// nlohmann::json::dump escapes them; other UTF-8 kept as is; each invalid UTF-8 byte becomes
// U+FFFD (the reply stays valid JSON whatever bytes a draft or a message holds).
void appendJsonString(std::string& out, std::string_view text);

// Appends an LSP Range: {"start":{"line":L,"character":C},"end":{...}}.
void appendJsonRange(std::string& out, uint32_t startLine, uint32_t startCharacter, uint32_t endLine,
                     uint32_t endCharacter);

}  // namespace galley::lsp
