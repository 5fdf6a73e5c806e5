#include "engine/AtomicWrite.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <streambuf>
#include <vector>

#include <fmt/format.h>

namespace galley::engine {

namespace {

constexpr mode_t kAnyWrite = S_IWUSR | S_IWGRP | S_IWOTH;
constexpr mode_t kPermissionBits = 07777;
constexpr mode_t kNewFileMode = 0666;  // before the umask, as open(2) would create it

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

std::filesystem::path folderOf(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  return folder.empty() ? std::filesystem::path(".") : folder;
}

// Write bits are honoured even for a user (root) the kernel would let through.
bool folderWritable(const std::filesystem::path& folder) {
  struct stat folderStat {};
  return ::stat(folder.c_str(), &folderStat) == 0 && (folderStat.st_mode & kAnyWrite) != 0 &&
         ::access(folder.c_str(), W_OK) == 0;
}

// "DIR/.NAME.galley-XXXXXX" made and opened; the descriptor, or -1 (errno set).
int makeTemp(const std::string& path, std::string& tempPath) {
  const std::string pattern =
      (folderOf(path) / ("." + std::filesystem::path(path).filename().string() + ".galley-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd >= 0) tempPath = name.data();
  return fd;
}

// The rename is durable once the folder's entry is on disk; failing to sync it loses nothing now.
void syncFolder(const std::filesystem::path& folder) {
  if (const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
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
  const std::filesystem::path folder = folderOf(path);
  if (!folderWritable(folder)) return failure(path, "cannot write the fixed file: its folder is read-only");

  const auto current = readWhole(path);
  if (!current) return failure(path, "cannot re-read the file before writing: " + errnoText());
  if (*current != expected) return failure(path, "the file changed since it was read; not written (run again)");

  std::string tempPath;
  const int fd = makeTemp(path, tempPath);
  if (fd < 0) return failure(path, "cannot create a temporary file beside it: " + errnoText());
  TempFile temp(fd, tempPath);
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
  syncFolder(folder);
  return std::nullopt;
}

class AtomicFileWriter::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd) { setp(bytes_.data(), bytes_.data() + bytes_.size()); }
  // The errno of the first failed write, or 0.
  [[nodiscard]] int error() const { return error_; }
  bool drain() {
    if (error_ != 0) return false;
    const auto pending = static_cast<size_t>(pptr() - pbase());
    if (pending > 0 && !writeAll(fd_, std::string_view(pbase(), pending))) {
      error_ = errno == 0 ? EIO : errno;
      return false;
    }
    setp(bytes_.data(), bytes_.data() + bytes_.size());
    return true;
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
    return ch;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  static constexpr size_t kSize = size_t{64} << 10U;
  int fd_;
  int error_ = 0;
  std::array<char, kSize> bytes_{};
};

base::Expected<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::open(const std::string& path, std::string what) {
  auto refuse = [&](const std::string& why) {
    return base::Unexpected(engine::failure(path, fmt::format("cannot write the {}: {}", what, why)));
  };
  struct stat fileStat {};
  const bool exists = ::stat(path.c_str(), &fileStat) == 0;
  if (exists && !S_ISREG(fileStat.st_mode)) {
    // A device or a pipe: nothing to keep, nothing to rename over; write it directly.
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) return refuse(errnoText());
    return std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(path, std::move(what), fd, "", 0));
  }
  if (exists && (fileStat.st_mode & kAnyWrite) == 0) return refuse("the file is read-only");
  if (!exists && errno != ENOENT) return refuse(errnoText());
  const std::filesystem::path folder = folderOf(path);
  std::error_code ignored;
  if (!std::filesystem::is_directory(folder, ignored)) return refuse("its folder does not exist");
  if (!folderWritable(folder)) return refuse("its folder is read-only");
  mode_t mode = 0;
  if (exists) {
    mode = fileStat.st_mode & kPermissionBits;
  } else {
    const mode_t mask = ::umask(0);  // the only way to read the umask; put back at once
    ::umask(mask);
    mode = static_cast<mode_t>(kNewFileMode & ~mask);
  }
  std::string tempPath;
  const int fd = makeTemp(path, tempPath);
  if (fd < 0) return refuse("cannot create a temporary file beside it: " + errnoText());
  return std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(path, std::move(what), fd, tempPath, mode));
}

AtomicFileWriter::AtomicFileWriter(std::string path, std::string what, int fd, std::string temp, unsigned mode)
    : path_(std::move(path)),
      what_(std::move(what)),
      fd_(fd),
      temp_(std::move(temp)),
      mode_(mode),
      buffer_(std::make_unique<Buffer>(fd)),
      out_(buffer_.get()) {}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!done_ && !temp_.empty()) ::unlink(temp_.c_str());
}

base::Error AtomicFileWriter::failure(const std::string& why) const {
  return engine::failure(path_, fmt::format("cannot write the {}: {}", what_, why));
}

std::optional<base::Error> AtomicFileWriter::commit(const AtomicWriteOptions& options) {
  if (done_ || fd_ < 0) return failure("already committed");
  if (!buffer_->drain()) return failure(std::strerror(buffer_->error()));  // NOLINT(concurrency-mt-unsafe)
  const int fd = fd_;
  fd_ = -1;
  if (temp_.empty()) {
    const bool closed = ::close(fd) == 0;
    if (!closed) return failure(errnoText());
    done_ = true;
    return std::nullopt;
  }
  // Synced before the rename, so a crash never leaves a renamed but empty file.
  if (::fchmod(fd, static_cast<mode_t>(mode_)) != 0 || ::fsync(fd) != 0) {
    const std::string why = errnoText();
    ::close(fd);
    return failure("cannot sync the temporary file: " + why);
  }
  if (::close(fd) != 0) return failure("cannot close the temporary file: " + errnoText());
  if (options.beforeRename) {
    if (auto error = options.beforeRename(temp_)) return error;
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) return failure("cannot replace the file: " + errnoText());
  done_ = true;
  syncFolder(folderOf(path_));
  return std::nullopt;
}

std::optional<base::Error> writeFileAtomically(const std::string& path, std::string_view bytes, const std::string& what,
                                               const AtomicWriteOptions& options) {
  auto writer = AtomicFileWriter::open(path, what);
  if (!writer) return std::move(writer).error();
  (*writer)->stream() << bytes;
  return (*writer)->commit(options);
}

}  // namespace galley::engine
