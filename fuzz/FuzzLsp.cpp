// Fuzz target: the language server on a raw byte stream: lsp::FrameReader splits it into messages
// (fed in small chunks, as a pipe delivers them), each goes to lsp::Server::handle, and the due
// lints run after every message, so sequences (open, change, code action, hover, close) are
// reached. The server must never crash or throw, and everything it sends must be a JSON-RPC
// message that frames and unframes to itself.
// Input: byte 0 chooses the set-up (bit 0: leave `initialize` to the input; bit 1: UTF-8 positions;
// bit 2: pull diagnostics; bits 3-7: chunk size), the rest is the stream.
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/Framing.h"
#include "lsp/Server.h"

namespace {

using nlohmann::json;
namespace lsp = galley::lsp;

// A small pack with fixes (substitution) and plain findings, so code actions and hovers have
// something to offer; the bundled packs would cost a second per server to load.
constexpr const char* kPack = R"(rules:
  - id: spaced-title
    kind: substitution
    severity: error
    message: "Write '{expected}', not '{found}'"
    swap:
      Under-Secretary General: Under-Secretary-General
      Secretary General: Secretary-General
  - id: avoid
    kind: existence
    severity: warning
    message: "avoid '{found}'"
    tokens: [alpha, naïve, "ünïcödé"]
)";

const std::string& packDir() {
  static const std::string dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "galley-fuzz-lsp-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    const std::filesystem::path pack = std::filesystem::path(pattern) / "fuzz";
    std::filesystem::create_directories(pack);
    std::ofstream(pack / "rules.yaml", std::ios::binary) << kPack;
    return pack.string();
  }();
  return dir;
}

void require(bool condition) {
  if (!condition) std::abort();
}

// What StdioLoop does with a message, plus the checks a client relies on.
void checkSent(const std::string& body) {
  const json message = json::parse(body, nullptr, false);
  require(!message.is_discarded());
  require(message.is_object() && message.value("jsonrpc", "") == "2.0");
  const bool response = message.contains("id") && !message.contains("method");
  if (response) require(message.contains("result") != message.contains("error"));
  else require(message.contains("method") && message["method"].is_string());
  lsp::FrameReader reader;
  reader.append(lsp::encodeFrame(body));
  const auto frame = reader.next();
  require(frame && frame->problem.empty() && frame->body == body && reader.pending() == 0);
}

std::string initializeMessage(bool utf8, bool pull) {
  json capabilities = json::object();
  if (utf8) capabilities["general"]["positionEncodings"] = {"utf-8", "utf-16"};
  if (pull) capabilities["textDocument"]["diagnostic"] = json::object();
  return json{{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", {{"capabilities", capabilities}}}}.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const unsigned control = data[0];
  const std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)

  lsp::ServerOptions options;
  options.useBundledRules = false;
  options.ruleDirs = {packDir()};
  options.debounce = std::chrono::milliseconds(0);
  lsp::Server server(options, checkSent, [](const std::string& /*line*/) {});
  if ((control & 1U) == 0) server.handle(initializeMessage((control & 2U) != 0, (control & 4U) != 0));

  lsp::FrameReader reader;
  const size_t chunk = (control >> 3U) + 1;
  for (size_t at = 0; at < stream.size() && !server.exited(); at += chunk) {
    reader.append(stream.substr(at, chunk));
    while (auto frame = reader.next()) {
      require(frame->problem.empty() || frame->body.empty());
      if (!frame->problem.empty()) continue;
      server.handle(frame->body);
      if (server.exited()) break;
      // Due lints run between messages, as the stdio loop runs them between reads.
      server.runDue(lsp::Clock::time_point::max());
    }
  }
  server.runDue(lsp::Clock::time_point::max());
  require(!server.nextDeadline().has_value());
  return 0;
}
