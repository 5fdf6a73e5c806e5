#include "tools/ServeCommand.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace galley::tools {

namespace {
constexpr int kExitUsage = 2;
constexpr std::string_view kProgram = "galley-serve";
}  // namespace

// The review page links an HTTP library that brings TLS with it; every other command would load
// both for nothing, so the page is a program of its own (serve/ServeCommand.h).
int runServeCommand(const std::vector<std::string>& args) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::filesystem::path program = self.parent_path() / kProgram;
  std::vector<std::string> words{program.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  if (!error) ::execv(program.c_str(), argv.data());
  const std::string reason = error ? error.message() : std::strerror(errno);
  std::cerr << "galley serve: cannot run the review page's program '" << program.string() << "': " << reason
            << "\n(it is built and installed with galley, in the same folder)\n";
  return kExitUsage;
}

}  // namespace galley::tools
