#include "annotate/TitleForms.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "base/Ascii.h"
#include "base/Typography.h"

namespace galley::annotate {

using facts::EntityIndex;
using facts::EntityKind;
using facts::FactBase;

namespace {

constexpr unsigned kFirstNonAscii = 0x80;
constexpr size_t kLetters = 26;
// Words shorter than this are never "a letter off" a title word: too many real words are.
constexpr size_t kMinNearLength = 6;
// Text longer than this between a title and a name does not tie them.
constexpr size_t kMaxTieGap = 16;

bool isWordByte(char c) { return base::isAsciiLetter(c) || static_cast<unsigned char>(c) >= kFirstNonAscii; }

// A title form's words, lower case ("Under-Secretary-General" -> under, secretary, general); empty
// when a word holds anything but ASCII letters (such forms are not looked for).
std::vector<std::string> formWords(std::string_view form) {
  std::vector<std::string> words;
  std::string word;
  const std::string folded = base::foldTypography(form);
  for (const char c : folded) {
    if (c == ' ' || c == '-') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else if (base::isAsciiLetter(c)) {
      word.push_back(base::asciiLower(c));
    } else {
      return {};
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// True when `written` is `form` with one letter dropped, doubled, swapped with its neighbour or
// replaced ("generall", "secertary"), the first letter kept. Short words and plurals ("directors")
// are never near: they are other words.
bool nearWord(std::string_view written, std::string_view form) {
  if (written == form || form.size() < kMinNearLength || written.empty() || written.front() != form.front()) return false;
  if (written.size() == form.size() + 1 && written.starts_with(form) && written.back() == 's') return false;
  if (form.back() == 'y' && written.size() == form.size() + 2 && written.starts_with(form.substr(0, form.size() - 1)) &&
      written.ends_with("ies"))
    return false;
  const size_t a = written.size();
  const size_t b = form.size();
  if (a + 1 < b || b + 1 < a) return false;
  size_t prefix = 0;
  while (prefix < a && prefix < b && written[prefix] == form[prefix]) ++prefix;
  if (a == b) {
    // One substitution, or two neighbours swapped.
    const std::string_view restW = written.substr(prefix + 1);
    const std::string_view restF = form.substr(prefix + 1);
    if (restW == restF) return true;
    return prefix + 1 < a && written[prefix] == form[prefix + 1] && written[prefix + 1] == form[prefix] &&
           written.substr(prefix + 2) == form.substr(prefix + 2);
  }
  // One letter more or fewer.
  return a > b ? written.substr(prefix + 1) == form.substr(prefix) : written.substr(prefix) == form.substr(prefix + 1);
}

// True when every word of `form` is a capital followed by lower-case letters.
bool isTitleCase(std::string_view form) {
  const std::string folded = base::foldTypography(form);
  bool atStart = true;
  for (const char c : folded) {
    if (c == ' ' || c == '-') {
      if (atStart) return false;
      atStart = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (atStart ? std::isupper(u) == 0 : std::islower(u) == 0) return false;
    atStart = false;
  }
  return !atStart;
}

// nullopt: `words` are not `form`'s; false: the same words; true: garbled (two words swapped, or
// one word a letter off and the others the same).
std::optional<bool> fits(const std::vector<std::string>& words, const std::vector<std::string>& form) {
  if (words.size() != form.size() || form.empty()) return std::nullopt;
  if (words == form) return false;
  size_t near = 0;
  size_t other = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == form[i]) continue;
    if (nearWord(words[i], form[i])) {
      ++near;
    } else {
      ++other;
    }
  }
  if (near == 1 && other == 0) return true;
  if (words.size() == 2 && words[0] == form[1] && words[1] == form[0] && words[0] != words[1]) return true;
  return std::nullopt;
}

// Every house form of `org`: its offices' titles and its own title-forms.
std::vector<std::string> formsOf(const FactBase& facts, EntityIndex org) {
  std::vector<std::string> forms = facts.entity(org).titleForms;
  for (const facts::Entity& entity : facts.entities()) {
    if (entity.kind == EntityKind::Office && entity.organisation == org)
      forms.insert(forms.end(), entity.titles.begin(), entity.titles.end());
  }
  return forms;
}

// The text between two offsets of `prose`: folded, lower case, whitespace collapsed and trimmed;
// "<far>" when it is long (nothing that far apart is attached).
std::string gapText(std::string_view prose, base::Offset from, base::Offset to) {
  if (to < from) return "<overlap>";
  if (to - from > kMaxTieGap) return "<far>";
  std::string out;
  for (const char c : base::foldTypography(prose.substr(from, to - from))) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(base::asciiLower(c));
    }
  }
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool hasSpace(std::string_view prose, base::Offset from, base::Offset to) {
  return to > from && std::any_of(prose.begin() + from, prose.begin() + to,
                                  [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

std::optional<HouseForm> houseForm(const FactBase& facts, EntityIndex org, const WrittenTitle& title) {
  const std::vector<std::string> forms = formsOf(facts, org);
  std::optional<HouseForm> exact;
  std::optional<HouseForm> garbled;
  bool exactClash = false;
  bool garbledClash = false;
  for (const std::string& form : forms) {
    const auto fit = fits(title.words, formWords(form));
    if (!fit) continue;
    auto& slot = *fit ? garbled : exact;
    bool& clash = *fit ? garbledClash : exactClash;
    if (!*fit && base::foldTypography(form) == title.written) return HouseForm{form, false};
    if (slot && slot->form != form) clash = true;
    if (!slot) slot = HouseForm{form, *fit};
  }
  if (exact) return exactClash ? std::nullopt : exact;
  if (garbled) return garbledClash ? std::nullopt : garbled;
  return std::nullopt;
}

std::optional<EntityIndex> organisationNamed(const FactBase& facts, std::string_view name) {
  const auto comparable = [](std::string_view text) {
    std::string out = base::asciiLowered(base::foldTypography(text));
    out.erase(std::unique(out.begin(), out.end(), [](char a, char b) { return a == ' ' && b == ' '; }), out.end());
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(0, 1);
    if (out.starts_with("the ")) out.erase(0, 4);
    return out;
  };
  const std::string wanted = comparable(name);
  if (wanted.empty()) return std::nullopt;
  const auto& entities = facts.entities();
  for (EntityIndex i = 0; i < entities.size(); ++i) {
    if (entities[i].kind != EntityKind::Organisation) continue;
    for (const std::string_view known : entities[i].allNames())
      if (comparable(known) == wanted) return i;
  }
  return std::nullopt;
}

TitleFormFinder::TitleFormFinder(const FactBase& facts, const config::Lexicon& lexicon)
    : facts_(facts), lexicon_(lexicon) {
  for (const facts::Entity& entity : facts.entities()) {
    const std::vector<std::string>* titles = nullptr;
    if (entity.kind == EntityKind::Office) titles = &entity.titles;
    if (entity.kind == EntityKind::Organisation) titles = &entity.titleForms;
    if (titles == nullptr) continue;
    for (const std::string& title : *titles) {
      // Only titles of capitalised words ("Secretary-General", "Executive Director"): a form
      // holding its organisation ("SCO Deputy Secretary-General", "Director of the RATS") would
      // swallow the very words that tie a title to its organisation.
      if (!isTitleCase(title)) continue;
      std::vector<std::string> words = formWords(title);
      // One-word titles ("President") name too much to be looked for without their organisation.
      if (words.size() < 2 || std::find(forms_.begin(), forms_.end(), words) != forms_.end()) continue;
      forms_.push_back(std::move(words));
    }
  }
  std::stable_sort(forms_.begin(), forms_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  // A form fits only a word with its first word's first letter and a length at most one apart (the
  // same word, or one a letter off: nearWord), or for two words swapped its second word itself.
  formsByStart_.resize(kLetters * (kLongestStartWord + 1));
  const auto add = [&](std::optional<size_t> bucket, uint32_t index) {
    if (!bucket) return;
    std::vector<uint32_t>& to = formsByStart_[*bucket];
    if (to.empty() || to.back() != index) to.push_back(index);
  };
  for (uint32_t index = 0; index < forms_.size(); ++index) {
    const auto& form = forms_[index];
    const size_t size = form[0].size();
    const size_t spread = size >= kMinNearLength ? 1 : 0;
    for (size_t length = size - spread; length <= size + spread; ++length) add(bucketOf(form[0].front(), length), index);
    if (form.size() == 2) add(bucketOf(form[1].front(), form[1].size()), index);
  }
}

const std::vector<uint32_t>* TitleFormFinder::formsStartingAt(std::string_view lowerWord) const {
  if (lowerWord.empty()) return nullptr;
  const std::optional<size_t> bucket = bucketOf(lowerWord.front(), lowerWord.size());
  return bucket ? &formsByStart_[*bucket] : nullptr;
}

std::optional<size_t> TitleFormFinder::bucketOf(char initial, size_t length) {
  if (length == 0 || length > kLongestStartWord || !base::isAsciiLower(initial)) return std::nullopt;
  return static_cast<size_t>(initial - 'a') * (kLongestStartWord + 1) + length;
}

std::vector<WrittenTitle> TitleFormFinder::find(const document::Document& document, const MentionSet& mentions) const {
  std::vector<WrittenTitle> out;
  for (uint32_t i = 0; i < document.blocks.size(); ++i) {
    const auto& prose = document.blocks[i].prose;
    findInBlock(prose.text(), i, &prose, mentions, out);
  }
  return out;
}

namespace {

// A block's words (runs of letters) in its folded text, and what joins them.
class BlockWords {
 public:
  explicit BlockWords(std::string_view text) : text_(text), lower_(base::asciiLowered(text)) {
    const std::string_view lower = lower_;
    for (size_t at = 0; at < text.size();) {
      if (!isWordByte(text[at])) {
        ++at;
        continue;
      }
      size_t end = at;
      while (end < text.size() && isWordByte(text[end])) ++end;
      words_.push_back({{static_cast<base::Offset>(at), static_cast<base::Offset>(end)}, lower.substr(at, end - at)});
      at = end;
    }
    // Every finder position asks for several joints: work them out once.
    joints_.reserve(words_.size());
    for (size_t i = 0; i < words_.size(); ++i) joints_.push_back(jointOf(i));
  }
  ~BlockWords() = default;
  // Its words view lower_: a copy or move would leave them pointing into the old one.
  BlockWords(const BlockWords&) = delete;
  BlockWords& operator=(const BlockWords&) = delete;
  BlockWords(BlockWords&&) = delete;
  BlockWords& operator=(BlockWords&&) = delete;

  [[nodiscard]] size_t size() const { return words_.size(); }
  [[nodiscard]] base::Range range(size_t i) const { return words_[i].range; }
  [[nodiscard]] std::string_view lowerAt(size_t i) const { return words_[i].lower; }
  [[nodiscard]] bool capitalised(size_t i) const {
    return std::isupper(static_cast<unsigned char>(text_[words_[i].range.begin])) != 0;
  }
  // What joins words i-1 and i: '-', ' ' (spaces and line breaks only) or '\0' (anything else, or
  // no such pair).
  [[nodiscard]] char joint(size_t i) const { return i < joints_.size() ? joints_[i] : '\0'; }

 private:
  struct Word {
    base::Range range;       // folded
    std::string_view lower;  // in lower_
  };

  [[nodiscard]] char jointOf(size_t i) const {
    if (i == 0 || i >= words_.size()) return '\0';
    const std::string_view gap =
        text_.substr(words_[i - 1].range.end, words_[i].range.begin - words_[i - 1].range.end);
    if (gap == "-") return '-';
    if (!gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\n'; })) return ' ';
    return '\0';
  }

  std::string_view text_;
  std::string lower_;  // text_ with ASCII letters in lower case
  std::vector<Word> words_;
  std::vector<char> joints_;
};

// fits() of words [i, i+form.size()) against `form`, reading the words in place: asked at every
// word for every form, so it copies nothing.
std::optional<bool> fitsAt(const BlockWords& words, size_t i, const std::vector<std::string>& form) {
  const size_t n = form.size();
  size_t near = 0;
  size_t other = 0;
  for (size_t k = 0; k < n; ++k) {
    const std::string_view word = words.lowerAt(i + k);
    if (word == form[k]) continue;
    if (nearWord(word, form[k])) {
      ++near;
    } else {
      ++other;
    }
    // Past one difference only two swapped words can still fit.
    if (n != 2 && near + other > 1) return std::nullopt;
  }
  if (near == 0 && other == 0) return false;
  if (near == 1 && other == 0) return true;
  if (n == 2 && words.lowerAt(i) == form[1] && words.lowerAt(i + 1) == form[0] && form[0] != form[1]) return true;
  return std::nullopt;
}

// The length in words of the first form (longest first) written at word `i`, its words written
// into `written`; nullopt when none is.
std::optional<size_t> formAt(const BlockWords& words, size_t i, const std::vector<std::vector<std::string>>& forms,
                             const std::vector<uint32_t>& candidates, std::vector<std::string>& written) {
  for (const uint32_t index : candidates) {
    const auto& form = forms[index];
    const size_t n = form.size();
    if (i + n > words.size() || words.joint(i + n) == '-') continue;
    bool joined = true;
    for (size_t k = i + 1; k < i + n; ++k) joined = joined && words.joint(k) != '\0';
    if (!joined) continue;
    const auto fit = fitsAt(words, i, form);
    // A garbled title is read only when capitalised: "general secretary" may be prose.
    if (fit && (!*fit || words.capitalised(i))) {
      written.clear();
      for (size_t k = i; k < i + n; ++k) written.emplace_back(words.lowerAt(k));
      return n;
    }
  }
  return std::nullopt;
}

// A capitalised word before words [i, i+n) (not an article or a modifier such as "Acting"), after
// them, or after "of [the]": the title of someone or something the fact base does not know.
bool nextToUnknownName(const BlockWords& words, size_t i, size_t n, const config::Lexicon& lexicon) {
  const bool before = i > 0 && words.joint(i) == ' ' && words.capitalised(i - 1) &&
                      !lexicon.contains(config::WordList::NameArticles, words.lowerAt(i - 1)) &&
                      !lexicon.contains(config::WordList::TitleModifiers, words.lowerAt(i - 1));
  if (before) return true;
  size_t next = i + n;
  const auto spaced = [&](size_t k) { return k < words.size() && words.joint(k) == ' '; };
  if (spaced(next) && words.lowerAt(next) == "of") {
    ++next;
    if (spaced(next) && words.lowerAt(next) == "the") ++next;
  }
  return spaced(next) && words.capitalised(next);
}

// True when the text between two offsets is one capitalised word between spaces, a rank before
// the title ("UNODC Deputy Executive Director"): the title is still the organisation's.
bool isRankWord(std::string_view prose, base::Offset from, base::Offset to) {
  if (to <= from + 2 || prose[from] != ' ' || prose[to - 1] != ' ') return false;
  const std::string_view word = prose.substr(from + 1, to - from - 2);
  return std::isupper(static_cast<unsigned char>(word.front())) != 0 &&
         std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// An organisation tied by the text itself: an office named whole ("Under-Secretary-General of the
// United Nations"), an organisation before the title ("OSCE Secretary General", "the WHO's
// Director-General", "UNODC Deputy Executive Director") or after "of [the]". False when none is.
bool attachOrganisation(const FactBase& facts, std::string_view prose, const std::vector<const Mention*>& mentions,
                        WrittenTitle& title) {
  const auto kindOf = [&](const Mention& m) { return facts.entity(m.entity).kind; };
  for (const Mention* m : mentions) {
    if (kindOf(*m) != EntityKind::Office || !m->prose.contains(title.prose)) continue;
    if (const auto org = facts.entity(m->entity).organisation) {
      title.attachment = TitleAttachment::Office;
      title.organisation = *org;
      return true;
    }
  }
  for (const Mention* m : mentions) {
    if (kindOf(*m) != EntityKind::Organisation || m->prose.end > title.prose.begin) continue;
    const std::string gap = gapText(prose, m->prose.end, title.prose.begin);
    if ((gap.empty() && hasSpace(prose, m->prose.end, title.prose.begin)) || gap == "'s" ||
        isRankWord(prose, m->prose.end, title.prose.begin)) {
      title.attachment = TitleAttachment::OrganisationBefore;
      title.organisation = m->entity;
    }
  }
  if (title.organisation) return true;
  for (const Mention* m : mentions) {
    if (kindOf(*m) != EntityKind::Organisation || m->prose.begin < title.prose.end) continue;
    const std::string gap = gapText(prose, title.prose.end, m->prose.begin);
    if (gap == "of" || gap == "of the") {
      title.attachment = TitleAttachment::OrganisationAfter;
      title.organisation = m->entity;
      return true;
    }
  }
  return false;
}

// The person the title names: right after it ("Secretary General Helga Schmid") or before it
// after a comma ("Helga Schmid, Secretary General"); nullptr when none.
const Mention* namedPerson(const FactBase& facts, std::string_view prose, const std::vector<const Mention*>& mentions,
                           const WrittenTitle& title) {
  for (const Mention* m : mentions) {
    if (facts.entity(m->entity).kind != EntityKind::Person) continue;
    if (m->prose.begin >= title.prose.end) {
      const std::string gap = gapText(prose, title.prose.end, m->prose.begin);
      if (gap.empty() && hasSpace(prose, title.prose.end, m->prose.begin)) return m;
    } else if (m->prose.end <= title.prose.begin) {
      const std::string gap = gapText(prose, m->prose.end, title.prose.begin);
      if (gap == "," || gap == ", the") return m;
    }
  }
  return nullptr;
}

}  // namespace

void TitleFormFinder::findInBlock(std::string_view prose, uint32_t block, const document::ProseText* map,
                                  const MentionSet& mentions, std::vector<WrittenTitle>& out) const {
  if (forms_.empty()) return;
  const base::FoldedText folded(prose);
  const std::string_view text = folded.text();
  const BlockWords words(text);
  std::vector<const Mention*> here;
  for (const Mention& mention : mentions.mentions)
    if (mention.block == block) here.push_back(&mention);

  std::vector<std::string> written;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words.joint(i) == '-') continue;  // inside a compound this finder does not know ("Vice-Secretary-General")
    const std::vector<uint32_t>* candidates = formsStartingAt(words.lowerAt(i));
    if (candidates == nullptr || candidates->empty()) continue;
    const auto n = formAt(words, i, forms_, *candidates, written);
    if (!n) continue;
    WrittenTitle title;
    title.block = block;
    const base::Range foldedRange{words.range(i).begin, words.range(i + *n - 1).end};
    title.prose = folded.toOriginal(foldedRange);
    title.source = map != nullptr ? map->toSource(title.prose) : title.prose;
    title.written = std::string(text.substr(foldedRange.begin, foldedRange.size()));
    title.words = written;
    attach(prose, here, title);
    if (title.attachment == TitleAttachment::None) title.tiedElsewhere = nextToUnknownName(words, i, *n, lexicon_);
    out.push_back(std::move(title));
    i += *n - 1;
  }
}

void TitleFormFinder::attach(std::string_view prose, const std::vector<const Mention*>& mentions,
                             WrittenTitle& title) const {
  if (attachOrganisation(facts_, prose, mentions, title)) return;
  const Mention* person = namedPerson(facts_, prose, mentions, title);
  if (person == nullptr) return;
  // The person's offices whose organisations write a title with these words.
  title.attachment = TitleAttachment::Person;
  for (const facts::Tenure& tenure : facts_.entity(person->entity).holds) {
    const auto org = facts_.entity(tenure.office).organisation;
    const auto& orgs = title.personOrganisations;
    if (!org || std::find(orgs.begin(), orgs.end(), *org) != orgs.end()) continue;
    if (houseForm(facts_, *org, title)) title.personOrganisations.push_back(*org);
  }
  if (!title.personOrganisations.empty()) title.organisation = title.personOrganisations.front();
}

}  // namespace galley::annotate
