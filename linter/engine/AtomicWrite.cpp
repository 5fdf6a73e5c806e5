#include "engine/AtomicWrite.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include <fmt/format.h>

namespace galley::engine {

namespace {

constexpr mode_t kAnyWrite = S_IWUSR | S_IWGRP | S_IWOTH;
constexpr mode_t kPermissionBits = 07777;

base::Error failure(const std::string& path, const std::string& what) {
  return base::Error::environment(what, base::Location{path, 0, 0});
}

std::string errnoText() {
  return std::strerror(errno);  // NOLINT(concurrency-mt-unsafe): message read right away
}

// Closes a descriptor and removes a temporary file unless released.
class TempFile {
 public:
  TempFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  TempFile(TempFile&&) = delete;
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!kept_) ::unlink(path_.c_str());
  }
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  // Closes the descriptor; false on a write-back error.
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }
  void keep() { kept_ = true; }

 private:
  int fd_;
  std::string path_;
  bool kept_ = false;
};

bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
    if (wrote < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(wrote));
  }
  return true;
}

std::optional<std::string> readWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace

std::optional<base::Error> replaceFileAtomically(const std::string& path, std::string_view expected,
                                                 std::string_view bytes, const AtomicWriteOptions& options) {
  struct stat fileStat {};
  if (::stat(path.c_str(), &fileStat) != 0) return failure(path, "cannot write the fixed file: " + errnoText());
  if (!S_ISREG(fileStat.st_mode)) return failure(path, "cannot write the fixed file: not a regular file");
  // Write bits are honoured even for a user (root) the kernel would let through.
  if ((fileStat.st_mode & kAnyWrite) == 0) return failure(path, "cannot write the fixed file: the file is read-only");
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  struct stat folderStat {};
  if (::stat(folder.c_str(), &folderStat) != 0 || (folderStat.st_mode & kAnyWrite) == 0 ||
      ::access(folder.c_str(), W_OK) != 0)
    return failure(path, "cannot write the fixed file: its folder is read-only");

  const auto current = readWhole(path);
  if (!current) return failure(path, "cannot re-read the file before writing: " + errnoText());
  if (*current != expected) return failure(path, "the file changed since it was read; not written (run again)");

  std::string pattern = (folder / ("." + std::filesystem::path(path).filename().string() + ".galley-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return failure(path, "cannot create a temporary file beside it: " + errnoText());
  TempFile temp(fd, std::string(name.data()));
  if (::fchmod(temp.fd(), fileStat.st_mode & kPermissionBits) != 0)
    return failure(path, "cannot set the temporary file's mode: " + errnoText());
  if (!writeAll(temp.fd(), bytes)) return failure(path, "cannot write the temporary file: " + errnoText());
  if (::fsync(temp.fd()) != 0) return failure(path, "cannot sync the temporary file: " + errnoText());
  if (!temp.close()) return failure(path, "cannot close the temporary file: " + errnoText());
  if (options.beforeRename) {
    if (auto error = options.beforeRename(temp.path())) return error;
  }
  if (::rename(temp.path().c_str(), path.c_str()) != 0)
    return failure(path, "cannot replace the file: " + errnoText());
  temp.keep();
  // The rename is durable once the folder's entry is on disk; failing to sync it loses nothing now.
  if (const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
  return std::nullopt;
}

}  // namespace galley::engine
