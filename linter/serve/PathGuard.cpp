#include "serve/PathGuard.h"

#include <algorithm>
#include <system_error>

#include "engine/InputCollector.h"

namespace galley::serve {

namespace fs = std::filesystem;

namespace {

// Long enough for any sensible tree, short enough to refuse junk before touching the disk.
constexpr size_t kMaxPathBytes = 1024;

ResolvedPath refuse(PathProblem problem, std::string message) { return {{}, problem, std::move(message)}; }

}  // namespace

PathGuard::PathGuard(const fs::path& folder) {
  std::error_code error;
  folder_ = fs::canonical(folder, error);
  if (error) folder_ = fs::absolute(folder).lexically_normal();
}

bool PathGuard::inside(const fs::path& canonical) const {
  // Component by component, so "/srv/drafts-old" is not inside "/srv/drafts".
  const auto [folderEnd, pathAt] = std::mismatch(folder_.begin(), folder_.end(), canonical.begin(), canonical.end());
  return folderEnd == folder_.end() && pathAt != canonical.end();
}

ResolvedPath PathGuard::resolve(std::string_view requested) const {
  if (requested.empty()) return refuse(PathProblem::NotADraft, "no path given");
  if (requested.size() > kMaxPathBytes) return refuse(PathProblem::Outside, "path too long");
  if (requested.front() == '/' || requested.find('\\') != std::string_view::npos ||
      requested.find('\0') != std::string_view::npos)
    return refuse(PathProblem::Outside, "only paths relative to the served folder, with '/', are allowed");
  const fs::path relative{std::string(requested)};
  for (const fs::path& part : relative) {
    const std::string name = part.string();
    if (name.empty() || name.front() == '.')
      return refuse(PathProblem::Outside, "'.', '..' and hidden names are not allowed in paths");
  }
  if (!engine::isDraftExtension(relative.string()))
    return refuse(PathProblem::NotADraft, "only drafts (.md, .markdown, .txt) can be opened");
  std::error_code error;
  const fs::path canonical = fs::canonical(folder_ / relative, error);
  if (error) return refuse(PathProblem::Missing, "no such draft in the served folder");
  if (!inside(canonical)) return refuse(PathProblem::Outside, "the path leads out of the served folder");
  if (!fs::is_regular_file(canonical, error)) return refuse(PathProblem::NotADraft, "not a regular file");
  return {canonical, PathProblem::None, {}};
}

std::vector<std::string> PathGuard::drafts() const {
  std::vector<std::string> out;
  for (const engine::Input& input : engine::collectInputs({folder_.string()}, "")) {
    if (input.error || input.isStdin) continue;
    const std::string relative = fs::path(input.path).lexically_relative(folder_).generic_string();
    if (resolve(relative).problem == PathProblem::None) out.push_back(relative);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace galley::serve
