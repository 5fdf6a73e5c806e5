// ReviewServer: the review page's HTTP server (cpp-httplib): routes, security checks, limits.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/Error.h"
#include "serve/RequestGuard.h"
#include "serve/ReviewApi.h"

namespace httplib {
class Server;
}

namespace galley::serve {

// Where to listen.
struct ListenOptions {
  // Address to bind. Default: 127.0.0.1. Anything else exposes the drafts to the network; the
  // command line warns before using it.
  std::string host = "127.0.0.1";
  // 0: a free port the system picks. Default: 0.
  int port = 0;
};

// Serves the page (GET /), its style and script, and the API (/api/...) through `api`. Every
// request must pass RequestGuard's Host check (403 otherwise); POST requests must carry the token
// header (403); bodies above kMaxRequestBody are refused (413). Responses forbid framing, sniffing
// and any script or style from elsewhere (Content-Security-Policy).
// Thread safety: start() once; stop() from any thread; the handlers run on the server's pool.
class ReviewServer {
 public:
  explicit ReviewServer(const ReviewApi& api);
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;
  ReviewServer(ReviewServer&&) = delete;
  ReviewServer& operator=(ReviewServer&&) = delete;
  ~ReviewServer();

  // Binds the socket. Returns the port, or an Environment error when the address cannot be bound.
  base::Expected<int> bind(const ListenOptions& options);
  // Answers requests until stop(). REQUIRES: bind() succeeded.
  void run();
  // Makes run() return (callable from a signal-watching or test thread).
  void stop();

  // The per-run token the page carries. REQUIRES: bind() succeeded.
  [[nodiscard]] const std::string& token() const { return guard_->token(); }

 private:
  void route();

  const ReviewApi& api_;
  std::unique_ptr<httplib::Server> http_;
  std::optional<RequestGuard> guard_;
  std::string page_;  // index.html with the token in place
};

}  // namespace galley::serve
