// Running the galley binary from tests: a scratch directory and a run with captured output.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace galley::testing {

// What a run of the binary produced.
struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

// A fresh directory under the system temp dir, removed with everything in it at destruction.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "galley-cfg-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to `relative` (directories created) and returns the full path.
  std::string write(const std::string& relative, const std::string& bytes) const {
    const auto full = path_ / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << bytes;
    return full.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string shellQuote(const std::string& arg) {
  std::string out = "'";
  for (const char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs GALLEY_BINARY with `args` in `workDir` (NO_COLOR set, stdin empty), killed after 120 s.
inline RunResult runBinary(const std::vector<std::string>& args, const std::filesystem::path& workDir) {
  const ScratchDir io;
  const std::string out = (io.path() / "stdout").string();
  const std::string err = (io.path() / "stderr").string();
  std::string command = "cd " + shellQuote(workDir.string()) + " && NO_COLOR=1 timeout 120 " + shellQuote(GALLEY_BINARY);
  for (const std::string& arg : args) command += " " + shellQuote(arg);
  command += " </dev/null >" + shellQuote(out) + " 2>" + shellQuote(err);
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the test runs its own binary
  RunResult result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readAll(out);
  result.err = readAll(err);
  return result;
}

}  // namespace galley::testing
