// Annotations: the one per-document model. Everything Galley understands about a draft is computed
// here once, lazily, and read by every check; no check parses English on its own.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "annotate/BlockMemo.h"
#include "annotate/ClaimExtractor.h"
#include "annotate/Clauses.h"
#include "annotate/MentionFinder.h"
#include "annotate/ReferenceDate.h"
#include "annotate/SearchText.h"
#include "annotate/TitleForms.h"
#include "annotate/Words.h"
#include "base/Calendar.h"
#include "base/Range.h"
#include "config/Lexicon.h"
#include "config/ProjectConfig.h"
#include "dates/DateExpression.h"
#include "document/Document.h"
#include "facts/FactPack.h"

namespace galley::annotate {

// A sentence: a range of one block's prose (prose offsets, not source offsets).
struct Sentence {
  uint32_t block = 0;
  base::Range prose;
};

// A date expression in one block's prose: `date.range` (and `date.weekdayRange`) are prose offsets
// of `block`; map them with the block's ProseText::toSource.
struct DateMention {
  uint32_t block = 0;
  dates::DateExpression date;
};

// What the configuration decides about reading one draft (`.galley.yaml`, `--ref`, `--month-first`;
// the engine resolves it per file). The default is what a draft alone says.
struct ModelSettings {
  config::ReferenceDateSetting referenceDate;                 // Default: front matter, else the dateline
  config::DateOrder dateOrder = config::DateOrder::DayFirst;  // how "03/04/2017" is read
  std::string organisation;  // Default: "" (none); a draft's front matter `organisation:` wins over it
  friend bool operator==(const ModelSettings&, const ModelSettings&) = default;
};

// The model of one document. What it holds, each computed on first request:
//   reference()   the reference date, decided once with where it came from (ReferenceDate.h);
//   organisation() whose release it is: front matter `organisation:`, else the configuration's;
//   sentences()   sentences of every block;
//   dates()       date mentions, relative ones resolved against reference(); a date written
//                 without its year ("16 June", "on Tuesday") is placed by its clause's tense;
//   tenseOf(i)    the tense and modality of the clause date i belongs to (Clauses.h);
//   mentions(p)   entity mentions and titles paired with people, for fact pack p (one scan),
//                 each title dated by its own sentence when that sentence opens with a date;
//   claims(p)     what the draft states about p's entities and the cue that tied each value;
//   titleForms(p) titles as written, each with the organisation whose house style judges it;
//   words(b, s)   the words of span s of block b (Words.h), for the spelling kinds;
//   searchText(b) block b's prose folded for the text-matching kinds (SearchText.h).
//
// Several fact bases: a check names the pack it reads (each fact-reading check holds one
// shared FactPack), and the model keeps one mention/claim set per pack, keyed by the pack's
// address. Rules of one pack share the pack instance (FactPack::loadShared), so 8 fact rules of one
// pack cost one scan and one extraction; rules of two packs cost two. A pack must outlive the
// Annotations that were asked about it (checks hold their pack for their whole life, and a model
// lives for one run over one document).
//
// Words: tense and clause cues come from `lexicon` (default: the bundled one); claim cues come from
// each pack's own lexicon (FactPack::lexicon(): the bundled words plus the pack's lexicon.yaml).
//
// Not thread-safe: one instance per document run, on one thread. The Document and the lexicon
// must outlive it.
class Annotations {
 public:
  explicit Annotations(const document::Document& document,
                       const config::Lexicon& lexicon = config::Lexicon::standard())
      : document_(document), lexicon_(lexicon) {}
  Annotations(const document::Document& document, ModelSettings settings,
              const config::Lexicon& lexicon = config::Lexicon::standard())
      : document_(document), lexicon_(lexicon), settings_(std::move(settings)) {}

  [[nodiscard]] const document::Document& document() const { return document_; }
  // The words the model reads by (for checks that still read cue words themselves).
  [[nodiscard]] const config::Lexicon& lexicon() const { return lexicon_; }
  // Sentences of every block, in order.
  const std::vector<Sentence>& sentences();
  // Date expressions of every prose block except front matter, in document order. Relative ones
  // are resolved against reference(); anaphoric ones against the previous date, across blocks.
  // Numeric dates are read day first unless the settings say month first.
  const std::vector<DateMention>& dates();
  // The document's reference date and its origin; see decideReferenceDate().
  const ReferenceDate& reference();
  // reference().date: nullopt when the document gives no trustworthy date of issue.
  const std::optional<base::CivilDate>& referenceDate() { return reference().date; }
  // Whose release this is, as written ("OSCE", "un"): the front matter's `organisation:`, else the
  // configuration's; "" when neither says. Compare case-insensitively.
  const std::string& organisation();
  [[nodiscard]] const ModelSettings& settings() const { return settings_; }
  // Reuse per-block results of earlier lints of the same buffer, and keep this one's (`memo` must
  // outlive this object). Results are the same with or without it.
  void reuse(BlockMemo* memo) { memo_ = memo; }
  // The tense of the clause holding dates()[index], or nullopt when no cue decides or the date lies
  // outside every sentence. REQUIRES: index < dates().size().
  std::optional<Tense> tenseOf(size_t index);
  // Entities of `pack` named in the document, and title phrases paired with the people they name.
  const MentionSet& mentions(const facts::FactPack& pack);
  // What the document states about `pack`'s entities (ClaimExtractor.h), with dates from dates().
  const std::vector<Claim>& claims(const facts::FactPack& pack);
  // Titles of `pack`'s offices and organisations as written, each tied to its organisation when
  // the text ties it (TitleForms.h), in document order.
  const std::vector<WrittenTitle>& titleForms(const facts::FactPack& pack);
  // The words of `span` of block `block`'s prose (findWords over that span: offsets from
  // span.begin), found once for every rule that asks about the same span.
  const std::vector<Word>& words(uint32_t block, base::Range span);
  // Block `block`'s prose as the substitution, existence and consistency kinds search it: folded
  // once for all of them, its names (read with the bundled lexicon) found on the first inName().
  const SearchText& searchText(uint32_t block);
  // State a component works out from this draft for its own use and keeps for the document's run
  // (the rule set's literal hits: LiteralBank in checks/RegexPrefilter.h), keyed by the
  // component's address so the model needs to know nothing of it; default-constructed on the
  // first ask. An owner must always ask for the same T.
  template <typename T>
  T& ownedBy(const void* owner);

 private:
  // Re-places dates written without a year or week ("16 June", "on Tuesday") by their clause's
  // tense: the latest past occurrence for what happened, the next for what is planned.
  void placeFloatingDatesByTense();
  // Sets TitleMention::judgedAt and dateUncertain from the dates of each title's sentence.
  void dateTitles(MentionSet& found);
  struct PackModel {
    const facts::FactPack* pack = nullptr;
    std::optional<MentionSet> mentions;
    std::optional<std::vector<Claim>> claims;
    std::optional<std::vector<WrittenTitle>> titleForms;
  };
  PackModel& modelOf(const facts::FactPack& pack);
  // The tense of date `index`'s clause, computed.
  std::optional<Tense> clauseTenseOf(size_t index);
  // tenses_ of every date of `block`, from the memo when the block and its dates' places are unchanged.
  void memoiseBlockTenses(uint32_t block);
  // MentionFinder::find block by block, each block found again only when its prose changed.
  MentionSet memoisedMentions(const facts::FactPack& pack);
  // ClaimExtractor::extract block by block, each block's claims extracted again only when its
  // prose or its dates changed.
  std::vector<Claim> memoisedClaims(const facts::FactPack& pack, const MentionSet& found);

  const document::Document& document_;
  const config::Lexicon& lexicon_;
  BlockMemo* memo_ = nullptr;
  ModelSettings settings_;
  std::optional<std::string> organisation_;
  bool sentencesDone_ = false;
  std::vector<Sentence> sentences_;
  bool datesDone_ = false;
  std::vector<DateMention> dates_;
  ReferenceDate reference_;
  std::vector<std::optional<std::optional<Tense>>> tenses_;  // per date: outer empty until computed
  std::vector<std::unique_ptr<PackModel>> packs_;  // few (one per pack the rules read): a vector
  std::map<std::tuple<uint32_t, base::Offset, base::Offset>, std::vector<Word>> words_;  // by block, span
  std::vector<std::unique_ptr<SearchText>> searchTexts_;                // by block; null until asked
  std::vector<std::pair<const void*, std::shared_ptr<void>>> owned_;   // few owners: a vector
};

template <typename T>
T& Annotations::ownedBy(const void* owner) {
  for (const auto& [key, state] : owned_) {
    if (key == owner) return *static_cast<T*>(state.get());
  }
  return *static_cast<T*>(owned_.emplace_back(owner, std::make_shared<T>()).second.get());
}

}  // namespace galley::annotate
