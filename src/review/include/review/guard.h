// Who may talk to the review server: the browser holding the token, through 127.0.0.1 only.
#ifndef TERMALIGN_REVIEW_GUARD_H_
#define TERMALIGN_REVIEW_GUARD_H_

#include <string>
#include <string_view>

#include "text/status.h"

namespace termalign::review {

// A fresh secret for one server: 32 lowercase hex digits (128 bits) from the kernel's CSPRNG
// (getrandom). Fails (kIo) only when the kernel cannot give random bytes.
text::Result<std::string> NewToken();

// What a request shows the guard: its method, its Host and Origin headers ("" when absent) and
// the token it carries in its URL ("" when none).
struct RequestFacts {
  std::string_view method;
  std::string_view host;
  std::string_view origin;
  std::string_view token;
};

// Why a request is refused; kAllowed lets it through.
enum class Refusal { kAllowed, kBadToken, kBadHost, kBadOrigin };

// A RequestGuard decides whether a request reaches the page, for a server on 127.0.0.1:port
// with one token. Every request needs the token in its URL (a page elsewhere cannot guess it,
// so it cannot read or post anything: no CSRF). The Host header must name 127.0.0.1 or
// localhost on this port (a hostile name resolving to 127.0.0.1, DNS rebinding, is refused),
// and an Origin header, when a browser sends one, must be this server's.
class RequestGuard {
 public:
  RequestGuard(std::string token, int port);

  Refusal Check(const RequestFacts& request) const;

  // The message a refused request gets, for people ("wrong or missing token ...").
  static std::string_view Explain(Refusal refusal);

  const std::string& token() const { return token_; }

 private:
  bool IsOwnHost(std::string_view host) const;

  std::string token_;
  int port_;
};

}  // namespace termalign::review

#endif  // TERMALIGN_REVIEW_GUARD_H_
