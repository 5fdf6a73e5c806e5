// Replacing a file's contents atomically: a temporary file beside it, fsync, rename.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/Error.h"
#include "base/Expected.h"

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

// A file written whole or not at all, for output that has no earlier version to compare with (a
// --write-baseline file, a report's --output): bytes streamed to stream() go to a temporary file
// beside `path`, which commit() syncs and renames over it. Until commit() succeeds, `path` keeps
// its old contents (or stays absent); a writer dropped uncommitted removes its temporary file.
// A target that exists but is not a regular file (/dev/stdout, /dev/full, a FIFO) cannot be
// replaced: it is written directly, and commit() reports whether every byte got there.
// Errors are Environment errors naming `path` (and what it is, e.g. "baseline file").
// Not thread-safe: one writer per thread.
class AtomicFileWriter {
 public:
  // Refuses (before anything is written) a read-only file, a read-only or missing folder, or a
  // folder where no temporary file can be made.
  static base::Expected<std::unique_ptr<AtomicFileWriter>> open(const std::string& path, std::string what);

  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  AtomicFileWriter(AtomicFileWriter&&) = delete;
  AtomicFileWriter& operator=(AtomicFileWriter&&) = delete;
  ~AtomicFileWriter();

  std::ostream& stream() { return out_; }
  // Flushes, syncs and renames the temporary file over `path`. nullopt on success.
  [[nodiscard]] std::optional<base::Error> commit(const AtomicWriteOptions& options = {});

 private:
  class Buffer;  // a streambuf over the descriptor that remembers the errno of a failed write

  AtomicFileWriter(std::string path, std::string what, int fd, std::string temp, unsigned mode);
  [[nodiscard]] base::Error failure(const std::string& why) const;

  std::string path_;
  std::string what_;
  int fd_;
  std::string temp_;  // empty: writing `path` itself (not a regular file)
  unsigned mode_;     // permission bits the file ends with
  std::unique_ptr<Buffer> buffer_;
  std::ostream out_;
  bool done_ = false;
};

// Writes `bytes` to `path` through an AtomicFileWriter.
std::optional<base::Error> writeFileAtomically(const std::string& path, std::string_view bytes, const std::string& what,
                                               const AtomicWriteOptions& options = {});

}  // namespace galley::engine
