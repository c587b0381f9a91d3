// Private to the review module: JSON answers for the page, shared by its desks.
#ifndef TERMALIGN_REVIEW_JSON_REPLY_H_
#define TERMALIGN_REVIEW_JSON_REPLY_H_

#include <nlohmann/json.hpp>
#include <string>

#include "review/terms_desk.h"

namespace termalign::review {

// `body` as the answer's JSON. Invalid UTF-8 is replaced, not refused: a sentence or a term read
// from a damaged file must not take the page down.
inline Reply JsonReply(int status, const nlohmann::json& body) {
  return {status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

// {"error": message}.
inline Reply ErrorReply(int status, const std::string& message) {
  return JsonReply(status, nlohmann::json{{"error", message}});
}

}  // namespace termalign::review

#endif  // TERMALIGN_REVIEW_JSON_REPLY_H_
