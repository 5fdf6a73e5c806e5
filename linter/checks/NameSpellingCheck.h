// NameSpellingCheck: the `name-spelling` kind — a capitalised word one slip away from a name of the
// fact base ("Tokayevv", "Shangai", "Mirziyoev") is reported with the fact base's form.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "checks/Check.h"
#include "checks/Dictionary.h"
#include "facts/FactPack.h"

namespace galley::checks {

// ## What it checks
// Capitalised words that are not a word of any name, alias or title of the fact base and not a
// dictionary word, but lie within a small Damerau–Levenshtein distance (a letter dropped, doubled,
// swapped or changed) of a word of a person's, organisation's or place's name: surnames (every
// word of a person's name after the first, and one-word aliases) and the words of organisation
// names that are not dictionary words, and place names ("Shanghai", "Dushanbe", "Rahmon").
//
// Guards, so that a real name the fact base does not know stays silent:
// - an exact name or alias wins: a word the fact base writes anywhere is never reported;
// - dictionary words (in any capitalisation, so sentence-initial common words) are never names;
// - a word equally close to words of two different entities is left alone;
// - length: a dropped, doubled or swapped letter needs a known word of at least 6 letters; a
//   changed or added letter (how real names differ: "Astara"/"Astana", "Kerimov"/"Karimov") needs
//   8 in a place or organisation name and 10 in a surname; two slips need 10 (12 in a surname);
// - a known word plus an ending of `accept-endings` ("Alimova", "Uzbekistani") is a form, not a slip;
// - a surname right after a capitalised given name is reported only when that given name is the
//   known person's ("Rashid Alimv"); after another given name ("Timur Alimv") it may be someone
//   else. A capitalised neighbour that is no dictionary word, honorific or known name word also
//   silences the check: the word is part of a name the fact base does not know.
// - When the person's own given name confirms the surname, one slip is enough from 4 letters and
//   two from 8, and a surname romanised another way ("Ghada Vali" for "Ghada Waly": the letters
//   of `romanisations` read alike) at any length.
// Given names alone are left to the `name` kind ("Yuri Fedotov"), which needs the surname to match.
//
// ## Why
// A head of state's name misspelt by one letter is the slip readers notice first, and the
// dictionary cannot catch it.
//
// ## Flagged
//   President Tokayevv opened the summit in Shangai.
// ## Accepted
//   President Tokayev opened the summit in Shanghai. Ms Alimova and Timur Alimv spoke in Astara.
//
// ## YAML options
// - `facts`: fact files, relative to the rule file. Default: every facts*.yaml beside the rule file.
// - `dictionary`, `dictionary-path`: the Hunspell dictionary of ordinary words, as for `spelling`.
//   Default: en_GB.
// - `honorifics`: capitalised words that may stand before a surname without being a given name
//   (besides dictionary words): "Mr", "Ms". Default: none.
// - `accept-endings`: endings that make a known name another form of it. Default: none.
// - `romanisations`: pairs of letter groups that romanisations of one name swap, each written
//   "from to" ("w v", "y i", "kh h"): after the person's own given name, a surname that differs
//   from the fact base's only by these is reported however short. Default: none.
// Message placeholders: `{found}`, `{expected}` (the fact base's word), `{name}` (the entity's name).
//
// ## Fix safety
// Unsafe: the word may name someone the fact base does not know.
class NameSpellingCheck final : public Check {
 public:
  static constexpr std::array<std::string_view, 6> kOptions = {"accept-endings", "dictionary", "dictionary-path",
                                                               "facts", "honorifics", "romanisations"};
  static constexpr std::array<std::string_view, 3> kPlaceholders = {"expected", "found", "name"};

  // A word of a known name that a slip may have produced.
  struct Target {
    std::string word;
    facts::EntityIndex entity = 0;
    bool person = false;
    std::string previous;  // the word before it in the person's name ("Rashid" for "Alimov"), if any
    uint64_t bytes = 0;    // byteMask(word)
    std::string romanised;  // romanisedKey(word)
  };

  // Two letter groups that romanisations of one name swap ("w" for "v"): `from` is read as `to`.
  struct Romanisation {
    std::string from;
    std::string to;
  };

  // One bit per byte value (modulo 64) that `word` holds. A word within two edits of another
  // holds at most two bits the other lacks, and lacks at most two it holds: a test far cheaper
  // than the distance itself, which most pairs fail.
  static uint64_t byteMask(std::string_view word);

  static std::unique_ptr<Check> create(const config::RuleConfig& rule, base::ErrorList& errors);
  // REQUIRES: validated by create().
  NameSpellingCheck(const config::RuleConfig& rule, Scope scope, std::shared_ptr<const facts::FactPack> pack,
                    std::shared_ptr<const Dictionary> dictionary, std::vector<std::string> honorifics,
                    std::vector<std::string> endings, std::vector<Romanisation> romanisations = {});

  void run(const document::Document& document, annotate::Annotations& annotations,
           diag::DiagnosticSink& sink) const override;
  // Each block's findings come from its own prose alone.
  [[nodiscard]] Locality locality() const override { return Locality::Block; }

 private:
  // A capitalised word right beside a candidate (plain form; empty when there is none).
  struct Neighbour {
    std::string text;
    bool acronym = false;
  };
  // The known word `found` is a slip of, given the capitalised word `before` it; nullptr when
  // none is close enough, when `found` is a known word plus an accepted ending, or when two
  // entities' words are equally close.
  [[nodiscard]] const Target* nearestTarget(const std::string& found, const Neighbour& before) const;
  void report(const document::Block& block, base::Range range, std::string_view written, const Target& target,
              diag::DiagnosticSink& sink) const;
  // True when `word` (a capitalised neighbour) is not part of a name: a dictionary word in lower
  // case, an honorific, an acronym or a word the fact base knows.
  [[nodiscard]] bool isCommon(std::string_view word) const;
  // `word` in lower case with every romanisation's `from` read as its `to`.
  [[nodiscard]] std::string romanisedKey(std::string_view word) const;

  std::shared_ptr<const facts::FactPack> pack_;
  std::shared_ptr<const Dictionary> dictionary_;
  base::StringSet known_;  // every word of every name in the fact base
  std::vector<Target> targets_;
  std::unordered_set<std::string> honorifics_;
  std::vector<std::string> endings_;
  std::vector<Romanisation> romanisations_;
  // How much longer than a target a word may be: neither a slip (lengths at most two apart) nor a
  // known name plus an accepted ending bridges more.
  size_t reach_ = 2;
};

}  // namespace galley::checks
