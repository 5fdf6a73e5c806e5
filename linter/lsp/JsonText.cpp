#include "lsp/JsonText.h"


#include "base/SourceBuffer.h"

namespace galley::lsp {

void appendJsonString(std::string& out, std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  static constexpr std::string_view kHex = "0123456789abcdef";
  constexpr unsigned kNibbleBits = 4;
  constexpr unsigned kNibbleMask = 0xF;
  out.push_back('"');
  // Bytes that need no escape are copied a run at a time (per-byte appends were most of the cost).
  size_t run = 0;
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\') {
      ++i;
      continue;
    }
    if (byte >= 0x80) {
      if (const uint32_t length = base::validUtf8SequenceLength(text, i); length > 0) {
        i += length;
        continue;
      }
    }
    out.append(text.substr(run, i - run));
    switch (byte) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out.push_back(kHex[byte >> kNibbleBits]);
          out.push_back(kHex[byte & kNibbleMask]);
        } else {
          out += kReplacement;  // a byte that starts no valid UTF-8 sequence
        }
    }
    run = ++i;
  }
  out.append(text.substr(run));
  out.push_back('"');
}

void appendJsonRange(std::string& out, uint32_t startLine, uint32_t startCharacter, uint32_t endLine,
                     uint32_t endCharacter) {
  out += R"({"start":{"line":)";
  out += std::to_string(startLine);
  out += R"(,"character":)";
  out += std::to_string(startCharacter);
  out += R"(},"end":{"line":)";
  out += std::to_string(endLine);
  out += R"(,"character":)";
  out += std::to_string(endCharacter);
  out += "}}";
}

}  // namespace galley::lsp
