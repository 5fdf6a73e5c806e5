#include "engine/Sharding.h"

#include <charconv>

#include "diag/Fingerprint.h"

namespace galley::engine {

namespace {
constexpr unsigned kMaxShards = 4096;
}  // namespace

std::optional<Shard> parseShard(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Shard shard;
  const std::string_view index = text.substr(0, slash);
  const std::string_view count = text.substr(slash + 1);
  const auto first = std::from_chars(index.data(), index.data() + index.size(), shard.index);
  const auto second = std::from_chars(count.data(), count.data() + count.size(), shard.count);
  if (first.ec != std::errc() || first.ptr != index.data() + index.size() || second.ec != std::errc() ||
      second.ptr != count.data() + count.size())
    return std::nullopt;
  if (shard.count == 0 || shard.count > kMaxShards || shard.index == 0 || shard.index > shard.count) return std::nullopt;
  return shard;
}

bool inShard(std::string_view path, Shard shard) {
  return diag::fnv1a64(diag::normalisedPath(path)) % shard.count == shard.index - 1;
}

}  // namespace galley::engine
