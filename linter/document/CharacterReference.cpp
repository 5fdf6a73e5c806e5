#include "document/CharacterReference.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace galley::document {

namespace {
constexpr uint32_t kReplacement = 0xFFFD;
constexpr uint32_t kMaxCodePoint = 0x10FFFF;
constexpr uint32_t kSurrogateFirst = 0xD800;
constexpr uint32_t kSurrogateLast = 0xDFFF;
constexpr int kHexBase = 16;
constexpr int kDecimalBase = 10;

// Sorted by name for binary search.
constexpr std::array<std::pair<std::string_view, uint32_t>, 60> kNamed = {{
    {"AElig", 0xC6},   {"Aacute", 0xC1}, {"Agrave", 0xC0}, {"Ccedil", 0xC7}, {"Eacute", 0xC9},
    {"Ouml", 0xD6},    {"Uuml", 0xDC},   {"aacute", 0xE1}, {"acirc", 0xE2},  {"aelig", 0xE6},
    {"agrave", 0xE0},  {"amp", 0x26},    {"apos", 0x27},   {"auml", 0xE4},   {"bull", 0x2022},
    {"ccedil", 0xE7},  {"cent", 0xA2},   {"copy", 0xA9},   {"deg", 0xB0},    {"eacute", 0xE9},
    {"ecirc", 0xEA},   {"egrave", 0xE8}, {"emsp", 0x20},   {"ensp", 0x20},   {"euml", 0xEB},
    {"euro", 0x20AC},  {"gt", 0x3E},     {"hellip", 0x2026}, {"iacute", 0xED}, {"icirc", 0xEE},
    {"iuml", 0xEF},    {"laquo", 0xAB},  {"ldquo", 0x201C}, {"lsaquo", 0x2039}, {"lsquo", 0x2018},
    {"lt", 0x3C},      {"mdash", 0x2014}, {"middot", 0xB7}, {"minus", 0x2212}, {"nbsp", 0x20},
    {"ndash", 0x2013}, {"ntilde", 0xF1}, {"oacute", 0xF3}, {"ocirc", 0xF4},  {"ouml", 0xF6},
    {"pound", 0xA3},   {"quot", 0x22},   {"raquo", 0xBB},  {"rdquo", 0x201D}, {"reg", 0xAE},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sect", 0xA7}, {"shy", 0xAD},    {"szlig", 0xDF},
    {"thinsp", 0x20},  {"trade", 0x2122}, {"uacute", 0xFA}, {"uuml", 0xFC},  {"yen", 0xA5},
}};

std::optional<uint32_t> numeric(std::string_view digits) {
  int base = kDecimalBase;
  if (!digits.empty() && (digits.front() == 'x' || digits.front() == 'X')) {
    base = kHexBase;
    digits.remove_prefix(1);
  }
  if (digits.empty()) return std::nullopt;
  uint64_t value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (ptr != digits.data() + digits.size()) return std::nullopt;
  if (ec != std::errc() || value == 0 || value > kMaxCodePoint ||
      (value >= kSurrogateFirst && value <= kSurrogateLast))
    return kReplacement;
  return static_cast<uint32_t>(value);
}
}  // namespace

void appendUtf8(std::string& out, uint32_t cp) {
  constexpr uint32_t kOneByte = 0x80;
  constexpr uint32_t kTwoBytes = 0x800;
  constexpr uint32_t kThreeBytes = 0x10000;
  constexpr uint32_t kLead2 = 0xC0;
  constexpr uint32_t kLead3 = 0xE0;
  constexpr uint32_t kLead4 = 0xF0;
  constexpr uint32_t kContinuation = 0x80;
  constexpr uint32_t kSixBits = 0x3F;
  constexpr uint32_t kShift1 = 6;
  constexpr uint32_t kShift2 = 12;
  constexpr uint32_t kShift3 = 18;
  auto put = [&out](uint32_t byte) { out += static_cast<char>(byte); };
  if (cp < kOneByte) {
    put(cp);
  } else if (cp < kTwoBytes) {
    put(kLead2 | (cp >> kShift1));
    put(kContinuation | (cp & kSixBits));
  } else if (cp < kThreeBytes) {
    put(kLead3 | (cp >> kShift2));
    put(kContinuation | ((cp >> kShift1) & kSixBits));
    put(kContinuation | (cp & kSixBits));
  } else {
    put(kLead4 | (cp >> kShift3));
    put(kContinuation | ((cp >> kShift2) & kSixBits));
    put(kContinuation | ((cp >> kShift1) & kSixBits));
    put(kContinuation | (cp & kSixBits));
  }
}

std::optional<std::string> decodeCharacterReference(std::string_view reference) {
  if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') return std::nullopt;
  const std::string_view body = reference.substr(1, reference.size() - 2);
  std::optional<uint32_t> cp;
  if (body.front() == '#') {
    cp = numeric(body.substr(1));
  } else {
    const auto* it = std::lower_bound(kNamed.begin(), kNamed.end(), body,
                                      [](const auto& entry, std::string_view name) { return entry.first < name; });
    if (it != kNamed.end() && it->first == body) cp = it->second;
  }
  if (!cp) return std::nullopt;
  std::string out;
  appendUtf8(out, *cp);
  return out;
}

}  // namespace galley::document
