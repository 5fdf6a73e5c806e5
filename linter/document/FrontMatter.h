// FrontMatter: the scalar `key: value` lines of a YAML front matter block, read by hand.
#pragma once

#include <string_view>
#include <vector>

#include "base/Range.h"
#include "document/Document.h"

namespace galley::document {

// Reads the YAML between the opening and closing "---" lines of text[block) and appends, for each
// top-level scalar `key: value` (plain, "double-quoted" or 'single-quoted', on one line), a
// FrontMatterField and a Block{kind=FrontMatter, key} whose prose is the value. Ranges point at
// the value without its quotes. Nested mappings, sequences, block scalars (| >), flow
// collections, anchors, tags and multi-line quoted values are skipped, never an error: this is a
// draft's metadata, not a configuration file. `invalid` lists ill-formed UTF-8 ranges (sorted).
void readFrontMatter(std::string_view text, base::Range block, const std::vector<base::Range>& invalid,
                     std::vector<FrontMatterField>& fields, std::vector<Block>& blocks);

}  // namespace galley::document
