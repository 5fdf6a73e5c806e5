// PathGuard: the one place that turns a path sent by the review page into a file of the served folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace galley::serve {

// Why a requested path was refused.
enum class PathProblem {
  None,       // the path names a draft inside the folder
  Outside,    // absolute, "..", a hidden component, or a symbolic link leading out of the folder
  NotADraft,  // not a .md, .markdown or .txt file name, or not a regular file
  Missing,    // well formed and inside, but no such file
};

// The outcome of PathGuard::resolve: the canonical file path when `problem` is None.
struct ResolvedPath {
  std::filesystem::path file;
  PathProblem problem = PathProblem::None;
  std::string message;  // for the client, when refused
};

// Confines reads and writes to one folder. A requested path must be relative, written with '/',
// free of "." and ".." components and of hidden names (".git"), end in a draft extension, and its
// canonical form (every symbolic link resolved) must still lie inside the canonical folder.
// Thread safety: const methods may be called from many threads.
class PathGuard {
 public:
  // REQUIRES: `folder` exists (the caller checked); it is canonicalised here, once.
  explicit PathGuard(const std::filesystem::path& folder);

  // Resolves `requested` (relative to the folder) to an existing regular draft file inside it.
  [[nodiscard]] ResolvedPath resolve(std::string_view requested) const;

  // Every draft under the folder (recursively, as `galley check FOLDER` walks it), as sorted
  // '/'-separated paths relative to it. Files whose canonical path leaves the folder are left out.
  [[nodiscard]] std::vector<std::string> drafts() const;

  [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }

 private:
  [[nodiscard]] bool inside(const std::filesystem::path& canonical) const;

  std::filesystem::path folder_;  // canonical
};

}  // namespace galley::serve
