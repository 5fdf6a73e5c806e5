#include "base/FileUri.h"

namespace galley::base {

namespace {
constexpr std::string_view kScheme = "file://";
constexpr std::string_view kHexDigits = "0123456789ABCDEF";
constexpr unsigned kNibbleBits = 4;
constexpr unsigned kNibbleMask = 0xF;
constexpr int kDecimalDigits = 10;

bool isUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// The value of a hex digit, or -1.
int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + kDecimalDigits;
  if (c >= 'A' && c <= 'F') return c - 'A' + kDecimalDigits;
  return -1;
}
}  // namespace

std::string pathToUri(std::string_view path) {
  std::string out = path.starts_with('/') ? std::string(kScheme) : std::string();
  for (const char c : path) {
    if (isUnreserved(c) || c == '/') {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHexDigits[byte >> kNibbleBits];
      out += kHexDigits[byte & kNibbleMask];
    }
  }
  return out;
}

std::optional<std::string> pathFromUri(std::string_view uri) {
  if (!uri.starts_with(kScheme)) return std::nullopt;
  std::string path;
  for (size_t i = kScheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      const int high = hexValue(uri[i + 1]);
      const int low = hexValue(uri[i + 2]);
      if (high >= 0 && low >= 0) {
        path += static_cast<char>((high << kNibbleBits) | low);
        i += 2;
        continue;
      }
    }
    path += uri[i];
  }
  return path;
}

}  // namespace galley::base
