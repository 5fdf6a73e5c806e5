#include "engine/BundledPaths.h"

#include <filesystem>
#include <system_error>

namespace galley::engine {

namespace fs = std::filesystem;

namespace {

// `<dir of the binary>/../share/galley/<name>`, else `<source>/<name>`.
std::optional<std::string> locate(const std::string& name, const fs::path& sourceDir) {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path installed = self.parent_path().parent_path() / "share" / "galley" / name;
    if (fs::is_directory(installed, error)) return installed.string();
  }
  if (fs::is_directory(sourceDir, error)) return sourceDir.string();
  return std::nullopt;
}

}  // namespace

std::optional<std::string> bundledRulesDir() { return locate("rules", fs::path(GALLEY_SOURCE_RULES_DIR)); }

std::optional<std::string> bundledFixturesDir() {
  return locate("fixtures", fs::path(GALLEY_SOURCE_RULES_DIR).parent_path() / "fixtures");
}

}  // namespace galley::engine
