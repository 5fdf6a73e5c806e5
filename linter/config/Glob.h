// Path globs for configuration: `files:` of overrides, rule-id patterns, and gitignore lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::config {

// Matches `path` (slash-separated, relative) against `pattern`: `*` is any run of characters
// except '/', `**` any run including '/' ("a/**" also matches "a" itself's contents at any depth,
// "**/b" matches "b" at any depth), `?` one character except '/', `[abc]`/`[a-z]`/`[!a]` one
// character of a class. Every other character matches itself. Rule ids use the same syntax
// ("un-style.*"), where '/' never occurs.
bool globMatch(std::string_view pattern, std::string_view path);

// One gitignore-syntax pattern, relative to the directory of the file that holds it.
struct IgnorePattern {
  std::string baseDir;   // absolute, normalised, no trailing '/'
  std::string glob;      // without the leading '!', the anchoring '/' or the trailing '/'
  bool negated = false;  // "!pattern": re-includes
  bool dirOnly = false;  // "pattern/": matches directories (and so everything under them)
  bool anchored = false; // contains a '/' before its end: matched from baseDir, else at any depth
};

// Parses gitignore text: blank lines and '#' comments skipped, trailing spaces trimmed.
std::vector<IgnorePattern> parseIgnoreLines(std::string_view text, const std::string& baseDir);
// One pattern line (as written in `ignore:`); nullopt-like empty glob for blanks is skipped by callers.
IgnorePattern parseIgnoreLine(std::string_view line, const std::string& baseDir);

// Whether `absolutePath` (a file; normalised) is ignored by `patterns`, read in order with later
// ones winning, as git does. A file under an ignored directory is ignored.
bool isIgnored(const std::vector<IgnorePattern>& patterns, std::string_view absolutePath);

}  // namespace galley::config
