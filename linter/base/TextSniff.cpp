#include "base/TextSniff.h"

#include <array>

#include "base/SourceBuffer.h"

namespace galley::base {

namespace {

struct ByteOrderMark {
  std::string_view bytes;
  std::string_view encoding;
  std::string_view iconvName;
};

// UTF-32 first: its little-endian mark begins with UTF-16's.
constexpr std::array<ByteOrderMark, 4> kForeignMarks{{
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32 (little-endian)", "UTF-32"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32 (big-endian)", "UTF-32"},
    {std::string_view("\xFF\xFE", 2), "UTF-16 (little-endian)", "UTF-16"},
    {std::string_view("\xFE\xFF", 2), "UTF-16 (big-endian)", "UTF-16"},
}};

std::string hexBytes(std::string_view bytes) {
  static constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += kDigits[byte >> 4U];
    out += kDigits[byte & 0xFU];  // NOLINT(readability-magic-numbers): the low nibble
  }
  return out;
}

}  // namespace

std::optional<Error> sniffNonUtf8Draft(std::string_view bytes, const std::string& path, std::string_view noun) {
  for (const ByteOrderMark& mark : kForeignMarks) {
    if (bytes.substr(0, mark.bytes.size()) != mark.bytes) continue;
    return Error::invalidInput(std::string(mark.encoding) + " text (byte order mark " + hexBytes(mark.bytes) +
                                   "); Galley reads UTF-8 only: convert it first, e.g. `iconv -f " +
                                   std::string(mark.iconvName) + " -t UTF-8`",
                               Location{path, 1, 1});
  }
  const std::string_view sniff = bytes.substr(0, kBinarySniffBytes);
  const size_t nul = sniff.find('\0');
  if (nul == std::string_view::npos) return std::nullopt;
  const SourceBuffer probe(path, std::string(bytes.substr(0, nul + 1)));
  const LineColumn where = probe.lineColumn(static_cast<Offset>(nul));
  return Error::invalidInput("binary " + std::string(noun) + " (NUL byte); not a draft",
                             Location{path, where.line, where.column});
}

}  // namespace galley::base
