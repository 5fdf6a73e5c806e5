#include "base/FileText.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace galley::base {

Expected<std::string> readFileText(const std::string& path, uint64_t maxBytes) {
  const auto failure = [&path](std::string why) { return Unexpected(Error::environment(std::move(why), Location{path, 0, 0})); };
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return failure(std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return failure("is a directory");
  if (!S_ISREG(info.st_mode)) {
    const char* what = S_ISFIFO(info.st_mode) ? "a FIFO" : S_ISSOCK(info.st_mode) ? "a socket" : "a device";
    return failure(std::string("not a regular file (") + what + "); not read");
  }
  if (static_cast<uint64_t>(info.st_size) > maxBytes) {
    return Unexpected(Error::invalidInput("file is too large (" + std::to_string(info.st_size) + " bytes; the limit is " +
                                              std::to_string(maxBytes) + " bytes, see --max-file-size)",
                                          Location{path, 0, 0}));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure(std::strerror(errno));
  std::string bytes;
  bytes.resize(static_cast<size_t>(info.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) return failure("read failed");
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

}  // namespace galley::base
