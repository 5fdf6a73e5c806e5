// ASCII character classes and lower-casing, as the C locale has them but without a library call
// per byte: the scanners run them on every byte of a draft. Bytes of 0x80 and above are in no class
// and are left as they are by the lower-casing.
#pragma once

#include <string>
#include <string_view>

namespace galley::base {

constexpr bool isAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool isAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool isAsciiLetter(char c) { return isAsciiUpper(c) || isAsciiLower(c); }
constexpr bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAsciiAlnum(char c) { return isAsciiLetter(c) || isAsciiDigit(c); }
constexpr char asciiLower(char c) { return isAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline void lowerAsciiInPlace(std::string& text) {
  for (char& c : text) c = asciiLower(c);
}
inline std::string asciiLowered(std::string_view text) {
  std::string out(text);
  lowerAsciiInPlace(out);
  return out;
}

}  // namespace galley::base
