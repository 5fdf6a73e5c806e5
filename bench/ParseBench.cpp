// Measures the raw tree-sitter cost of one communiqué: the Markdown block grammar over the whole
// release, then the inline grammar over each `inline` node, as the document layer does. Uses the
// C API only, so it measures whichever runtime GALLEY_TS_RUNTIME linked (system 0.20.7 or the
// vendored 0.25) and stays independent of the document layer's own code.

#include <benchmark/benchmark.h>
#include <tree_sitter/api.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

extern "C" {
const TSLanguage* tree_sitter_markdown();         // NOLINT(readability-identifier-naming)
const TSLanguage* tree_sitter_markdown_inline();  // NOLINT(readability-identifier-naming)
}

namespace {

constexpr std::size_t kReleaseBytes = 4096;

// Paragraphs written for this benchmark, shaped like a Secretariat press release: front matter, a
// headline, a dateline, emphasis, links, a list, a table and a quote, so both grammars do real work.
std::string makeRelease() {
  const std::string header =
      "---\n"
      "title: SCO and UNODC review their cooperation on drugs\n"
      "date: 2017-03-14\n"
      "place: Vienna\n"
      "---\n\n"
      "# SCO and UNODC review their cooperation on drugs\n\n"
      "**Vienna, 14 March 2017** — The Secretary-General of the *Shanghai Cooperation "
      "Organisation*, Rashid Alimov, held talks today with Yury Fedotov, Under-Secretary-General "
      "of the United Nations and Executive Director of the [UNODC](https://www.unodc.org/).\n\n";
  const std::vector<std::string_view> body = {
      "The two sides looked back on the Memorandum of Understanding that the two secretariats "
      "signed in **Astana** on 14 June 2011, and agreed that its plan of work should be refreshed "
      "before the summit in June.\n\n",
      "- joint training for border and customs officers;\n"
      "- an exchange of data on *new psychoactive substances*;\n"
      "- a common position at the [Commission on Narcotic Drugs](https://example.org/cnd).\n\n",
      "| Event | Date | Place |\n"
      "|---|---|---|\n"
      "| Joint Declaration | 5 April 2010 | Tashkent |\n"
      "| Memorandum signed | 14 June 2011 | Astana |\n\n",
      "> Cooperation against drug trafficking is one of the `core` tasks of the organisation, "
      "the Secretary-General said, and the UN remains its natural partner.\n\n",
      "Both officials welcomed General Assembly resolution 71/14, adopted without a vote in "
      "November 2016, which calls for **closer** ties between the two bodies.\n\n",
  };
  std::string text = header;
  for (std::size_t i = 0; text.size() < kReleaseBytes; ++i)
    text += body[i % body.size()];
  text.resize(kReleaseBytes);
  text.back() = '\n';
  return text;
}

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// Appends the range of every `inline` node under `root` (pre-order) to `out`.
void collectInlineRanges(TSNode root, std::vector<TSRange>& out) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool more = true;
  while (more) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    if (std::string_view(ts_node_type(node)) == "inline") {
      out.push_back(TSRange{ts_node_start_point(node), ts_node_end_point(node),
                            ts_node_start_byte(node), ts_node_end_byte(node)});
    } else if (ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        more = false;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
}

// How the inline grammar is pointed at one inline node.
enum class InlineMode {
  kIncludedRange,  // whole text + ts_parser_set_included_ranges: offsets stay file offsets
  kSubstring,      // only the node's bytes: offsets are relative to the node's start
};

// Parses `text` fully; returns the number of inline nodes parsed (0 means the setup is broken).
std::size_t parseRelease(TSParser* block, TSParser* inlines, const std::string& text,
                         std::vector<TSRange>& ranges, InlineMode mode) {
  const auto length = static_cast<std::uint32_t>(text.size());
  const TreePtr tree(ts_parser_parse_string(block, nullptr, text.data(), length));
  ranges.clear();
  collectInlineRanges(ts_tree_root_node(tree.get()), ranges);
  for (const TSRange& range : ranges) {
    TreePtr inlineTree;
    if (mode == InlineMode::kIncludedRange) {
      ts_parser_set_included_ranges(inlines, &range, 1);
      inlineTree.reset(ts_parser_parse_string(inlines, nullptr, text.data(), length));
    } else {
      inlineTree.reset(ts_parser_parse_string(inlines, nullptr, text.data() + range.start_byte,
                                              range.end_byte - range.start_byte));
    }
    benchmark::DoNotOptimize(ts_node_child_count(ts_tree_root_node(inlineTree.get())));
  }
  return ranges.size();
}

// state.range(0) selects the InlineMode (0: included range, 1: substring).
void bmParseRelease(benchmark::State& state) {
  const auto mode = state.range(0) == 0 ? InlineMode::kIncludedRange : InlineMode::kSubstring;
  const std::string text = makeRelease();
  const ParserPtr block(ts_parser_new());
  const ParserPtr inlines(ts_parser_new());
  if (!ts_parser_set_language(block.get(), tree_sitter_markdown()) ||
      !ts_parser_set_language(inlines.get(), tree_sitter_markdown_inline())) {
    state.SkipWithError("grammar ABI not supported by the linked tree-sitter runtime");
    return;
  }
  std::vector<TSRange> ranges;
  std::size_t inlineNodes = 0;
  for (auto _ : state)  // NOLINT(readability-identifier-length): Google Benchmark's idiom
    inlineNodes = parseRelease(block.get(), inlines.get(), text, ranges, mode);
  if (inlineNodes == 0) {
    state.SkipWithError("the block grammar found no inline nodes");
    return;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["inline_nodes"] = static_cast<double>(inlineNodes);
  state.counters["bytes"] = static_cast<double>(text.size());
}

void bmParseBlockOnly(benchmark::State& state) {
  const std::string text = makeRelease();
  const ParserPtr block(ts_parser_new());
  if (!ts_parser_set_language(block.get(), tree_sitter_markdown())) {
    state.SkipWithError("grammar ABI not supported by the linked tree-sitter runtime");
    return;
  }
  const auto length = static_cast<std::uint32_t>(text.size());
  for (auto _ : state) {  // NOLINT(readability-identifier-length): Google Benchmark's idiom
    const TreePtr tree(ts_parser_parse_string(block.get(), nullptr, text.data(), length));
    benchmark::DoNotOptimize(ts_node_child_count(ts_tree_root_node(tree.get())));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

}  // namespace

BENCHMARK(bmParseRelease)->ArgName("substring")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(bmParseBlockOnly)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
