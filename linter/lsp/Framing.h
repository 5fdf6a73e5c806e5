// JSON-RPC base protocol framing: "Content-Length: N\r\n\r\n" headers before each JSON body.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace galley::lsp {

// One result of FrameReader::next(): a complete body, or a framing problem to log.
struct Frame {
  std::string body;     // the JSON text (when `problem` is empty)
  std::string problem;  // a header the reader could not use, and what it skipped
};

// Splits a byte stream into message bodies. Bytes are appended as they arrive; next() returns a
// frame as soon as one is complete. A bad header (no Content-Length, a non-numeric or absurd
// length, a line without a colon) is reported as a problem and skipped up to the next
// "Content-Length:" so that one broken message does not take the rest down.
// Not thread-safe.
class FrameReader {
 public:
  // Bodies above this size are refused (skipped) as a problem. Default: 64 MiB.
  static constexpr size_t kMaxBody = size_t{64} << 20U;

  void append(std::string_view bytes) { buffer_.append(bytes); }
  // The next complete frame or problem; nullopt when more bytes are needed.
  std::optional<Frame> next();
  // Bytes received but not yet part of a complete frame (a truncated message at end of input).
  [[nodiscard]] size_t pending() const { return buffer_.size(); }

 private:
  std::string buffer_;
};

// `body` with its header: "Content-Length: <bytes>\r\n\r\n<body>".
std::string encodeFrame(std::string_view body);

}  // namespace galley::lsp
