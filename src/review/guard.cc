#include "review/guard.h"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace termalign::review {

text::Result<std::string> NewToken() {
  std::array<unsigned char, 16> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    ssize_t got = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return text::Status::Error(text::ErrorCode::kIo,
                                 std::string("making a token: getrandom: ") + std::strerror(errno));
    }
    filled += static_cast<std::size_t>(got);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (unsigned char byte : bytes) {
    token += kHex[byte >> 4];
    token += kHex[byte & 0xF];
  }
  return token;
}

namespace {

// Compares in time independent of where the strings first differ, so response times tell an
// attacker nothing about a guessed token's prefix.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

// `lower` is in lowercase ASCII.
bool EqualsIgnoringCase(std::string_view s, std::string_view lower) {
  return s.size() == lower.size() &&
         std::equal(s.begin(), s.end(), lower.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == y;
         });
}

}  // namespace

RequestGuard::RequestGuard(std::string token, int port) : token_(std::move(token)), port_(port) {}

bool RequestGuard::IsOwnHost(std::string_view host) const {
  const std::string port = ":" + std::to_string(port_);
  if (host.size() <= port.size() || host.substr(host.size() - port.size()) != port) return false;
  std::string_view name = host.substr(0, host.size() - port.size());
  return name == "127.0.0.1" || EqualsIgnoringCase(name, "localhost");
}

Refusal RequestGuard::Check(const RequestFacts& request) const {
  // The Host first: a rebinding page must learn nothing, not even whether its token was right.
  if (!IsOwnHost(request.host)) return Refusal::kBadHost;
  if (!request.origin.empty()) {
    constexpr std::string_view kScheme = "http://";
    if (request.origin.substr(0, kScheme.size()) != kScheme ||
        !IsOwnHost(request.origin.substr(std::min(kScheme.size(), request.origin.size())))) {
      return Refusal::kBadOrigin;
    }
  }
  if (token_.empty() || !SameSecret(request.token, token_)) return Refusal::kBadToken;
  return Refusal::kAllowed;
}

std::string_view RequestGuard::Explain(Refusal refusal) {
  switch (refusal) {
    case Refusal::kAllowed:
      return "";
    case Refusal::kBadToken:
      return "forbidden: wrong or missing token (open the address the review command printed)";
    case Refusal::kBadHost:
      return "forbidden: the Host header must be 127.0.0.1 or localhost with this server's port";
    case Refusal::kBadOrigin:
      return "forbidden: a request from another origin";
  }
  return "forbidden";
}

}  // namespace termalign::review
