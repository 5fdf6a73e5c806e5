#include "engine/InputCollector.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace galley::engine {

namespace fs = std::filesystem;

namespace {

bool isSkippedName(const std::string& name) { return (!name.empty() && name[0] == '.') || name == "node_modules"; }

void walkDirectory(const std::string& root, std::vector<Input>& out) {
  std::vector<std::string> found;
  std::vector<Input> unusable;  // draft-named paths (and folders) that cannot be read, with why
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) {
    out.push_back({root, false, base::Error::environment(error.message(), base::Location{root, 0, 0})});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) break;
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    std::error_code statusError;
    if (isSkippedName(name)) {
      if (entry.is_directory(statusError) && !entry.is_symlink(statusError)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_directory(statusError)) {
      // skip_permission_denied would drop an unreadable folder silently: say so instead.
      if (!entry.is_symlink(statusError) && ::access(entry.path().c_str(), R_OK | X_OK) != 0) {
        unusable.push_back({entry.path().string(), false,
                            base::Error::environment(std::strerror(errno) + std::string(" (folder not walked)"),
                                                     base::Location{entry.path().string(), 0, 0})});
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!isDraftExtension(name)) continue;
    // A draft-named link that loops or dangles is reported; FIFOs, sockets and devices are skipped
    // (they are not drafts, and opening a FIFO would block the walk).
    if (entry.is_regular_file(statusError)) {
      found.push_back(entry.path().string());
    } else if (statusError) {
      unusable.push_back({entry.path().string(), false,
                          base::Error::environment(statusError.message(), base::Location{entry.path().string(), 0, 0})});
    }
  }
  if (error) out.push_back({root, false, base::Error::environment(error.message(), base::Location{root, 0, 0})});
  for (Input& input : unusable) found.push_back(input.path);
  std::sort(found.begin(), found.end());
  std::sort(unusable.begin(), unusable.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  for (std::string& path : found) {
    const auto bad = std::lower_bound(unusable.begin(), unusable.end(), path,
                                      [](const Input& input, const std::string& p) { return input.path < p; });
    if (bad != unusable.end() && bad->path == path) {
      out.push_back(std::move(*bad));
    } else {
      out.push_back({std::move(path), false, std::nullopt});
    }
  }
}

}  // namespace

bool isDraftExtension(const std::string& path) {
  const std::string extension = fs::path(path).extension().string();
  return extension == ".md" || extension == ".markdown" || extension == ".txt";
}

std::vector<Input> collectInputs(const std::vector<std::string>& paths, const std::string& stdinName) {
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({stdinName, true, std::nullopt});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      const std::string why = error ? error.message() : "no such file or directory";
      inputs.push_back({path, false, base::Error::environment(why, base::Location{path, 0, 0})});
    } else if (fs::is_directory(status)) {
      walkDirectory(path, inputs);
    } else {
      inputs.push_back({path, false, std::nullopt});
    }
  }
  return inputs;
}

}  // namespace galley::engine
