// ASCII character classes and lower-casing, as the C locale has them but without a library call
// per byte: the scanners run them on every byte of a draft. Bytes of 0x80 and above are in no class
// and are left as they are by the lower-casing.
#pragma once

#include <cstdint>
#include <cstring>
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
  // Eight bytes at a time (every scanner lower-cases whole blocks): in each byte the high bit of
  // `atLeastA` and `aboveZ` says >= 'A' and > 'Z' (no carry crosses a byte: each is at most
  // 0x7F + 0x3F); where a byte is ASCII and only the first holds, 0x20 is set.
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x80 * kOnes;
  constexpr uint64_t kLowBits = 0x7F * kOnes;
  constexpr unsigned kCaseShift = 2;  // 0x80 >> 2 == 0x20
  size_t i = 0;
  for (; i + sizeof(uint64_t) <= text.size(); i += sizeof(uint64_t)) {
    uint64_t bytes = 0;
    std::memcpy(&bytes, text.data() + i, sizeof bytes);
    const uint64_t low = bytes & kLowBits;
    const uint64_t atLeastA = low + (0x80 - 'A') * kOnes;
    const uint64_t aboveZ = low + (0x7F - 'Z') * kOnes;
    const uint64_t upper = ~bytes & (atLeastA ^ aboveZ) & kHighBits;
    bytes |= upper >> kCaseShift;
    std::memcpy(text.data() + i, &bytes, sizeof bytes);
  }
  for (; i < text.size(); ++i) text[i] = asciiLower(text[i]);
}
inline std::string asciiLowered(std::string_view text) {
  std::string out(text);
  lowerAsciiInPlace(out);
  return out;
}

}  // namespace galley::base
