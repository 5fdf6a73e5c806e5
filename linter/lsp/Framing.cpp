#include "lsp/Framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace galley::lsp {

namespace {

constexpr std::string_view kHeaderEnd = "\r\n\r\n";
constexpr std::string_view kLengthField = "content-length";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Where the next header block that names a Content-Length may start, after `from`.
size_t nextHeaderStart(const std::string& buffer, size_t from) {
  const std::string lowered = lower(buffer);
  const size_t at = lowered.find(kLengthField, from);
  return at == std::string::npos ? buffer.size() : at;
}

}  // namespace

std::optional<Frame> FrameReader::next() {
  const size_t end = buffer_.find(kHeaderEnd);
  if (end == std::string::npos) {
    // A header block never grows this large: garbage without a blank line is dropped.
    if (buffer_.size() > kMaxBody) {
      buffer_.clear();
      return Frame{"", "over 64 MiB without a complete header; input dropped"};
    }
    return std::nullopt;
  }
  std::optional<size_t> length;
  std::string problem;
  for (size_t start = 0; start < end;) {
    size_t stop = buffer_.find("\r\n", start);
    if (stop == std::string::npos || stop > end) stop = end;
    const std::string_view line(buffer_.data() + start, stop - start);
    start = stop + 2;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "header line without a colon";
      break;
    }
    if (lower(trim(line.substr(0, colon))) != kLengthField) continue;  // Content-Type and others
    const std::string_view value = trim(line.substr(colon + 1));
    size_t parsed = 0;
    const auto [ptr, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error != std::errc() || ptr != value.data() + value.size() || value.empty()) {
      problem = "Content-Length is not a number";
      break;
    }
    length = parsed;
  }
  if (problem.empty() && !length) problem = "no Content-Length header";
  if (problem.empty() && *length > kMaxBody) problem = "Content-Length over 64 MiB";
  if (!problem.empty()) {
    // Skip this header block and resynchronise on the next Content-Length.
    buffer_.erase(0, nextHeaderStart(buffer_, end + kHeaderEnd.size()));
    return Frame{"", problem + "; message skipped"};
  }
  const size_t bodyStart = end + kHeaderEnd.size();
  if (buffer_.size() - bodyStart < *length) return std::nullopt;
  Frame frame{buffer_.substr(bodyStart, *length), ""};
  buffer_.erase(0, bodyStart + *length);
  return frame;
}

std::string encodeFrame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

}  // namespace galley::lsp
