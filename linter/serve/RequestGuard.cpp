#include "serve/RequestGuard.h"

#include <array>
#include <cstdint>
#include <random>

#include <fmt/format.h>

namespace galley::serve {

RequestGuard::RequestGuard(std::string token, int port, std::string extraHost)
    : token_(std::move(token)), port_(port), extraHost_(std::move(extraHost)) {}

bool RequestGuard::hostAllowed(std::string_view host) const {
  const std::array<std::string, 3> loopback = {fmt::format("127.0.0.1:{}", port_), fmt::format("localhost:{}", port_),
                                               fmt::format("[::1]:{}", port_)};
  for (const std::string& allowed : loopback)
    if (host == allowed) return true;
  return !extraHost_.empty() && host == fmt::format("{}:{}", extraHost_, port_);
}

bool RequestGuard::tokenValid(std::string_view sent) const {
  if (sent.size() != token_.size()) return false;
  unsigned difference = 0;
  for (size_t i = 0; i < sent.size(); ++i)
    difference |= static_cast<unsigned>(static_cast<unsigned char>(sent[i]) ^ static_cast<unsigned char>(token_[i]));
  return difference == 0;
}

std::string RequestGuard::newToken() {
  // std::random_device reads the kernel's random source on Linux (getrandom / /dev/urandom).
  std::random_device source;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", static_cast<uint32_t>(source()));
  return token;
}

}  // namespace galley::serve
