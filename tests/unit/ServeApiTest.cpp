// The review server over real HTTP (in-process, an ephemeral port): what it serves, what it
// refuses (path traversal, symlink escape, wrong Host, missing token, oversized body), and that a
// refused request writes nothing.
#include <gtest/gtest.h>
#include <httplib.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <thread>

#include "CliHarness.h"
#include "engine/RuleLoading.h"
#include "serve/PathGuard.h"
#include "serve/RequestGuard.h"
#include "serve/ReviewApi.h"
#include "serve/ReviewServer.h"

namespace galley::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::readAll;
using testing::ScratchDir;

constexpr std::string_view kDraft =
    "# Talks in Vienna\n\nVienna, 14 March 2017\n\nThe UN Under-Secretary General met the delegation.\n";
constexpr std::string_view kSecret = "Outside the served folder.\n";

// The bundled packs, loaded once for the whole suite.
const checks::RuleSet& bundledRules() {
  static const std::unique_ptr<checks::RuleSet> kRules = engine::loadRules({{}, true, {}}, std::cerr);
  return *kRules;
}

class ServeApi : public ::testing::Test {
 protected:
  void SetUp() override {
    draft_ = folder_.write("drafts/talks.md", std::string(kDraft));
    secret_ = outside_.write("secret.md", std::string(kSecret));
    fs::create_symlink(secret_, folder_.path() / "escape.md");
    fs::create_directory_symlink(outside_.path(), folder_.path() / "elsewhere");
    folder_.write(".git/hidden.md", "hidden\n");
    engine::EngineOptions options;
    options.jobs = 1;
    engine_ = std::make_unique<engine::Engine>(engine::hooksFor(bundledRules()), options);
    guard_ = std::make_unique<PathGuard>(folder_.path());
    api_ = std::make_unique<ReviewApi>(*engine_, bundledRules(), *guard_);
    server_ = std::make_unique<ReviewServer>(*api_);
    const auto port = server_->bind({"127.0.0.1", 0});
    ASSERT_TRUE(port.has_value());
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    for (int attempt = 0; attempt < 200 && !client_->Get("/api/files"); ++attempt)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  void TearDown() override {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Headers withToken() const { return {{std::string(kTokenHeader), server_->token()}}; }
  httplib::Result post(const std::string& path, const json& body, const httplib::Headers& headers) {
    return client_->Post(path.c_str(), headers, body.dump(), "application/json");
  }
  // Every file under the two folders with its bytes, to show a refused request wrote nothing.
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto* dir : {&folder_, &outside_})
      for (const auto& entry : fs::recursive_directory_iterator(dir->path()))
        if (entry.is_regular_file() && !entry.is_symlink()) files[entry.path().string()] = readAll(entry.path().string());
    return files;
  }

  ScratchDir folder_;
  ScratchDir outside_;
  std::string draft_;
  std::string secret_;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<PathGuard> guard_;
  std::unique_ptr<ReviewApi> api_;
  std::unique_ptr<ReviewServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};

TEST_F(ServeApi, PageCarriesTheTokenAndForbidsForeignResources) {
  const auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<meta name=\"galley-token\" content=\"" + server_->token() + "\">"), std::string::npos);
  EXPECT_EQ(server_->token().size(), 32U);
  EXPECT_EQ(page->body.find("http"), std::string::npos) << "the page must not name any address";
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  const auto script = client_->Get("/page.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body.find("innerHTML"), std::string::npos) << "server text goes through textContent only";
}

TEST_F(ServeApi, ListsTheFolderDraftsOnly) {
  const auto files = client_->Get("/api/files");
  ASSERT_TRUE(files);
  ASSERT_EQ(files->status, 200);
  EXPECT_EQ(json::parse(files->body)["files"], json::array({"drafts/talks.md"}));
}

TEST_F(ServeApi, OpensAFolderDraftWithItsFindings) {
  const auto opened = client_->Get("/api/file?path=drafts/talks.md");
  ASSERT_TRUE(opened);
  ASSERT_EQ(opened->status, 200) << opened->body;
  const json reply = json::parse(opened->body);
  EXPECT_EQ(reply["text"], kDraft);
  ASSERT_FALSE(reply["diagnostics"].empty());
  EXPECT_EQ(reply["diagnostics"][0]["rule"], "un-style.title-hyphenation");
}

TEST_F(ServeApi, PathTraversalAndSymlinkEscapesAreRefused) {
  const auto before = snapshot();
  for (const std::string& path : {"../" + fs::path(outside_.path()).filename().string() + "/secret.md", secret_,
                                 std::string("escape.md"), std::string("elsewhere/secret.md"),
                                 std::string("drafts/../../x.md"), std::string(".git/hidden.md")}) {
    const auto got = client_->Get("/api/file", httplib::Params{{"path", path}}, httplib::Headers{});
    ASSERT_TRUE(got);
    EXPECT_EQ(got->status, 403) << path << ": " << got->body;
    EXPECT_EQ(got->body.find("Outside the served folder"), std::string::npos);
    const auto saved = post("/api/save", {{"path", path}, {"text", "overwritten\n"}, {"original", kSecret}}, withToken());
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 403) << path;
  }
  const auto created = post("/api/save", {{"path", "drafts/new.md"}, {"text", "x\n"}, {"original", ""}}, withToken());
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 404) << "save never creates files";
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(readAll(secret_), kSecret);
}

TEST_F(ServeApi, WrongHostIsRefusedEvenWithTheToken) {
  const auto before = snapshot();
  httplib::Headers rebound = withToken();
  rebound.emplace("Host", "attacker.example:" + std::to_string(port_));
  const auto listed = client_->Get("/api/files", rebound);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->status, 403);
  EXPECT_EQ(listed->body.find("talks.md"), std::string::npos);
  const auto saved = post("/api/save", {{"path", "drafts/talks.md"}, {"text", "x\n"}, {"original", kDraft}}, rebound);
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 403);
  httplib::Headers wrongPort{{"Host", "127.0.0.1:" + std::to_string(port_ + 1)}};
  EXPECT_EQ(client_->Get("/", wrongPort)->status, 403);
  EXPECT_EQ(snapshot(), before);
  // The loopback names the page may be opened under are accepted.
  for (const std::string_view host : {"localhost", "127.0.0.1", "[::1]"}) {
    const auto ok = client_->Get("/api/files", httplib::Headers{{"Host", std::string(host) + ":" + std::to_string(port_)}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << host;
  }
}

TEST_F(ServeApi, StateChangingRequestsNeedTheToken) {
  const auto before = snapshot();
  const json body = {{"path", "drafts/talks.md"}, {"text", "changed\n"}, {"original", kDraft}};
  const auto missing = post("/api/save", body, {});
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 403);
  const auto wrong = post("/api/save", body, {{std::string(kTokenHeader), std::string(32, '0')}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(post("/api/check", {{"text", "x"}}, {})->status, 403);
  EXPECT_EQ(snapshot(), before);
  // With the token the same request goes through: the refusals above were the token's doing.
  const auto saved = post("/api/save", body, withToken());
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 200) << saved->body;
  EXPECT_EQ(readAll(draft_), "changed\n");
}

TEST_F(ServeApi, OversizedBodiesAreRefusedWith413) {
  const auto before = snapshot();
  const std::string huge(kMaxRequestBody + 1, 'a');
  const json body = {{"path", "drafts/talks.md"}, {"text", huge}, {"original", kDraft}};
  const auto saved = post("/api/save", body, withToken());
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 413);
  const auto checked = post("/api/check", {{"text", huge}}, withToken());
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->status, 413);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(ServeApi, SaveRefusesAFileChangedSinceItWasOpened) {
  const auto saved = post("/api/save", {{"path", "drafts/talks.md"}, {"text", "mine\n"}, {"original", "stale\n"}}, withToken());
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 409);
  EXPECT_EQ(readAll(draft_), kDraft);
}

TEST_F(ServeApi, CheckGivesUtf16PositionsAndFixAppliesOneSafeFix) {
  // "é" is two UTF-8 bytes but one UTF-16 unit; "𝄞" four bytes, two units.
  const std::string text = "# Caf\xC3\xA9 \xF0\x9D\x84\x9E\n\nThe UN Under-Secretary General spoke.\n";
  const auto checked = post("/api/check", {{"text", text}, {"path", "pasted.md"}}, withToken());
  ASSERT_TRUE(checked);
  ASSERT_EQ(checked->status, 200) << checked->body;
  const json found = json::parse(checked->body)["diagnostics"];
  ASSERT_EQ(found.size(), 1U) << found.dump();
  const json& d = found[0];
  EXPECT_EQ(d["rule"], "un-style.title-hyphenation");
  const size_t begin = text.find("Under-Secretary General");
  EXPECT_EQ(d["begin"], begin);
  EXPECT_EQ(d["from"], begin - 1 - 2);  // é: 2 bytes, 1 unit; 𝄞: 4 bytes, 2 units
  EXPECT_EQ(d["to"].get<size_t>() - d["from"].get<size_t>(), std::string("Under-Secretary General").size());
  EXPECT_TRUE(d["fix"]["safe"]);
  EXPECT_FALSE(d["explanation"].get<std::string>().empty());

  const auto fixed = post("/api/fix", {{"text", text}, {"path", "pasted.md"},
                                       {"finding", {{"rule", d["rule"]}, {"begin", d["begin"]}, {"end", d["end"]}}}},
                          withToken());
  ASSERT_TRUE(fixed);
  ASSERT_EQ(fixed->status, 200) << fixed->body;
  const json reply = json::parse(fixed->body);
  EXPECT_NE(reply["text"].get<std::string>().find("Under-Secretary-General spoke"), std::string::npos);
  EXPECT_EQ(reply["fixesApplied"], 1);
  EXPECT_TRUE(reply["diagnostics"].empty()) << reply["diagnostics"].dump();
  // The same finding asked for again, on the fixed text, is gone: 409, not a second edit.
  const auto again = post("/api/fix", {{"text", reply["text"]}, {"finding", {{"rule", d["rule"]}, {"begin", d["begin"]}, {"end", d["end"]}}}},
                          withToken());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
}

TEST_F(ServeApi, FactFindingsCarryTheSourceTitleAndLink) {
  const std::string text =
      "# Cooperation\n\nThe Shanghai Convention on Combating Terrorism, Separatism and Extremism, signed in Astana, "
      "guides the work.\n";
  const auto checked = post("/api/check", {{"text", text}}, withToken());
  ASSERT_TRUE(checked);
  ASSERT_EQ(checked->status, 200);
  bool sawSource = false;
  const json reply = json::parse(checked->body);
  for (const json& d : reply["diagnostics"]) {
    if (d["rule"] != "sco-un.fact") continue;
    for (const json& note : d["notes"]) {
      if (note["sourceTitle"].get<std::string>().empty()) continue;
      sawSource = true;
      EXPECT_EQ(note["sourceUrl"].get<std::string>().rfind("http", 0), 0U) << note.dump();
    }
  }
  EXPECT_TRUE(sawSource) << checked->body;
}

TEST_F(ServeApi, MalformedRequestsAre400) {
  const auto notJson = client_->Post("/api/check", withToken(), "{not json", "application/json");
  ASSERT_TRUE(notJson);
  EXPECT_EQ(notJson->status, 400);
  EXPECT_EQ(post("/api/check", json::array({1}), withToken())->status, 400);
  EXPECT_EQ(post("/api/fix", {{"text", "x"}, {"finding", {{"rule", 3}}}}, withToken())->status, 400);
}

}  // namespace
}  // namespace galley::serve

namespace galley::serve {
namespace {

TEST(ServeCli, UsageErrorsExitTwoWithoutServing) {
  const fs::path root = GALLEY_SOURCE_DIR;
  const auto badPort = testing::runBinary({"serve", "--port", "http", "fixtures"}, root);
  EXPECT_EQ(badPort.code, 2);
  EXPECT_NE(badPort.err.find("--port must be a number from 0 to 65535, not 'http'"), std::string::npos) << badPort.err;
  const auto notFolder = testing::runBinary({"serve", "README.md"}, root);
  EXPECT_EQ(notFolder.code, 2);
  EXPECT_NE(notFolder.err.find("'README.md' is not a folder"), std::string::npos) << notFolder.err;
  const auto two = testing::runBinary({"serve", "fixtures", "rules"}, root);
  EXPECT_EQ(two.code, 2);
  EXPECT_TRUE(badPort.out.empty() && notFolder.out.empty() && two.out.empty()) << "no address printed";
}

TEST(ServeCli, WithoutItsProgramBesideGalleyServeSaysWhatIsMissing) {
  // `galley serve` runs galley-serve from galley's own folder; a galley copied alone elsewhere
  // must say so and exit 2, not fail silently or run some other galley-serve on the PATH.
  const testing::ScratchDir scratch;
  const fs::path alone = scratch.path() / "galley";
  fs::copy_file(GALLEY_BINARY, alone);
  const testing::ScratchDir io;
  const std::string err = (io.path() / "stderr").string();
  const std::string command = testing::shellQuote(alone.string()) + " serve . </dev/null >/dev/null 2>" + testing::shellQuote(err);
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::ifstream in(err);
  const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find("cannot run the review page's program"), std::string::npos) << message;
  EXPECT_NE(message.find((scratch.path() / "galley-serve").string()), std::string::npos) << message;
}

}  // namespace
}  // namespace galley::serve
