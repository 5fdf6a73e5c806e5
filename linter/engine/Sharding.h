// Sharding: splits the inputs of a run across CI jobs by path hash (`--shard I/N`).
#pragma once

#include <optional>
#include <string_view>

namespace galley::engine {

// Shard `index` (1-based) of `count`.
struct Shard {
  unsigned index = 1;
  unsigned count = 1;
};

// Parses "I/N" with 1 <= I <= N <= 4096; nullopt otherwise.
std::optional<Shard> parseShard(std::string_view text);

// Whether `path` belongs to `shard`: the FNV-1a hash of its normalised form ("./" dropped) modulo
// the count. Deterministic across machines and runs, so N jobs given the same inputs cover every
// file exactly once; a file keeps its shard when others are added or removed.
bool inShard(std::string_view path, Shard shard);

}  // namespace galley::engine
