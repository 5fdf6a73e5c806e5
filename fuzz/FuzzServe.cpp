// Fuzz target: the review page's request handling without a socket: serve::ReviewApi (check, fix,
// file, save), serve::PathGuard and serve::RequestGuard on arbitrary request bodies, paths and
// header values, over a served folder made at start-up (two drafts, a hidden folder, a link
// leading out, a file beside the folder that must never be read or written).
// Input: byte 0 picks the endpoint, the rest is the body (or the path, or the header value).
// Invariants: no throw, a status the server knows, a reply that serialises as the server sends
// it; a path PathGuard accepts is a regular draft inside the folder; /api/file and /api/save
// succeed only on such paths; the file outside is never changed; save writes exactly `text` and
// only over `original`; the Host and token checks accept exactly what they should.
#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "LintTarget.h"
#include "serve/PathGuard.h"
#include "serve/RequestGuard.h"
#include "serve/ReviewApi.h"

namespace {

namespace fs = std::filesystem;
namespace serve = galley::serve;
using nlohmann::json;

constexpr int kPort = 8765;
constexpr const char* kToken = "0123456789abcdef0123456789abcdef";
constexpr const char* kOutsideText = "# Outside\n\nThe Secretary General must never be fixed here.\n";
constexpr const char* kNoteText = "# Note\n\nThe Secretary General spoke on 14 June 2011.\n";
constexpr const char* kPlainText = "Plain text draft.\r\nSecond line, naïve.\r\n";

void require(bool condition) {
  if (!condition) std::abort();
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The served folder: ROOT/served/{note.md, sub/plain.txt, .hidden/secret.md, out.md -> ../outside.md}.
struct Site {
  fs::path root;
  fs::path served;
  fs::path outside;
  std::unique_ptr<serve::PathGuard> guard;

  void reset() const {
    std::ofstream(served / "note.md", std::ios::binary | std::ios::trunc) << kNoteText;
    std::ofstream(served / "sub" / "plain.txt", std::ios::binary | std::ios::trunc) << kPlainText;
  }
};

const Site& site() {
  static const Site* const made = [] {
    auto* out = new Site;  // lives as long as the process
    std::string pattern = (fs::temp_directory_path() / "galley-fuzz-serve-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    out->root = pattern;
    out->served = out->root / "served";
    out->outside = out->root / "outside.md";
    fs::create_directories(out->served / "sub");
    fs::create_directories(out->served / ".hidden");
    std::ofstream(out->outside, std::ios::binary) << kOutsideText;
    std::ofstream(out->served / ".hidden" / "secret.md", std::ios::binary) << kOutsideText;
    fs::create_symlink("../outside.md", out->served / "out.md");
    out->reset();
    out->guard = std::make_unique<serve::PathGuard>(out->served);
    return out;
  }();
  return *made;
}

// A reply as ReviewServer sends it; statuses the server can give.
void checkReply(const serve::ApiReply& reply) {
  require(reply.status == 200 || reply.status == 400 || reply.status == 403 || reply.status == 404 ||
          reply.status == 409 || reply.status == 500);
  require(reply.body.is_object());
  if (reply.status != 200) require(reply.body.contains("error") && reply.body["error"].is_string());
  const std::string sent = reply.body.dump(-1, ' ', false, json::error_handler_t::replace);
  require(!json::parse(sent, nullptr, false).is_discarded());
}

// A path PathGuard accepted lies in the served folder, is a regular draft, and is not hidden.
void checkResolved(const Site& served, const serve::ResolvedPath& resolved) {
  if (resolved.problem != serve::PathProblem::None) {
    require(!resolved.message.empty());
    return;
  }
  const fs::path folder = served.guard->folder();
  const std::string file = resolved.file.string();
  require(file.size() > folder.string().size() && file.starts_with(folder.string() + "/"));
  require(fs::is_regular_file(resolved.file) && !fs::is_symlink(resolved.file));
  require(fs::equivalent(resolved.file, served.served / "note.md") || fs::equivalent(resolved.file, served.served / "sub" / "plain.txt"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Site& served = site();
  static const galley::engine::Engine& engine = galley::fuzz::bundledEngine();
  static const serve::ReviewApi api(engine, galley::fuzz::bundledRules(), *served.guard);
  static const serve::RequestGuard requests(kToken, kPort, "review.example");
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)

  switch (data[0] % 6) {
    case 0: checkReply(api.check(body)); break;
    case 1: checkReply(api.fix(body)); break;
    case 2: {
      const serve::ApiReply reply = api.file(body);
      checkReply(reply);
      checkResolved(served, served.guard->resolve(body));
      require((reply.status == 200) == (served.guard->resolve(body).problem == serve::PathProblem::None));
      break;
    }
    case 3: {
      const serve::ApiReply reply = api.save(body);
      checkReply(reply);
      if (reply.status == 200) {
        // Only a draft inside, holding `original` before, now holding `text`.
        const json request = json::parse(body);
        const serve::ResolvedPath resolved = served.guard->resolve(request["path"].get<std::string>());
        checkResolved(served, resolved);
        require(slurp(resolved.file) == request["text"].get<std::string>());
        served.reset();
      }
      break;
    }
    case 4: {
      const bool loopback = body == "127.0.0.1:8765" || body == "localhost:8765" || body == "[::1]:8765" ||
                            body == "review.example:8765";
      require(requests.hostAllowed(body) == loopback);
      require(requests.tokenValid(body) == (body == kToken));
      break;
    }
    default: checkResolved(served, served.guard->resolve(body)); break;
  }
  require(slurp(served.outside) == kOutsideText);
  require(slurp(served.served / ".hidden" / "secret.md") == kOutsideText);
  return 0;
}
