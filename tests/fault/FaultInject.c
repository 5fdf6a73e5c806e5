/* Fault injection for the tests of everything that writes (tests/unit/WriteFaultTest.cpp), loaded
 * into the galley binary with LD_PRELOAD, so the real code paths meet real failing system calls:
 *   GALLEY_FAULT_ENOSPC=TEXT  write(2), writev(2) and pwrite(2) on a descriptor whose file's path
 *                             contains TEXT fail with ENOSPC (a full disk);
 *   GALLEY_FAULT_RENAME=TEXT  rename(2) onto a path containing TEXT fails with EIO (the last step
 *                             of an atomic replacement; everything before it succeeded).
 * Standard input, output and error are never failed (the test reads them). Unset: no effect. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static int pathMatches(const char* path, const char* variable) {
  const char* wanted = getenv(variable);
  return wanted != NULL && *wanted != '\0' && path != NULL && strstr(path, wanted) != NULL;
}

static int descriptorMatches(int fd, const char* variable) {
  if (fd <= 2 || getenv(variable) == NULL) return 0;
  char link[64];
  char target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t length = readlink(link, target, sizeof target - 1);
  if (length < 0) return 0;
  target[length] = '\0';
  return pathMatches(target, variable);
}

static void* next(const char* name) { return dlsym(RTLD_NEXT, name); }

ssize_t write(int fd, const void* bytes, size_t count) {
  if (descriptorMatches(fd, "GALLEY_FAULT_ENOSPC")) {
    errno = ENOSPC;
    return -1;
  }
  ssize_t (*real)(int, const void*, size_t) = (ssize_t(*)(int, const void*, size_t))next("write");
  return real(fd, bytes, count);
}

ssize_t writev(int fd, const struct iovec* parts, int count) {
  if (descriptorMatches(fd, "GALLEY_FAULT_ENOSPC")) {
    errno = ENOSPC;
    return -1;
  }
  ssize_t (*real)(int, const struct iovec*, int) = (ssize_t(*)(int, const struct iovec*, int))next("writev");
  return real(fd, parts, count);
}

ssize_t pwrite(int fd, const void* bytes, size_t count, off_t at) {
  if (descriptorMatches(fd, "GALLEY_FAULT_ENOSPC")) {
    errno = ENOSPC;
    return -1;
  }
  ssize_t (*real)(int, const void*, size_t, off_t) = (ssize_t(*)(int, const void*, size_t, off_t))next("pwrite");
  return real(fd, bytes, count, at);
}

int rename(const char* from, const char* to) {
  if (pathMatches(to, "GALLEY_FAULT_RENAME")) {
    errno = EIO;
    return -1;
  }
  int (*real)(const char*, const char*) = (int (*)(const char*, const char*))next("rename");
  return real(from, to);
}
