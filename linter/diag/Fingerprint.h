// Fingerprints: a finding's identity that survives lines moving above it (baselines, GitLab).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/Diagnostic.h"

namespace galley::diag {

// FNV-1a's 64-bit offset basis: the seed of a hash that continues nothing.
inline constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;

// FNV-1a, 64 bits: stable across runs, platforms and versions (never std::hash). `seed` continues
// an earlier hash (its result), so that several pieces hash as one.
uint64_t fnv1a64(std::string_view bytes, uint64_t seed = kFnvOffsetBasis);

// A path as fingerprints use it: "./" prefixes dropped, backslashes made '/'.
std::string normalisedPath(std::string_view path);

// The identity of `diagnostic` in `text` (the file's bytes) at `path`: rule id, normalised path, the
// text it covers with runs of white space collapsed, and up to kFingerprintContext bytes of its
// own line on either side (collapsed too). Never the line or column, so inserting lines above a
// finding keeps its identity; editing the words around it changes it.
std::string findingIdentity(std::string_view path, std::string_view text, const Diagnostic& diagnostic);

inline constexpr size_t kFingerprintContext = 24;

// One 16-hex-digit fingerprint per diagnostic of a file, in order: the identity's hash, with the
// occurrence number mixed in when the same identity repeats in the file, so every fingerprint of
// a file is unique (GitLab shows only the first of equal fingerprints).
std::vector<std::string> fingerprints(std::string_view path, std::string_view text,
                                      const std::vector<Diagnostic>& diagnostics);

}  // namespace galley::diag
