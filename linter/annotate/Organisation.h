// Organisation: whose release a draft is, and whether a rule's list of organisations names it.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "document/Document.h"

namespace galley::annotate {

// The organisation the draft's front matter names (`organisation:`, or `organization:`), trimmed;
// "" when it names none. The folder's configuration (`organisation:` in .galley.yaml) applies only
// when this is empty: the draft's own word wins over its folder's.
[[nodiscard]] std::string organisationOf(const document::Document& document);

// True when `organisation` is one of `listed`, compared case-insensitively with typographic
// variants folded, spaces collapsed and a leading "the" dropped ("the OSCE" is "OSCE"). An empty
// `listed` means every organisation; an empty `organisation` (the draft names none) is listed too,
// so a rule confined to some organisations still judges drafts that say nothing.
[[nodiscard]] bool organisationListed(std::string_view organisation, std::span<const std::string> listed);

}  // namespace galley::annotate
