// FileText: the whole of a file, read one way everywhere (drafts through SourceBuffer, and what
// Galley reads for itself: rule packs, fact bases, lexicons, configurations, .gitignore files,
// cache entries).
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "base/Expected.h"

namespace galley::base {

// The file's bytes, or an error located at the file whose message says why in a few words ("No
// such file or directory", "is a directory", "not a regular file (a FIFO); not read", "read
// failed": Environment; over `maxBytes`: InvalidInput naming the limit and --max-file-size), for
// the caller to put after what the file was. Only regular files are opened: a FIFO would block
// until some writer came, a device might never end.
Expected<std::string> readFileText(const std::string& path,
                                   uint64_t maxBytes = std::numeric_limits<uint64_t>::max());

}  // namespace galley::base
