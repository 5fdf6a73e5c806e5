// Language-server latency through the real message loop: `galley lsp`'s stdio loop runs on a
// thread over two pipes; this driver plays the editor. It opens a ~20 KB draft (the repository's
// fixtures joined), then makes one-character edits (typing a letter, then deleting it), each an
// incremental didChange, and times from writing the edit to receiving the frame of the
// publishDiagnostics that carries the edit's version (found in the frame's text; the driver parses
// the JSON after the clock stops, as that is the editor's work, not the server's). Two figures per
// edit: wall clock, and the CPU time of the server's thread alone. Debounce is 0
// (initializationOptions) so the figure is the server's own work; an editor's default adds the
// 20 ms debounce on top.
// Usage (from the repository root): build/bench/LspLatencyBench [EDITS]   Default: 300 edits.
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <functional>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/Framing.h"
#include "lsp/StdioLoop.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr size_t kDraftBytes = 20 * 1024;
constexpr int kDefaultEdits = 300;
constexpr double kPercentile99 = 0.99;

std::string draftText() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("fixtures"))
    if (entry.path().extension() == ".md" && entry.path().filename().string().find(".fixed.") == std::string::npos)
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string text = "# A long draft\n\n";
  while (text.size() < kDraftBytes && !files.empty()) {
    for (const auto& file : files) {
      std::ifstream in(file);
      std::stringstream body;
      body << in.rdbuf();
      std::string part = body.str();
      if (part.starts_with("---")) part = part.substr(std::min(part.size(), part.find("\n---", 3) + 4));  // front matter
      text += part + "\n";
      if (text.size() >= kDraftBytes) break;
    }
  }
  return text;
}

double cpuMillis(clockid_t clock) {
  timespec now{};
  ::clock_gettime(clock, &now);
  constexpr double kMillisPerSecond = 1000.0;
  constexpr double kNanosPerMilli = 1e6;
  return static_cast<double>(now.tv_sec) * kMillisPerSecond + static_cast<double>(now.tv_nsec) / kNanosPerMilli;
}

void writeFrame(int fd, const json& message) {
  const std::string frame = galley::lsp::encodeFrame(message.dump());
  if (::write(fd, frame.data(), frame.size()) != static_cast<ssize_t>(frame.size())) std::perror("write");
}

// Reads frames from `fd` until one whose body satisfies `done`; returns that body ("" at the end).
std::string readUntil(int fd, galley::lsp::FrameReader& reader, const std::function<bool(std::string_view)>& done) {
  std::vector<char> chunk(size_t{1} << 16U);
  while (true) {
    while (auto frame = reader.next()) {
      if (!frame->problem.empty()) continue;
      if (done(frame->body)) return frame->body;
    }
    const ssize_t got = ::read(fd, chunk.data(), chunk.size());
    if (got <= 0) return "";
    reader.append(std::string_view(chunk.data(), static_cast<size_t>(got)));
  }
}

bool isPublish(std::string_view body) { return body.find(R"("method":"textDocument/publishDiagnostics")") != std::string_view::npos; }

}  // namespace

int main(int argc, char** argv) {
  const int edits = argc > 1 ? std::max(1, std::atoi(argv[1])) : kDefaultEdits;  // NOLINT(cert-err34-c)
  std::array<int, 2> toServer{};
  std::array<int, 2> fromServer{};
  if (::pipe(toServer.data()) != 0 || ::pipe(fromServer.data()) != 0) return 1;
  std::thread server([&] {
    galley::lsp::runStdioLoop(galley::lsp::ServerOptions{}, toServer[0], fromServer[1], STDERR_FILENO);
    ::close(fromServer[1]);
  });
  galley::lsp::FrameReader reader;
  const std::string text = draftText();
  const std::string uri = "file:///bench/draft.md";
  writeFrame(toServer[1], {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                           {"params", {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 0}}}}}});
  readUntil(fromServer[0], reader, [](std::string_view body) { return json::parse(body).value("id", 0) == 1; });
  writeFrame(toServer[1], {{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  writeFrame(toServer[1], {{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                           {"params", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}}});
  const json first = json::parse(readUntil(fromServer[0], reader, isPublish));
  const size_t findings = first["params"]["diagnostics"].size();
  // Edit in the middle of the draft, on line 40: type "x" at column 0, then delete it.
  std::vector<double> millis;
  std::vector<double> serverCpuMillis;  // CPU time of the server's thread
  clockid_t serverClock{};
  if (::pthread_getcpuclockid(server.native_handle(), &serverClock) != 0) return 1;
  for (int i = 0; i < edits; ++i) {
    const int version = i + 2;
    const bool insert = i % 2 == 0;
    const json range = {{"start", {{"line", 40}, {"character", 0}}}, {"end", {{"line", 40}, {"character", insert ? 0 : 1}}}};
    const auto start = Clock::now();
    const double cpuStart = cpuMillis(serverClock);
    json change = {{"range", range}, {"text", insert ? "x" : ""}};
    json params = {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", json::array({change})}};
    writeFrame(toServer[1], {{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", params}});
    const std::string versionKey = "\"version\":" + std::to_string(version) + ",";
    const std::string body = readUntil(fromServer[0], reader, [&](std::string_view frame) {
      return isPublish(frame) && frame.find(versionKey) != std::string_view::npos;
    });
    millis.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    serverCpuMillis.push_back(cpuMillis(serverClock) - cpuStart);
    if (json::parse(body)["params"].value("version", 0) != version) return 1;  // the frame was the edit's
  }
  writeFrame(toServer[1], {{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
  writeFrame(toServer[1], {{"jsonrpc", "2.0"}, {"method", "exit"}});
  server.join();
  std::printf("draft: %zu bytes, %zu findings; %d one-character edits\n", text.size(), findings, edits);
  for (auto* series : {&millis, &serverCpuMillis}) {
    std::sort(series->begin(), series->end());
    const double median = (*series)[series->size() / 2];
    const double p99 = (*series)[std::min(series->size() - 1, static_cast<size_t>(kPercentile99 * static_cast<double>(series->size())))];
    std::printf("edit -> new diagnostics, %s: median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                series == &millis ? "wall clock        " : "server thread CPU ", median, p99, series->back());
  }
  return 0;
}
