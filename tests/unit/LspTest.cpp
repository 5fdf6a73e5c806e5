// The language server: framing, dispatch robustness, positions in both encodings, diagnostics,
// code actions, hover, pull diagnostics, cancellation and rule reloading; and the binary over pipes.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/FileUri.h"
#include "lsp/Framing.h"
#include "lsp/Positions.h"
#include "lsp/Server.h"

namespace galley::lsp {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A Server with every message it sent collected.
class Harness {
 public:
  // `more` adds initialize params (rootUri, workspaceFolders).
  explicit Harness(json capabilities = json::object(), json init = {{"debounceMs", 0}}, json more = json::object()) {
    ServerOptions options;
    server_ = std::make_unique<Server>(
        options, [this](const std::string& message) { sent_.push_back(json::parse(message)); },  // throws on invalid JSON
        [this](const std::string& line) { logged_.push_back(line); });
    json params = {{"capabilities", std::move(capabilities)}, {"initializationOptions", std::move(init)}};
    params.update(more);
    send({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", std::move(params)}});
    initializeResult_ = sent_.back();
    notify("initialized", json::object());
  }
  void send(const json& message) { server_->handle(message.dump()); }
  void raw(const std::string& body) { server_->handle(body); }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  json request(int id, const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return responseTo(id);
  }
  [[nodiscard]] json responseTo(const json& id) const {
    for (auto it = sent_.rbegin(); it != sent_.rend(); ++it)
      if (it->contains("id") && (*it)["id"] == id && !it->contains("method")) return *it;
    return nullptr;
  }
  // The last publishDiagnostics for `uri`.
  [[nodiscard]] json published(const std::string& uri) const {
    for (auto it = sent_.rbegin(); it != sent_.rend(); ++it)
      if (it->value("method", "") == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri) return (*it)["params"];
    return nullptr;
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
  }
  void settle() { server_->runDue(Clock::now() + std::chrono::hours(1)); }
  Server& server() { return *server_; }
  std::vector<json>& sent() { return sent_; }
  [[nodiscard]] const json& initializeResult() const { return initializeResult_; }

 private:
  std::unique_ptr<Server> server_;
  std::vector<json> sent_;
  std::vector<std::string> logged_;
  json initializeResult_;
};

const std::string kUri = "file:///drafts/note.md";
// "é" (2 UTF-8 bytes, 1 UTF-16 unit), "–" (3, 1), curly quotes (3, 1 each), an emoji (4, 2).
const std::string kTricky = "# Note\n\nCaf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x9Cyes\xE2\x80\x9D \xF0\x9F\x98\x80 the Secretary General spoke.\n";

TEST(LspFraming, SplitsFramesAcrossReadsAndSkipsBadHeaders) {
  FrameReader reader;
  const std::string one = encodeFrame("{\"a\":1}");
  reader.append(one.substr(0, 10));
  EXPECT_FALSE(reader.next().has_value());
  reader.append(one.substr(10));
  auto frame = reader.next();
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->body, "{\"a\":1}");
  reader.append("Content-Length: abc\r\n\r\n{}" + encodeFrame("{\"b\":2}"));
  frame = reader.next();
  ASSERT_TRUE(frame.has_value());
  EXPECT_NE(frame->problem.find("not a number"), std::string::npos);
  frame = reader.next();
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->body, "{\"b\":2}");
  reader.append("Content-Type: x\r\n\r\n");
  frame = reader.next();
  ASSERT_TRUE(frame.has_value());
  EXPECT_NE(frame->problem.find("no Content-Length"), std::string::npos);
  reader.append("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  frame = reader.next();
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->body, "{}");
  EXPECT_EQ(reader.pending(), 0U);
}

TEST(LspPositions, Utf16AndUtf8CountTheSameLineDifferently) {
  const base::SourceBuffer source("x.md", kTricky);
  const auto at = static_cast<base::Offset>(kTricky.find("the Secretary"));
  const Position utf16 = toPosition(source, at, PositionEncoding::Utf16);
  const Position utf8 = toPosition(source, at, PositionEncoding::Utf8);
  EXPECT_EQ(utf16.line, 2U);
  // C a f é ␠ – ␠ “ y e s ” ␠ 😀 ␠: 14 one-unit characters and the emoji's 2 units.
  EXPECT_EQ(utf16.character, 16U);
  EXPECT_EQ(utf8.character, at - kTricky.find("Caf"));
  EXPECT_EQ(toOffset(source, utf16, PositionEncoding::Utf16), at);
  EXPECT_EQ(toOffset(source, utf8, PositionEncoding::Utf8), at);
  // Out of range clamps instead of failing.
  EXPECT_EQ(toOffset(source, {99, 0}, PositionEncoding::Utf16), source.size());
  EXPECT_EQ(toOffset(source, {0, 999}, PositionEncoding::Utf8), 6U);
  // Inside the emoji's bytes: moved to its end.
  const auto emoji = static_cast<base::Offset>(kTricky.find("\xF0\x9F"));
  EXPECT_EQ(toOffset(source, {2, emoji - 8 + 1}, PositionEncoding::Utf8), emoji + 4);
}

json titleDiagnostic(const json& diagnostics) {
  for (const json& diagnostic : diagnostics)
    if (diagnostic["code"] == "un-style.title-hyphenation") return diagnostic;
  return nullptr;
}

TEST(LspServer, PushesDiagnosticsWithVersionAndUtf16Positions) {
  Harness lsp;
  EXPECT_EQ(lsp.initializeResult()["result"]["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_FALSE(lsp.initializeResult()["result"]["capabilities"].contains("diagnosticProvider"));
  lsp.open(kUri, kTricky, 3);
  lsp.settle();
  const json published = lsp.published(kUri);
  ASSERT_FALSE(published.is_null());
  EXPECT_EQ(published["version"], 3);
  const json diagnostic = titleDiagnostic(published["diagnostics"]);
  ASSERT_FALSE(diagnostic.is_null()) << published.dump(2);
  EXPECT_EQ(diagnostic["source"], "galley");
  EXPECT_EQ(diagnostic["severity"], 1);
  EXPECT_EQ(diagnostic["range"]["start"], json({{"line", 2}, {"character", 20}}));
  EXPECT_EQ(diagnostic["range"]["end"], json({{"line", 2}, {"character", 37}}));
}

TEST(LspServer, NegotiatesUtf8) {
  Harness lsp(json{{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}});
  EXPECT_EQ(lsp.initializeResult()["result"]["capabilities"]["positionEncoding"], "utf-8");
  lsp.open(kUri, kTricky);
  lsp.settle();
  const json diagnostic = titleDiagnostic(lsp.published(kUri)["diagnostics"]);
  ASSERT_FALSE(diagnostic.is_null());
  const auto begin = kTricky.find("Secretary General") - kTricky.find("Caf");
  EXPECT_EQ(diagnostic["range"]["start"], json({{"line", 2}, {"character", begin}}));
}

TEST(LspServer, IncrementalChangesAreLintedAndOldVersionsNeverPublished) {
  Harness lsp;
  lsp.open(kUri, "# Note\n\nAll is well.\n", 1);
  lsp.settle();
  EXPECT_TRUE(lsp.published(kUri)["diagnostics"].empty());
  // Two quick edits: "well" -> "Secretary General", then a character added; one lint, version 3.
  lsp.notify("textDocument/didChange",
             {{"textDocument", {{"uri", kUri}, {"version", 2}}},
              {"contentChanges", {{{"range", {{"start", {{"line", 2}, {"character", 7}}}, {"end", {{"line", 2}, {"character", 11}}}}},
                                   {"text", "Secretary General"}}}}});
  lsp.notify("textDocument/didChange",
             {{"textDocument", {{"uri", kUri}, {"version", 3}}},
              {"contentChanges", {{{"range", {{"start", {{"line", 2}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 0}}}}},
                                   {"text", "X "}}}}});
  const size_t before = lsp.sent().size();
  lsp.settle();
  ASSERT_EQ(lsp.sent().size(), before + 1);
  const json published = lsp.published(kUri);
  EXPECT_EQ(published["version"], 3);
  const json diagnostic = titleDiagnostic(published["diagnostics"]);
  ASSERT_FALSE(diagnostic.is_null());
  EXPECT_EQ(diagnostic["range"]["start"]["character"], 9);
  lsp.notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_TRUE(lsp.published(kUri)["diagnostics"].empty());
}

TEST(LspServer, QuickFixDisableCommentFixAllAndHover) {
  Harness lsp;
  lsp.open(kUri, "# Note\n\nThe Secretary General spoke.\n");
  lsp.settle();
  const json diagnostic = titleDiagnostic(lsp.published(kUri)["diagnostics"]);
  ASSERT_FALSE(diagnostic.is_null());
  const json actions = lsp.request(7, "textDocument/codeAction",
                                   {{"textDocument", {{"uri", kUri}}}, {"range", diagnostic["range"]}, {"context", {{"diagnostics", {diagnostic}}}}})["result"];
  ASSERT_TRUE(actions.is_array());
  bool quickFix = false;
  bool disable = false;
  bool fixAll = false;
  for (const json& action : actions) {
    const json edits = action["edit"]["changes"][kUri];
    if (action["kind"] == "quickfix" && action.value("isPreferred", false)) {
      quickFix = true;
      EXPECT_EQ(edits[0]["newText"], "Secretary-General");
    } else if (action["kind"] == "quickfix") {
      disable = true;
      EXPECT_EQ(edits[0]["newText"], "<!-- galley-disable-next-line un-style.title-hyphenation -->\n");
      EXPECT_EQ(edits[0]["range"]["start"], json({{"line", 2}, {"character", 0}}));
    } else if (action["kind"] == "source.fixAll.galley") {
      fixAll = true;
      EXPECT_EQ(edits[0]["newText"], "-");
    }
  }
  EXPECT_TRUE(quickFix && disable && fixAll) << actions.dump(2);
  const json hover = lsp.request(8, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 2}, {"character", 8}}}});
  const std::string text = hover["result"]["contents"]["value"];
  EXPECT_NE(text.find("un-style.title-hyphenation"), std::string::npos);
  EXPECT_NE(text.find("as the organisation it belongs to writes it"), std::string::npos);  // the rule's description
  EXPECT_TRUE(lsp.request(9, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 1}}}})["result"].is_null());
}

TEST(LspServer, PullDiagnosticsAndCancellation) {
  Harness lsp(json{{"textDocument", {{"diagnostic", json::object()}}}});
  EXPECT_TRUE(lsp.initializeResult()["result"]["capabilities"].contains("diagnosticProvider"));
  lsp.open(kUri, "# Note\n\nThe Secretary General spoke.\n");
  // Still due: the answer waits for the lint; a cancel before it answers -32800.
  lsp.send({{"jsonrpc", "2.0"}, {"id", 20}, {"method", "textDocument/diagnostic"}, {"params", {{"textDocument", {{"uri", kUri}}}}}});
  EXPECT_TRUE(lsp.responseTo(20).is_null());
  lsp.notify("$/cancelRequest", {{"id", 20}});
  EXPECT_EQ(lsp.responseTo(20)["error"]["code"], -32800);
  lsp.send({{"jsonrpc", "2.0"}, {"id", 21}, {"method", "textDocument/diagnostic"}, {"params", {{"textDocument", {{"uri", kUri}}}}}});
  lsp.settle();
  const json report = lsp.responseTo(21)["result"];
  EXPECT_EQ(report["kind"], "full");
  EXPECT_FALSE(titleDiagnostic(report["items"]).is_null());
  EXPECT_TRUE(lsp.published(kUri).is_null());  // pull clients get no pushes
}

TEST(LspServer, SurvivesBadMessagesAndStillAnswers) {
  Harness lsp;
  lsp.raw("{not json");
  EXPECT_EQ(lsp.sent().back()["error"]["code"], -32700);
  lsp.raw("[1, 2]");
  EXPECT_EQ(lsp.sent().back()["error"]["code"], -32600);
  lsp.raw(R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})");
  EXPECT_EQ(lsp.sent().back()["error"]["code"], -32600);
  EXPECT_EQ(lsp.request(30, "no/suchMethod", json::object())["error"]["code"], -32601);
  // Wrong types: a number where a text is expected, a string where a position is.
  lsp.notify("textDocument/didOpen", {{"textDocument", {{"uri", kUri}, {"text", 42}}}});
  EXPECT_EQ(lsp.request(31, "textDocument/hover", {{"textDocument", {{"uri", 5}}}, {"position", "here"}})["result"], nullptr);
  lsp.open(kUri, "# Note\n\nThe Secretary General spoke.\n");
  EXPECT_EQ(lsp.request(32, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", "here"}})["error"]["code"], -32602);
  // Out-of-range positions clamp.
  lsp.notify("textDocument/didChange",
             {{"textDocument", {{"uri", kUri}, {"version", 2}}},
              {"contentChanges", {{{"range", {{"start", {{"line", 900}, {"character", 5}}}, {"end", {{"line", 999}, {"character", 99}}}}},
                                   {"text", "Tail.\n"}}}}});
  const json hover = lsp.request(33, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 2}, {"character", 4000000000LL}}}});
  EXPECT_FALSE(hover.contains("error")) << hover.dump();
  // And a valid request is still answered.
  EXPECT_EQ(lsp.request(34, "shutdown", nullptr)["result"], nullptr);
  lsp.notify("exit", nullptr);
  EXPECT_TRUE(lsp.server().exited());
  EXPECT_EQ(lsp.server().exitCode(), 0);
}

// Found with fuzz_lsp's inputs under UndefinedBehaviorSanitizer: a huge debounceMs overflowed
// the clock (now + 2^63 ms), and a position of 1e300 was converted to an integer (undefined
// behaviour); both now clamp.
TEST(LspServer, HugeDebounceAndNonIntegerPositionsClamp) {
  Harness lsp(json::object(), {{"debounceMs", INT64_MAX}});
  lsp.open(kUri, "# Note\n\nAll is well.\n", 1);
  lsp.settle();
  lsp.notify("textDocument/didChange",
             {{"textDocument", {{"uri", kUri}, {"version", 2}}},
              {"contentChanges", {{{"range", {{"start", {{"line", 1e300}, {"character", -2.5}}}, {"end", {{"line", 2.0}, {"character", 7.9}}}}},
                                   {"text", "Secretary General"}}}}});
  // The change waits for the (clamped, one-minute) debounce, then is applied as lines 2..end.
  const auto deadline = lsp.server().nextDeadline();
  ASSERT_TRUE(deadline.has_value());
  EXPECT_GT(*deadline, Clock::now());  // it waits: the sum did not wrap into the past
  EXPECT_LE(*deadline, Clock::now() + std::chrono::minutes(1));
  lsp.settle();
  const json diagnostic = titleDiagnostic(lsp.published(kUri)["diagnostics"]);
  ASSERT_FALSE(diagnostic.is_null()) << lsp.published(kUri).dump();
  EXPECT_EQ(diagnostic["range"]["start"]["line"], 2);
  EXPECT_EQ(diagnostic["range"]["start"]["character"], 7);
}

TEST(LspServer, ExitWithoutShutdownIsStatusOne) {
  Harness lsp;
  lsp.notify("exit", nullptr);
  EXPECT_TRUE(lsp.server().exited());
  EXPECT_EQ(lsp.server().exitCode(), 1);
}

TEST(LspServer, ABrokenRuleFileIsADiagnosticAndTheLastGoodRulesStay) {
  const fs::path dir = fs::temp_directory_path() / ("galley-lsp-rules-" + std::to_string(::getpid()));
  fs::create_directories(dir / "house");
  const fs::path rule = dir / "house" / "words.yaml";
  std::ofstream(rule) << "rules:\n  - id: no-utilize\n    kind: substitution\n    severity: warning\n"
                         "    message: \"Write '{expected}'\"\n    swap:\n      utilize: use\n";
  Harness lsp(json::object(), {{"debounceMs", 0}, {"rules", {dir.string()}}, {"noDefaultRules", true}});
  lsp.open(kUri, "# Note\n\nWe utilize it.\n");
  lsp.settle();
  ASSERT_EQ(lsp.published(kUri)["diagnostics"].size(), 1U);
  std::ofstream(rule) << "rules:\n  - id: no-utilize\n    kind: no-such-kind\n";
  lsp.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", "file://" + rule.string()}, {"type", 2}}}}});
  const json onRuleFile = lsp.published("file://" + rule.string());
  ASSERT_FALSE(onRuleFile.is_null());
  ASSERT_FALSE(onRuleFile["diagnostics"].empty());
  EXPECT_EQ(onRuleFile["diagnostics"][0]["range"]["start"]["line"], 2);
  lsp.settle();
  EXPECT_EQ(lsp.published(kUri)["diagnostics"].size(), 1U);  // the old rule still runs
  std::ofstream(rule) << "rules:\n  - id: no-utilize\n    kind: substitution\n    severity: warning\n"
                         "    message: \"Write '{expected}'\"\n    swap:\n      it: this\n";
  lsp.notify("textDocument/didSave", {{"textDocument", {{"uri", "file://" + rule.string()}}}});
  EXPECT_TRUE(lsp.published("file://" + rule.string())["diagnostics"].empty());
  lsp.settle();
  const json now = lsp.published(kUri)["diagnostics"];
  ASSERT_EQ(now.size(), 1U);
  EXPECT_EQ(now[0]["range"]["start"]["character"], 11);
  fs::remove_all(dir);
}

// --- per-document configuration, notes, hover ------------------------------------------------------

// A scratch folder removed at the end of the test.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("galley-lsp-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ScratchDir(ScratchDir&&) = delete;
  ScratchDir& operator=(ScratchDir&&) = delete;
  // Writes `text` to `relative` (folders made as needed); returns the file's path.
  std::string write(const std::string& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const std::string kTitleDraft = "# Note\n\nThe Secretary General spoke.\n";

TEST(LspConfig, EachDraftIsLintedWithItsNearestGalleyYaml) {
  const ScratchDir dir("config");
  // The OSCE writes "Secretary General" (its own title form); the UN folder lowers the title rule
  // to info; the nested folder has no file of its own, so drafts/un's applies.
  dir.write("drafts/osce/.galley.yaml", "organisation: OSCE\n");
  dir.write("drafts/un/.galley.yaml", "organisation: UN\nrules:\n  un-style.title-hyphenation: info\n");
  const std::string osce = base::pathToUri((dir.path() / "drafts/osce/release.md").string());
  const std::string un = base::pathToUri((dir.path() / "drafts/un/release.md").string());
  const std::string nested = base::pathToUri((dir.path() / "drafts/un/2024/march/release.md").string());
  const std::string none = base::pathToUri((dir.path() / "elsewhere/release.md").string());
  Harness lsp;
  for (const std::string& uri : {osce, un, nested, none}) lsp.open(uri, kTitleDraft);
  lsp.settle();
  EXPECT_TRUE(titleDiagnostic(lsp.published(osce)["diagnostics"]).is_null()) << lsp.published(osce).dump(2);
  for (const std::string& uri : {un, nested}) {
    const json diagnostic = titleDiagnostic(lsp.published(uri)["diagnostics"]);
    ASSERT_FALSE(diagnostic.is_null()) << uri;
    EXPECT_EQ(diagnostic["severity"], 3) << uri;  // info, from drafts/un/.galley.yaml
  }
  const json outside = titleDiagnostic(lsp.published(none)["diagnostics"]);
  ASSERT_FALSE(outside.is_null());
  EXPECT_EQ(outside["severity"], 1);  // the pack's own level: error
  // A valid edit of the UN file is seen at once (watched-file notification), for open drafts.
  dir.write("drafts/un/.galley.yaml", "organisation: UN\nrules:\n  un-style.title-hyphenation: off\n");
  lsp.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", base::pathToUri((dir.path() / "drafts/un/.galley.yaml").string())}, {"type", 2}}}}});
  lsp.settle();
  EXPECT_TRUE(titleDiagnostic(lsp.published(un)["diagnostics"]).is_null());
  EXPECT_FALSE(titleDiagnostic(lsp.published(none)["diagnostics"]).is_null());
}

TEST(LspConfig, ABrokenGalleyYamlIsADiagnosticAndTheLastGoodOneStays) {
  const ScratchDir dir("broken-config");
  const std::string config = dir.write("un/.galley.yaml", "rules:\n  un-style.title-hyphenation: warning\n");
  const std::string configUri = base::pathToUri(config);
  const std::string draft = base::pathToUri((dir.path() / "un/release.md").string());
  Harness lsp;
  lsp.open(draft, kTitleDraft);
  lsp.settle();
  ASSERT_FALSE(titleDiagnostic(lsp.published(draft)["diagnostics"]).is_null());
  EXPECT_EQ(titleDiagnostic(lsp.published(draft)["diagnostics"])["severity"], 2);
  // A misspelt key on line 3: reported there; the draft keeps the last good settings (warning,
  // not the pack's error).
  dir.write("un/.galley.yaml", "rules:\n  un-style.title-hyphenation: info\norganization: UN\n");
  lsp.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", configUri}, {"type", 2}}}}});
  const json onConfig = lsp.published(configUri);
  ASSERT_FALSE(onConfig.is_null());
  ASSERT_EQ(onConfig["diagnostics"].size(), 1U) << onConfig.dump(2);
  EXPECT_EQ(onConfig["diagnostics"][0]["range"]["start"], json({{"line", 2}, {"character", 0}}));
  EXPECT_NE(onConfig["diagnostics"][0]["message"].get<std::string>().find("organisation"), std::string::npos);  // the suggestion
  lsp.settle();
  EXPECT_EQ(titleDiagnostic(lsp.published(draft)["diagnostics"])["severity"], 2);
  // A rule id that names no rule: reported on its line, the rest of the file applies.
  dir.write("un/.galley.yaml", "rules:\n  un-style.title-hyphenation: info\n  un-style.title-hyphenatoin: off\n");
  lsp.notify("textDocument/didSave", {{"textDocument", {{"uri", configUri}}}});
  ASSERT_EQ(lsp.published(configUri)["diagnostics"].size(), 1U);
  EXPECT_EQ(lsp.published(configUri)["diagnostics"][0]["range"]["start"]["line"], 2);
  lsp.settle();
  EXPECT_EQ(titleDiagnostic(lsp.published(draft)["diagnostics"])["severity"], 3);
  // Fixed: the file's diagnostics are cleared.
  dir.write("un/.galley.yaml", "rules:\n  un-style.title-hyphenation: info\n");
  lsp.notify("textDocument/didSave", {{"textDocument", {{"uri", configUri}}}});
  EXPECT_TRUE(lsp.published(configUri)["diagnostics"].empty());
  // A draft saved to disk reloads nothing: no configuration diagnostics are sent again.
  const size_t before = lsp.sent().size();
  lsp.notify("textDocument/didSave", {{"textDocument", {{"uri", draft}}}});
  EXPECT_EQ(lsp.sent().size(), before);
}

TEST(LspConfig, AChangedExtendedFileRereadsTheConfigs) {
  const ScratchDir dir("extends");
  const std::string house = dir.write("house.yaml", "rules:\n  un-style.title-hyphenation: warning\n");
  dir.write("un/.galley.yaml", "extends: ../house.yaml\n");
  const std::string draft = base::pathToUri((dir.path() / "un/release.md").string());
  Harness lsp;
  lsp.open(draft, kTitleDraft);
  lsp.settle();
  ASSERT_EQ(titleDiagnostic(lsp.published(draft)["diagnostics"])["severity"], 2);
  dir.write("house.yaml", "rules:\n  un-style.title-hyphenation: info\n");
  lsp.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", base::pathToUri(house)}, {"type", 2}}}}});
  lsp.settle();
  EXPECT_EQ(titleDiagnostic(lsp.published(draft)["diagnostics"])["severity"], 3);
}

// The Shanghai Convention was signed in Shanghai; its source in the fact base has a title and a URL.
const std::string kFactDraft =
    "---\ntitle: Convention\ndate: 2017-03-14\n---\n\n"
    "The Shanghai Convention on Combating Terrorism, Separatism and Extremism was signed in Moscow in 2001.\n";

json factDiagnostic(const json& diagnostics) {
  for (const json& diagnostic : diagnostics)
    if (diagnostic["code"] == "sco-un.fact") return diagnostic;
  return nullptr;
}

TEST(LspNotes, RelatedLocationsAreAbsoluteFileUrisForRelativeRuleFolders) {
  // The client names the rule folder relative to its workspace folder, which is not the server's
  // current directory: the packs are found there, and the fact's note points at its YAML file by
  // an absolute file URI (a relative path would make "file://packs/...", a host named "packs").
  const ScratchDir root("notes-root");
  fs::create_directory_symlink(fs::current_path() / "rules", root.path() / "packs");
  Harness lsp(json::object(), {{"debounceMs", 0}, {"rules", {"packs"}}, {"noDefaultRules", true}},
              {{"rootUri", base::pathToUri(root.path().string())}});
  const std::string untitled = "untitled:Untitled-1";
  lsp.open(untitled, kFactDraft + "We organise talks. They organize more.\n");
  lsp.settle();
  const json diagnostics = lsp.published(untitled)["diagnostics"];
  const json fact = factDiagnostic(diagnostics);
  ASSERT_FALSE(fact.is_null()) << diagnostics.dump(2);
  ASSERT_EQ(fact["relatedInformation"].size(), 1U);
  const json location = fact["relatedInformation"][0]["location"];
  const std::string uri = location["uri"];
  const auto path = base::pathFromUri(uri);
  ASSERT_TRUE(path.has_value()) << uri;
  EXPECT_TRUE(path->starts_with((root.path() / "packs" / "sco-un").string() + "/")) << uri;
  EXPECT_TRUE(fs::is_regular_file(*path)) << uri;
  // The line the note names holds the place the fact base gives.
  std::ifstream facts(*path);
  std::string line;
  for (int64_t number = 0; number <= location["range"]["start"]["line"].get<int64_t>(); ++number) std::getline(facts, line);
  EXPECT_NE(line.find("shanghai"), std::string::npos) << line;
  // Notes in the draft itself (the first use of the other spelling) keep the draft's URI,
  // even for a buffer that is not a file.
  bool sameDocument = false;
  for (const json& diagnostic : diagnostics) {
    for (const json& related : diagnostic.value("relatedInformation", json::array())) {
      const std::string at = related["location"]["uri"];
      EXPECT_TRUE(at == untitled || at.starts_with("file:///")) << at;
      sameDocument = sameDocument || at == untitled;
    }
  }
  EXPECT_TRUE(sameDocument) << diagnostics.dump(2);
}

TEST(LspHover, AFactFindingShowsTheRuleTheFactAndItsSource) {
  Harness lsp;
  const std::string uri = "file:///drafts/convention.md";
  lsp.open(uri, kFactDraft);
  lsp.settle();
  const json fact = factDiagnostic(lsp.published(uri)["diagnostics"]);
  ASSERT_FALSE(fact.is_null()) << lsp.published(uri).dump(2);
  const json hover = lsp.request(40, "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", fact["range"]["start"]}});
  const std::string text = hover["result"]["contents"]["value"];
  EXPECT_NE(text.find("**sco-un.fact** (error)"), std::string::npos) << text;
  EXPECT_NE(text.find("must agree with it"), std::string::npos) << text;  // the rule's description
  EXPECT_NE(text.find("Flagged: "), std::string::npos) << text;           // and its examples
  EXPECT_NE(text.find("Accepted: "), std::string::npos) << text;
  // The fact, its source's title linked to the source's URL, and the fact's line.
  EXPECT_NE(text.find("as Shanghai"), std::string::npos) << text;
  EXPECT_NE(text.find("Source: [The World and Japan database (GRIPS / University of Tokyo): the Shanghai Convention"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("](https://worldjpn.net/documents/texts/SCO/20010615.T2E.html)"), std::string::npos) << text;
  const size_t written = text.find("Written in [facts-documents.yaml:");
  ASSERT_NE(written, std::string::npos) << text;
  EXPECT_NE(text.find("(file:///", written), std::string::npos) << text;
  // The title is not written twice (once in the note's message, once as the link).
  EXPECT_EQ(text.find("(source: The World"), std::string::npos) << text;
}

// --- the binary, over pipes ------------------------------------------------------------------------

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<json> decodeAll(std::string bytes) {
  FrameReader reader;
  reader.append(bytes);
  std::vector<json> out;
  while (auto frame = reader.next())
    if (frame->problem.empty()) out.push_back(json::parse(frame->body));
  return out;
}

TEST(LspBinary, TruncatedFramesAndGarbageThenAValidRequestAndACleanExit) {
  const fs::path dir = fs::temp_directory_path() / ("galley-lsp-bin-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string input;
  input += encodeFrame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
  input += "Content-Length: 9999999999999999999999\r\n\r\n";
  input += "garbage without any header\r\n\r\n";
  input += encodeFrame("{\"jsonrpc\":\"2.0\",\"id\":2,");  // invalid JSON (cut short inside a frame)
  input += encodeFrame(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":7}}})");
  input += encodeFrame(R"({"jsonrpc":"2.0","id":4,"method":"workspace/unknown"})");
  input += encodeFrame(R"({"jsonrpc":"2.0","id":5,"method":"shutdown"})");
  input += encodeFrame(R"({"jsonrpc":"2.0","method":"exit"})");
  std::ofstream(dir / "in", std::ios::binary) << input;
  const std::string command = "timeout 60 '" + std::string(GALLEY_BINARY) + "' lsp <'" + (dir / "in").string() + "' >'" +
                              (dir / "out").string() + "' 2>'" + (dir / "err").string() + "'";
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the test runs its own binary
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << slurp((dir / "err").string());
  const std::vector<json> out = decodeAll(slurp((dir / "out").string()));
  std::map<int, json> byId;
  for (const json& message : out)
    if (message.contains("id") && message["id"].is_number()) byId[message["id"].get<int>()] = message;
  EXPECT_TRUE(byId[1]["result"]["capabilities"]["hoverProvider"].get<bool>());
  EXPECT_TRUE(byId[3].contains("result"));  // a uri of the wrong type: no such document, null
  EXPECT_EQ(byId[4]["error"]["code"], -32601);
  EXPECT_TRUE(byId[5].contains("result"));
  bool parseError = false;
  for (const json& message : out) parseError = parseError || (message.contains("error") && message["error"]["code"] == -32700);
  EXPECT_TRUE(parseError);
  EXPECT_NE(slurp((dir / "err").string()).find("Content-Length"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace galley::lsp
