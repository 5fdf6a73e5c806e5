// Words: a block's prose cut into words, each with the facts about its shape that spelling and
// name checks need (capitals, digits, whether it sits inside a URL or an e-mail address).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/Range.h"

namespace galley::annotate {

// One word of prose: letters (any script), with digits, inner hyphens and inner apostrophes kept
// inside it ("co-operation", "Xi's", "Kassym-Jomart", "5km"). A trailing possessive "'s" / "’s" (or
// the bare apostrophe after an s) is left out of `prose`.
struct Word {
  base::Range prose;        // prose offsets of the word
  bool capitalised = false;  // the first letter is upper case
  bool allCaps = false;      // two or more letters, none lower case ("SCO", "UNODC")
  bool mixedCase = false;    // an upper-case letter after a lower-case one ("McDonald", "eGov")
  bool hasDigit = false;
  // Holds a character outside the Latin script (Cyrillic, Chinese, a symbol such as U+1D11E): not
  // a word an English dictionary or the fact base's Latin names can judge.
  bool otherScript = false;
  // Part of a chunk that is not prose: a URL, an e-mail address, a path or symbol written with a
  // slash ("A/RES/71/14"), a domain ("sco.int").
  bool inLink = false;
  bool hyphenated = false;  // holds an inner hyphen (ASCII or U+2010/U+2011)
};

// The words of `prose`, in order. Pure: no state, any thread.
std::vector<Word> findWords(std::string_view prose);

// `word` with U+2019 apostrophes and U+2010/U+2011 hyphens written as their ASCII forms.
std::string plainWord(std::string_view word);

// The parts of a hyphenated word (split at ASCII hyphens), non-empty ones only.
std::vector<std::string_view> hyphenParts(std::string_view word);

}  // namespace galley::annotate
