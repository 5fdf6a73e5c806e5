#include "lsp/StdioLoop.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cerrno>
#include <string>

#include "lsp/Framing.h"

namespace galley::lsp {

namespace {

constexpr size_t kReadChunk = size_t{64} << 10U;

void writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
    if (wrote < 0) {
      if (errno == EINTR) continue;
      return;  // the client is gone; the read side will see the end of input
    }
    bytes.remove_prefix(static_cast<size_t>(wrote));
  }
}

}  // namespace

int runStdioLoop(const ServerOptions& options, int inFd, int outFd, int logFd) {
  auto log = [logFd](const std::string& line) { writeAll(logFd, line + "\n"); };
  Server server(
      options, [outFd](const std::string& message) { writeAll(outFd, encodeFrame(message)); },
      log);
  FrameReader reader;
  std::array<char, kReadChunk> chunk{};
  while (!server.exited()) {
    int timeout = -1;
    if (const auto deadline = server.nextDeadline()) {
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
      timeout = static_cast<int>(std::max<int64_t>(0, wait));
    }
    pollfd input{inFd, POLLIN, 0};
    const int ready = ::poll(&input, 1, timeout);
    if (ready < 0 && errno != EINTR) return 1;
    if (ready <= 0) {
      server.runDue(Clock::now());
      continue;
    }
    const ssize_t got = ::read(inFd, chunk.data(), chunk.size());
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got <= 0) {
      if (reader.pending() > 0) log("galley lsp: input ended inside a message (" + std::to_string(reader.pending()) + " bytes dropped)");
      return 1;
    }
    reader.append(std::string_view(chunk.data(), static_cast<size_t>(got)));
    while (auto frame = reader.next()) {
      if (!frame->problem.empty()) {
        log("galley lsp: " + frame->problem);
        continue;
      }
      server.handle(frame->body);
      if (server.exited()) break;
    }
    // Changes that arrived in a burst were all applied above; lint what is due now.
    server.runDue(Clock::now());
  }
  return server.exitCode();
}

}  // namespace galley::lsp
