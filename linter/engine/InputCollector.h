// Turns command-line paths into the ordered list of drafts to check.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/Error.h"

namespace galley::engine {

// One thing to check: a file, standard input, or a path that could not be used (with why).
struct Input {
  std::string path;                  // as the user wrote it, or joined under a walked directory
  bool isStdin = false;              // "-": read standard input; `path` is the display name
  std::optional<base::Error> error;  // set: report this instead of checking
};

// Extensions a directory walk picks up: ".md", ".markdown", ".txt".
bool isDraftExtension(const std::string& path);

// Expands `paths` in order. A file is taken whatever its extension (the user named it). A
// directory is walked recursively for draft extensions, sorted by path, skipping hidden entries
// (".git", ".cache", ...) and node_modules; symbolic links to directories are not followed, so
// link loops cannot hang the walk (links to files are followed). "-" is standard input, shown as
// `stdinName`. A missing or unreadable path becomes an Input with an error, in its place.
std::vector<Input> collectInputs(const std::vector<std::string>& paths, const std::string& stdinName);

}  // namespace galley::engine
