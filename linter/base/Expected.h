// A small in-house Expected<T>: a value or an Error, with the std::expected API subset Galley uses.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "base/Error.h"

namespace galley::base {

// Wraps an Error so that `return Unexpected(err);` reads like std::unexpected.
struct Unexpected {
  Error error;
  explicit Unexpected(Error e) : error(std::move(e)) {}
};

// Holds either a T or an Error. Accessing the wrong alternative is a bug (asserted).
// Not thread-safe for concurrent mutation; const access from many threads is fine.
template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : storage_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Expected(Unexpected unexpected)  // NOLINT(google-explicit-constructor)
      : storage_(std::in_place_index<1>, std::move(unexpected.error)) {}

  [[nodiscard]] bool has_value() const { return storage_.index() == 0; }  // NOLINT(readability-identifier-naming)
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(storage_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(storage_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(storage_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  [[nodiscard]] const Error& error() const& {
    assert(!has_value());
    return std::get<1>(storage_);
  }
  Error&& error() && {
    assert(!has_value());
    return std::get<1>(std::move(storage_));
  }

 private:
  std::variant<T, Error> storage_;
};

}  // namespace galley::base
