#include "report/Escaping.h"

#include "base/SourceBuffer.h"

namespace galley::report {

namespace {
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
constexpr unsigned char kFirstPrintable = 0x20;
constexpr unsigned char kDelete = 0x7F;
}  // namespace

std::string xmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (byte < kFirstPrintable || byte == kDelete) {
          out += kReplacementCharacter;
        } else if (byte < kDelete) {
          out += c;
        } else {
          const uint32_t length = base::validUtf8SequenceLength(text, i);
          if (length == 0) {
            out += kReplacementCharacter;
            ++i;
            continue;
          }
          out += text.substr(i, length);
          i += length;
          continue;
        }
    }
    ++i;
  }
  return out;
}

}  // namespace galley::report
