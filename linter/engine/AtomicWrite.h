// Replacing a file's contents atomically: a temporary file beside it, fsync, rename.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/Error.h"

namespace galley::engine {

// How replaceFileAtomically behaves around the rename.
struct AtomicWriteOptions {
  // Called after the temporary file is written and synced, just before the rename; returning an
  // error aborts the write (the temporary file is removed, the original untouched). Tests use it
  // to inject a failure at the last moment. Default: none.
  std::function<std::optional<base::Error>(const std::string& tempPath)> beforeRename;
};

// Replaces the contents of the regular file `path` with `bytes`, provided it still holds exactly
// `expected` (what the caller read); the file keeps its permission bits. The new contents go to a
// temporary file in the same folder, which is synced and renamed over `path`, then the folder is
// synced: a crash leaves either the old file or the new one, never a mix.
// Returns nullopt on success. Fails (Environment, naming `path`) when the file is missing, not a
// regular file, read-only (no write bit), in a read-only folder, changed since it was read, or on
// any I/O error; the original is then untouched and no temporary file is left behind.
// FIXME(race): the "changed since read" test and the rename are two steps; a writer slipping in
// between loses its change. Editors that save by rename make this window tiny.
std::optional<base::Error> replaceFileAtomically(const std::string& path, std::string_view expected,
                                                 std::string_view bytes, const AtomicWriteOptions& options = {});

}  // namespace galley::engine
