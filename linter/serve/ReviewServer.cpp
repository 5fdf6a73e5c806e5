#include "serve/ReviewServer.h"

#include <httplib.h>

#include <string_view>

#include "serve/PageAssets.h"

namespace galley::serve {

namespace {

constexpr int kForbidden = 403;
constexpr std::string_view kTokenPlaceholder = "{{GALLEY_TOKEN}}";
constexpr const char* kJson = "application/json; charset=utf-8";

bool isLoopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

void secureHeaders(httplib::Response& response) {
  // Only this server's own script and style; no frames, no plug-ins, no form posts elsewhere.
  response.set_header("Content-Security-Policy",
                      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                      "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Cache-Control", "no-store");
}

void reply(httplib::Response& response, const ApiReply& answer) {
  response.status = answer.status;
  response.set_content(answer.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

void refuse(httplib::Response& response, int status, const std::string& message) {
  reply(response, ApiReply{status, {{"error", message}}});
}

}  // namespace

ReviewServer::ReviewServer(const ReviewApi& api) : api_(api), http_(std::make_unique<httplib::Server>()) {}

ReviewServer::~ReviewServer() = default;

base::Expected<int> ReviewServer::bind(const ListenOptions& options) {
  const int port = options.port == 0 ? http_->bind_to_any_port(options.host) : options.port;
  if (port < 0 || (options.port != 0 && !http_->bind_to_port(options.host, options.port)))
    return base::Unexpected(base::Error::environment("cannot listen on " + options.host + ":" +
                                                     std::to_string(options.port) + " (in use, or not an address of this machine)"));
  std::string extraHost;
  if (!isLoopback(options.host))
    extraHost = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  guard_.emplace(RequestGuard::newToken(), port, extraHost);
  page_ = std::string(pageHtml());
  for (size_t at = page_.find(kTokenPlaceholder); at != std::string::npos; at = page_.find(kTokenPlaceholder, at))
    page_.replace(at, kTokenPlaceholder.size(), guard_->token());
  route();
  return port;
}

void ReviewServer::route() {
  http_->set_payload_max_length(kMaxRequestBody);
  http_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    secureHeaders(response);
    if (!guard_->hostAllowed(request.get_header_value("Host"))) {
      refuse(response, kForbidden, "wrong Host header: open the page through the address galley serve printed");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.method != "GET" && request.method != "HEAD" &&
        !guard_->tokenValid(request.get_header_value(std::string(kTokenHeader)))) {
      refuse(response, kForbidden, "missing or wrong X-Galley-Token header");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_->Get("/", [this](const httplib::Request& /*request*/, httplib::Response& response) {
    response.set_content(page_, "text/html; charset=utf-8");
  });
  http_->Get("/page.css", [](const httplib::Request& /*request*/, httplib::Response& response) {
    response.set_content(std::string(pageStyle()), "text/css; charset=utf-8");
  });
  http_->Get("/page.js", [](const httplib::Request& /*request*/, httplib::Response& response) {
    response.set_content(std::string(pageScript()), "text/javascript; charset=utf-8");
  });
  http_->Get("/api/files", [this](const httplib::Request& /*request*/, httplib::Response& response) {
    reply(response, api_.files());
  });
  http_->Get("/api/file", [this](const httplib::Request& request, httplib::Response& response) {
    reply(response, api_.file(request.get_param_value("path")));
  });
  http_->Post("/api/check", [this](const httplib::Request& request, httplib::Response& response) {
    reply(response, api_.check(request.body));
  });
  http_->Post("/api/fix", [this](const httplib::Request& request, httplib::Response& response) {
    reply(response, api_.fix(request.body));
  });
  http_->Post("/api/save", [this](const httplib::Request& request, httplib::Response& response) {
    reply(response, api_.save(request.body));
  });
}

void ReviewServer::run() { http_->listen_after_bind(); }

void ReviewServer::stop() { http_->stop(); }

}  // namespace galley::serve
