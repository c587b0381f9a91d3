// The review server's gate: the token, the Host header and the Origin header.
#include "review/guard.h"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

namespace termalign::review {
namespace {

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

Refusal CheckOf(std::string_view host, std::string_view token, std::string_view origin = "",
                std::string_view method = "GET") {
  RequestGuard guard(kToken, 8123);
  return guard.Check({method, host, origin, token});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_guard)

BOOST_AUTO_TEST_CASE(tokens_are_128_random_bits_in_hex) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto token = NewToken();
    BOOST_REQUIRE(token.ok());
    BOOST_TEST(token->size() == 32u);
    BOOST_TEST(token->find_first_not_of("0123456789abcdef") == std::string::npos);
    seen.insert(*token);
  }
  BOOST_TEST(seen.size() == 50u);
}

BOOST_AUTO_TEST_CASE(own_host_with_the_token_is_allowed) {
  BOOST_TEST((CheckOf("127.0.0.1:8123", kToken) == Refusal::kAllowed));
  BOOST_TEST((CheckOf("localhost:8123", kToken) == Refusal::kAllowed));
  BOOST_TEST((CheckOf("LocalHost:8123", kToken) == Refusal::kAllowed));
  BOOST_TEST((CheckOf("127.0.0.1:8123", kToken, "http://127.0.0.1:8123", "POST") ==
              Refusal::kAllowed));
}

BOOST_AUTO_TEST_CASE(missing_or_wrong_token_is_refused) {
  BOOST_TEST((CheckOf("127.0.0.1:8123", "") == Refusal::kBadToken));
  BOOST_TEST((CheckOf("127.0.0.1:8123", "0123456789abcdef0123456789abcdee") == Refusal::kBadToken));
  BOOST_TEST((CheckOf("127.0.0.1:8123", "0123456789abcdef") == Refusal::kBadToken));
  BOOST_TEST((CheckOf("127.0.0.1:8123", std::string(kToken) + "0") == Refusal::kBadToken));
  // A guard without a token (never made) lets nothing through, not even an empty token.
  RequestGuard empty("", 8123);
  BOOST_TEST((empty.Check({"GET", "127.0.0.1:8123", "", ""}) == Refusal::kBadToken));
}

BOOST_AUTO_TEST_CASE(other_hosts_are_refused_even_with_the_token) {
  for (std::string_view host :
       {"", "127.0.0.1", "127.0.0.1:8124", "127.0.0.1:81234", "evil.example:8123",
        "localhost.evil.example:8123", "0.0.0.0:8123", "[::1]:8123", "127.0.0.2:8123",
        ":8123", "x127.0.0.1:8123"}) {
    BOOST_TEST((CheckOf(host, kToken) == Refusal::kBadHost), host);
  }
}

BOOST_AUTO_TEST_CASE(cross_origin_requests_are_refused) {
  for (std::string_view origin : {"http://evil.example", "http://127.0.0.1:9999", "null",
                                  "https://127.0.0.1:8123", "http://evil.example:8123", "http://"}) {
    BOOST_TEST((CheckOf("127.0.0.1:8123", kToken, origin, "POST") == Refusal::kBadOrigin), origin);
  }
}

BOOST_AUTO_TEST_CASE(refusals_are_explained) {
  BOOST_TEST(RequestGuard::Explain(Refusal::kBadToken) ==
             "forbidden: wrong or missing token (open the address the review command printed)");
  BOOST_TEST(RequestGuard::Explain(Refusal::kBadHost) ==
             "forbidden: the Host header must be 127.0.0.1 or localhost with this server's port");
  BOOST_TEST(RequestGuard::Explain(Refusal::kBadOrigin) ==
             "forbidden: a request from another origin");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::review
