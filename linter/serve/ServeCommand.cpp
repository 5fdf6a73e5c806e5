#include "serve/ServeCommand.h"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "engine/RuleLoading.h"
#include "serve/PathGuard.h"
#include "serve/ReviewApi.h"
#include "serve/ReviewServer.h"
#include "tools/ArgParser.h"
#include "tools/ProjectSetup.h"

namespace galley::serve {

using tools::configOptions;
using tools::formatOptions;
using tools::OptionSpec;
using tools::parseArgs;
using tools::setUpProject;

namespace {

constexpr int kExitUsage = 2;
constexpr int kMaxPort = 65535;

int usageError(const std::string& message) {
  std::cerr << "galley serve: " << message << "\nTry 'galley serve --help'.\n";
  return kExitUsage;
}

const std::vector<OptionSpec>& serveOptions() {
  static const std::vector<OptionSpec> kAll = [] {
    std::vector<OptionSpec> all = {
        {"--host", "ADDRESS", "listen on ADDRESS instead of 127.0.0.1 (exposes the folder; warns)", false},
        {"--port", "N", "listen on port N; default: a free port, printed", false},
        {"--rules", "DIR", "add a rule pack (or a directory of packs); repeatable", true},
        {"--no-default-rules", "", "do not load the bundled packs", false},
    };
    all.insert(all.end(), configOptions().begin(), configOptions().end());
    return all;
  }();
  return kAll;
}

std::string serveHelp() {
  return "Usage: galley serve [OPTIONS] [FOLDER]\n"
         "\n"
         "Starts the review page for FOLDER (default: the current folder) on this computer only\n"
         "and prints its address. Open it in a browser to paste a draft or open one of the\n"
         "folder's drafts, see the findings underlined, apply safe fixes, download the result or\n"
         "save it back to the folder (after seeing the changes). Only files inside FOLDER can be\n"
         "read or written. Stop it with Ctrl+C.\n"
         "\n"
         "Options:\n" +
         formatOptions(serveOptions()) +
         "\n"
         "Exit status: 0 after Ctrl+C, 2 on a usage or configuration error or when the address\n"
         "cannot be used.\n";
}

// Waits for SIGINT or SIGTERM on a thread of its own (blocked in every other thread), then stops
// the server: no work in a signal handler.
std::thread stopOnSignal(ReviewServer& server, std::atomic<bool>& signalled) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return std::thread([signals, &server, &signalled] {
    int received = 0;
    sigwait(&signals, &received);
    signalled = true;
    server.stop();
  });
}

}  // namespace

int runServeCommand(const std::vector<std::string>& args) {
  auto parsed = parseArgs(args, serveOptions());
  if (!parsed) return usageError(parsed.error().message());
  if (parsed->has("--help")) {
    std::cout << serveHelp();
    return 0;
  }
  if (parsed->operands.size() > 1) return usageError("takes one folder at most");
  const std::string folder = parsed->operands.empty() ? "." : parsed->operands.front();
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) return usageError(fmt::format("'{}' is not a folder", folder));

  ListenOptions listen;
  if (const auto host = parsed->last("--host")) {
    listen.host = *host;
    if (*host != "127.0.0.1" && *host != "localhost" && *host != "::1")
      std::cerr << fmt::format(
          "galley serve: warning: listening on {}: other machines that can reach it may read and change the "
          "drafts in '{}'\n",
          *host, folder);
  }
  if (const auto port = parsed->last("--port")) {
    try {
      size_t used = 0;
      listen.port = std::stoi(*port, &used);
      if (used != port->size() || listen.port < 0 || listen.port > kMaxPort) throw std::out_of_range("port");
    } catch (const std::exception&) {
      return usageError(fmt::format("--port must be a number from 0 to {}, not '{}'", kMaxPort, *port));
    }
  }

  const auto setup = setUpProject(*parsed, {folder}, "<stdin>", std::cerr);
  if (!setup) return kExitUsage;
  engine::EngineOptions engineOptions;
  engineOptions.jobs = 1;
  engineOptions.maxFileSize = kMaxRequestBody;
  engineOptions.settingsFor = [&setup](const std::string& path) { return setup->resolver->settingsFor(path, *setup->rules); };
  const engine::Engine linter(engine::hooksFor(*setup->rules), engineOptions);
  const PathGuard guard(folder);
  const ReviewApi api(linter, *setup->rules, guard);
  ReviewServer server(api);
  const auto port = server.bind(listen);
  if (!port) {
    std::cerr << "galley serve: error: " << port.error().message() << '\n';
    return kExitUsage;
  }
  const std::string shownHost = listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
  std::cout << fmt::format("Galley review page for {}: http://{}:{}/", guard.folder().filename().string(), shownHost, *port)
            << std::endl;  // flushed: scripts and tests read the address from the first line
  std::atomic<bool> signalled{false};
  std::thread watcher = stopOnSignal(server, signalled);
  server.run();
  // The server stopped by itself (it could not listen): wake the watcher so it can be joined.
  if (!signalled) ::kill(::getpid(), SIGTERM);  // process-directed: only the watcher takes it
  watcher.join();
  return 0;
}

int runServeMain(int argc, char** argv) {
  const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
  return runServeCommand(args);
}

}  // namespace galley::serve
