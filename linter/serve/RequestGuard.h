// RequestGuard: who may talk to the review server (Host header, per-run token) and how much.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace galley::serve {

// 8 MiB: far above any communiqué, small enough that a stray upload is refused at once (413).
inline constexpr size_t kMaxRequestBody = size_t{8} << 20U;

// The header carrying the per-run token on state-changing requests.
inline constexpr std::string_view kTokenHeader = "X-Galley-Token";

// Decides whether a request may be served. The Host header must name the loopback address the
// server listens on (127.0.0.1, localhost or [::1], with the port), so a web page whose DNS name
// was rebound to 127.0.0.1 cannot read the drafts; when the user chose another --host, that name
// is accepted too. State-changing requests must carry the token, which only the page served by
// this process knows (other sites cannot read it, the same-origin policy forbids it).
// Thread safety: const methods may be called from many threads.
class RequestGuard {
 public:
  // `token`: the per-run secret (see newToken()). `extraHost`: a non-loopback --host, or empty.
  RequestGuard(std::string token, int port, std::string extraHost);

  // True when `host` (the Host header's value) names this server.
  [[nodiscard]] bool hostAllowed(std::string_view host) const;
  // True when `sent` equals the token (compared in constant time).
  [[nodiscard]] bool tokenValid(std::string_view sent) const;

  [[nodiscard]] const std::string& token() const { return token_; }

  // 32 hex digits from the operating system's random source.
  static std::string newToken();

 private:
  std::string token_;
  int port_;
  std::string extraHost_;
};

}  // namespace galley::serve
