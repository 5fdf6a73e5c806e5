// Error: what went wrong outside Galley's control (bad rule packs, unreadable files), with where.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace galley::base {

// A user-facing position in some file. 1-based line and column (code points); 0 means "unknown".
struct Location {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;
};

// The class of an error, after Vale: a bug in Galley, bad user input (located), or the environment.
enum class ErrorCode { Internal, InvalidInput, Environment };

// An error with a message and, for user input, the place it was found.
class Error {
 public:
  static Error internal(std::string message) { return {ErrorCode::Internal, std::move(message), {}}; }
  static Error invalidInput(std::string message, std::optional<Location> where = std::nullopt) {
    return {ErrorCode::InvalidInput, std::move(message), std::move(where)};
  }
  static Error environment(std::string message, std::optional<Location> where = std::nullopt) {
    return {ErrorCode::Environment, std::move(message), std::move(where)};
  }

  [[nodiscard]] ErrorCode code() const { return code_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] const std::optional<Location>& location() const { return location_; }

  // "path:line:col: error: message" (the location parts that are known), as compilers print.
  [[nodiscard]] std::string toString() const;

 private:
  Error(ErrorCode code, std::string message, std::optional<Location> where)
      : code_(code), message_(std::move(message)), location_(std::move(where)) {}

  ErrorCode code_;
  std::string message_;
  std::optional<Location> location_;
};

// Several errors at once: loaders report every problem, not just the first.
using ErrorList = std::vector<Error>;

}  // namespace galley::base
