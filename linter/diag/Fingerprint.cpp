#include "diag/Fingerprint.h"

#include <algorithm>
#include <map>

#include <array>
#include <cstdio>

namespace galley::diag {

namespace {

constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr size_t kHexBuffer = 17;  // 16 hex digits and the NUL

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// `text` with runs of white space made one space and the ends trimmed.
std::string collapse(std::string_view text) {
  std::string out;
  bool pendingSpace = false;
  for (const char c : text) {
    if (isSpace(c)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += c;
  }
  return out;
}

// UTF-8 continuation bytes are 10xxxxxx.
constexpr unsigned kContinuationMask = 0xC0U;
constexpr unsigned kContinuationBits = 0x80U;

// Backs `offset` up to a UTF-8 sequence start so that context never splits a character.
size_t toCharStart(std::string_view text, size_t offset) {
  while (offset > 0 && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & kContinuationMask) == kContinuationBits)
    --offset;
  return offset;
}

}  // namespace

uint64_t fnv1a64(std::string_view bytes, uint64_t seed) {
  uint64_t hash = seed;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

std::string normalisedPath(std::string_view path) {
  std::string out(path);
  std::replace(out.begin(), out.end(), '\\', '/');
  while (out.starts_with("./")) out.erase(0, 2);
  return out;
}

std::string findingIdentity(std::string_view path, std::string_view text, const Diagnostic& diagnostic) {
  const size_t begin = std::min<size_t>(diagnostic.range.begin, text.size());
  const size_t end = std::clamp<size_t>(diagnostic.range.end, begin, text.size());
  const size_t lineStart = [&] {
    const size_t newline = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    return begin == 0 || newline == std::string_view::npos ? size_t{0} : newline + 1;
  }();
  const size_t lineEnd = std::min(text.find('\n', end), text.size());
  const size_t before = toCharStart(text, std::max(lineStart, begin >= kFingerprintContext ? begin - kFingerprintContext : 0));
  const size_t after = toCharStart(text, std::min(lineEnd, end + kFingerprintContext));
  std::string identity = diagnostic.ruleId;
  identity += '\0';
  identity += normalisedPath(path);
  identity += '\0';
  identity += collapse(text.substr(begin, end - begin));
  identity += '\0';
  identity += collapse(text.substr(before, begin - before));
  identity += '\0';
  identity += collapse(text.substr(end, after > end ? after - end : 0));
  return identity;
}

std::vector<std::string> fingerprints(std::string_view path, std::string_view text,
                                      const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  std::map<uint64_t, unsigned> seen;
  for (const Diagnostic& diagnostic : diagnostics) {
    uint64_t hash = fnv1a64(findingIdentity(path, text, diagnostic));
    const unsigned occurrence = seen[hash]++;
    if (occurrence > 0) hash = fnv1a64("#" + std::to_string(occurrence), hash);
    std::array<char, kHexBuffer> hex{};
    std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(hash));  // NOLINT(cppcoreguidelines-pro-type-vararg)
    out.emplace_back(hex.data());
  }
  return out;
}

}  // namespace galley::diag
