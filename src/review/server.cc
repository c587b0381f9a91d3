#include "review/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "glossary/termbase.h"
#include "review/alignment_desk.h"
#include "review/assets.h"
#include "review/findings_desk.h"
#include "review/guard.h"
#include "review/terms_desk.h"

namespace termalign::review {
namespace {

using text::ErrorCode;
using text::Status;

// Connections the kernel queues for the server before it accepts them. cpp-httplib listens
// with a backlog of 5 (fixed when the library was compiled): a burst of new connections beyond
// it (a page's requests, a script's) is dropped by the kernel and retried a second later. The
// kernel caps it at net.core.somaxconn (4096 by default).
constexpr int kListenBacklog = 1024;
// A POST body larger than this is refused: a decision is a few hundred bytes. (A form is
// refused over 8 KiB already, by cpp-httplib: the page sends a batch a hundred approvals at a
// time, some 3 KB.)
constexpr std::size_t kMaxPayload = 1 << 20;
// Requests one kept-alive connection may carry before the server closes it.
constexpr std::size_t kKeepAliveRequests = 100000;
// At most this many proposals per page request: the page asks for more as it is scrolled.
constexpr std::size_t kMaxPageSize = 500;

// Headers on every answer: nothing cached, no Referer carrying the token to another site, no
// framing by another page, no inline or outside script (the page loads its own files only).
httplib::Headers SafetyHeaders() {
  return {{"Cache-Control", "no-store"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Content-Security-Policy",
           "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'"}};
}

std::string_view ContentTypeOf(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  return "application/octet-stream";
}

std::optional<std::int64_t> ParseInt(std::string_view s) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

void SendJson(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_content(reply.body, "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  SendJson(res, {status, nlohmann::json{{"error", message}}.dump()});
}

// "approve" / "reject" / "edit" / "link" with the proposal id and the stamp the page saw.
std::optional<Decision> ParseDecision(const httplib::Request& req, std::string* error) {
  Decision decision;
  const std::string action = req.get_param_value("action");
  if (action == "approve") {
    decision.action = Decision::Action::kApprove;
  } else if (action == "reject") {
    decision.action = Decision::Action::kReject;
  } else if (action == "edit") {
    decision.action = Decision::Action::kEdit;
    decision.text = req.get_param_value("text");
  } else if (action == "link") {
    decision.action = Decision::Action::kLink;
    auto entity = ParseInt(req.get_param_value("entity"));
    if (!entity || *entity <= 0) {
      *error = "entity must be an entity number";
      return std::nullopt;
    }
    decision.entity = *entity;
  } else {
    *error = "action must be approve, reject, edit or link";
    return std::nullopt;
  }
  auto id = ParseInt(req.get_param_value("id"));
  if (!id || *id <= 0) {
    *error = "id must be a proposal number";
    return std::nullopt;
  }
  decision.proposal = *id;
  decision.stamp = req.get_param_value("stamp");
  return decision;
}

// A whole number of at least zero from parameter `name` ("" reads as `fallback`).
std::optional<std::size_t> Count(const httplib::Request& req, const char* name,
                                 std::size_t fallback) {
  if (!req.has_param(name)) return fallback;
  auto value = ParseInt(req.get_param_value(name));
  if (!value || *value < 0) return std::nullopt;
  return static_cast<std::size_t>(*value);
}

// One bead edit: the pair and version the page showed, the action and what it acts on.
std::optional<BeadEdit> ParseBeadEdit(const httplib::Request& req, std::string* error) {
  static const std::pair<const char*, BeadEdit::Action> kActions[] = {
      {"merge", BeadEdit::Action::kMerge},     {"split", BeadEdit::Action::kSplit},
      {"unlink", BeadEdit::Action::kUnlink},   {"exclude", BeadEdit::Action::kExclude},
      {"include", BeadEdit::Action::kInclude}, {"edit", BeadEdit::Action::kEdit}};
  BeadEdit edit;
  const std::string action = req.get_param_value("action");
  auto found = std::find_if(std::begin(kActions), std::end(kActions),
                            [&](const auto& row) { return action == row.first; });
  if (found == std::end(kActions)) {
    *error = "action must be merge, split, unlink, exclude, include or edit";
    return std::nullopt;
  }
  edit.action = found->second;
  auto pair = Count(req, "pair", 0), version = Count(req, "version", 0),
       bead = Count(req, "bead", 0), source_first = Count(req, "source_first", 1),
       target_first = Count(req, "target_first", 1), sentence = Count(req, "sentence", 0);
  if (!pair || !version || !bead || !source_first || !target_first || !sentence) {
    *error = "pair, version, bead, source_first, target_first and sentence must be numbers";
    return std::nullopt;
  }
  edit.pair = *pair;
  edit.version = *version;
  edit.bead = *bead;
  edit.source_first = *source_first;
  edit.target_first = *target_first;
  edit.sentence = *sentence;
  const std::string side = req.get_param_value("side");
  if (edit.action == BeadEdit::Action::kEdit && side != "source" && side != "target") {
    *error = "side must be source or target";
    return std::nullopt;
  }
  edit.target_side = side == "target";
  edit.text = req.get_param_value("text");
  return edit;
}

// "12:stamp,15:stamp": approvals of the proposals the page showed above the chosen score.
std::optional<std::vector<Decision>> ParseApprovals(std::string_view items, std::string* error) {
  std::vector<Decision> decisions;
  while (!items.empty()) {
    const std::size_t comma = std::min(items.find(','), items.size());
    std::string_view item = items.substr(0, comma);
    items.remove_prefix(std::min(comma + 1, items.size()));
    const std::size_t colon = item.find(':');
    auto id = ParseInt(item.substr(0, colon));
    if (colon == std::string_view::npos || !id || *id <= 0) {
      *error = "items must be id:stamp pairs separated by commas";
      return std::nullopt;
    }
    Decision decision;
    decision.proposal = *id;
    decision.stamp = std::string(item.substr(colon + 1));
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

}  // namespace

struct Server::Impl {
  std::unique_ptr<glossary::Termbase> termbase;
  // One request at a time uses the termbase and the run's files: a save rewrites the QA from
  // the termbase.
  std::mutex mutex;
  std::unique_ptr<TermsDesk> terms;
  std::unique_ptr<AlignmentDesk> alignment;  // null without an output folder
  std::unique_ptr<FindingsDesk> findings;    // null without an output folder
  RequestGuard guard{"", 0};
  int port = 0;
  int listen_socket = -1;  // the socket cpp-httplib binds, seen through its options callback
  httplib::Server http;

  void Route();
  void RouteAlignment();
  // Answers 403 with the reason when the guard refuses `req`; false when it lets it through.
  bool Refused(const httplib::Request& req, httplib::Response& res) const;
  // Registers a GET or POST handler behind the guard. The guard is asked here, after
  // cpp-httplib has read the request's body, not in a pre-routing handler, which runs before:
  // a refusal answered there leaves the body unread on a kept-alive connection, where it is read
  // as the start of the next request.
  template <typename Fn>
  void Get(const std::string& path, Fn handler) {
    http.Get(path, [this, handler](const httplib::Request& req, httplib::Response& res) {
      if (!Refused(req, res)) handler(req, res);
    });
  }
  template <typename Fn>
  void Post(const std::string& path, Fn handler) {
    http.Post(path, [this, handler](const httplib::Request& req, httplib::Response& res) {
      if (!Refused(req, res)) handler(req, res);
    });
  }
  // The alignment or QA view's answer, or 404 when the server has no output folder.
  template <typename Fn>
  void WithAlignment(httplib::Response& res, Fn fn) {
    if (!alignment) {
      return SendError(res, 404, "no run to review: the page was opened on a termbase alone "
                                 "(review OUT_DIR shows a run's alignment and QA)");
    }
    Locked(res, fn);
  }
  // The terms view's answer, or 404 when the run built no glossary.
  template <typename Fn>
  void WithTerms(httplib::Response& res, Fn fn) {
    if (!terms) return SendError(res, 404, "no glossary to review: the run was made with --no-glossary");
    Locked(res, fn);
  }
  template <typename Fn>
  void Locked(httplib::Response& res, Fn fn) {
    std::lock_guard<std::mutex> lock(mutex);
    SendJson(res, fn());
  }
};

bool Server::Impl::Refused(const httplib::Request& req, httplib::Response& res) const {
  const std::string host = req.get_header_value("Host");
  const std::string origin = req.get_header_value("Origin");
  const std::string token = req.get_param_value("t");
  Refusal refusal = guard.Check({req.method, host, origin, token});
  if (refusal == Refusal::kAllowed) return false;
  res.status = 403;
  res.set_content(std::string(RequestGuard::Explain(refusal)) + "\n", "text/plain");
  return true;
}

void Server::Impl::Route() {
  http.set_default_headers(SafetyHeaders());
  http.set_payload_max_length(kMaxPayload);
  // By default a kept-alive connection is closed after its fifth request, and a client that
  // has just sent a POST on it then reads no answer (a POST is not sent again). A browser keeps
  // a few connections open for the whole session.
  http.set_keep_alive_max_count(kKeepAliveRequests);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                std::exception_ptr) { SendError(res, 500, "internal error"); });
  // Every error answer (no such page, a method without a handler, a body too large) is given
  // only to a request the guard lets through; others learn nothing but the refusal.
  http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (res.status != 403 && Refused(req, res)) return;
    if (!res.body.empty()) return;
    // cpp-httplib refuses a form over 8 KiB (a limit fixed when it was compiled) and any other
    // body over kMaxPayload.
    SendError(res, res.status,
              res.status == 413 ? "the request is too large (a form of at most 8 KiB, any other "
                                  "body at most 1 MiB)"
                                : "no such page or method");
  });

  // The page, its files: named in the binary, never looked up on disk.
  for (const EmbeddedAsset& asset : kEmbeddedAssets) {
    const std::string path = asset.name == "index.html" ? "/" : "/" + std::string(asset.name);
    Get(path, [this, &asset](const httplib::Request&, httplib::Response& res) {
      std::string body(asset.bytes);
      // The page names its scripts with the token, which it has from its own address.
      for (std::size_t at; (at = body.find("{{token}}")) != std::string::npos;) {
        body.replace(at, 9, guard.token());
      }
      res.set_content(body, std::string(ContentTypeOf(asset.name)));
    });
  }

  Get("/api/proposals", [this](const httplib::Request& req, httplib::Response& res) {
    auto offset = ParseInt(req.has_param("offset") ? req.get_param_value("offset") : "0");
    auto limit = ParseInt(req.has_param("limit") ? req.get_param_value("limit") : "100");
    if (!offset || !limit || *offset < 0 || *limit < 1 ||
        static_cast<std::size_t>(*limit) > kMaxPageSize) {
      return SendError(res, 400, "offset must be 0 or more, limit 1 to 500");
    }
    WithTerms(res, [&] {
      return terms->Pending(static_cast<std::size_t>(*offset), static_cast<std::size_t>(*limit));
    });
  });
  Get("/api/entities", [this](const httplib::Request& req, httplib::Response& res) {
    auto limit = Count(req, "limit", 10);
    if (!limit || *limit < 1 || *limit > 50) return SendError(res, 400, "limit must be 1 to 50");
    const std::string query = req.get_param_value("q");
    WithTerms(res, [&] { return terms->Entities(query, *limit); });
  });
  Post("/api/proposals/decide", [this](const httplib::Request& req, httplib::Response& res) {
    std::string error;
    auto decision = ParseDecision(req, &error);
    if (!decision) return SendError(res, 400, error);
    WithTerms(res, [&] { return terms->Decide(*decision); });
  });
  Post("/api/proposals/approve-all",
            [this](const httplib::Request& req, httplib::Response& res) {
              std::string error;
              auto decisions = ParseApprovals(req.get_param_value("items"), &error);
              if (!decisions) return SendError(res, 400, error);
              WithTerms(res, [&] { return terms->DecideAll(*decisions); });
            });
  RouteAlignment();
  // Changes are POSTs only: a GET (a link, an <img>, a prefetch) is told so and changes nothing.
  for (const char* path : {"/api/proposals/decide", "/api/proposals/approve-all",
                           "/api/beads/change", "/api/beads/save", "/api/findings/accept"}) {
    Get(path, [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Allow", "POST");
      SendError(res, 405, "changes are made by POST only");
    });
  }
}

void Server::Impl::RouteAlignment() {
  Get("/api/pairs", [this](const httplib::Request&, httplib::Response& res) {
    WithAlignment(res, [&] { return alignment->Pairs(); });
  });
  Get("/api/beads", [this](const httplib::Request& req, httplib::Response& res) {
    auto pair = Count(req, "pair", 0), offset = Count(req, "offset", 0),
         limit = Count(req, "limit", 100);
    const std::string order = req.has_param("order") ? req.get_param_value("order") : "document";
    if (!pair || !offset || !limit || *limit < 1 || *limit > kMaxPageSize ||
        (order != "document" && order != "weakest")) {
      return SendError(res, 400,
                       "pair and offset must be 0 or more, limit 1 to 500, order document or "
                       "weakest");
    }
    WithAlignment(res, [&] { return alignment->Beads(*pair, *offset, *limit, order == "weakest"); });
  });
  Post("/api/beads/change", [this](const httplib::Request& req, httplib::Response& res) {
    std::string error;
    auto edit = ParseBeadEdit(req, &error);
    if (!edit) return SendError(res, 400, error);
    WithAlignment(res, [&] { return alignment->Change(*edit); });
  });
  Get("/api/findings", [this](const httplib::Request& req, httplib::Response& res) {
    auto offset = Count(req, "offset", 0), limit = Count(req, "limit", 100);
    if (!offset || !limit || *limit < 1 || *limit > kMaxPageSize) {
      return SendError(res, 400, "offset must be 0 or more, limit 1 to 500");
    }
    WithAlignment(res, [&] { return findings->Findings(*offset, *limit); });
  });
  Post("/api/findings/accept", [this](const httplib::Request& req, httplib::Response& res) {
    qa::Fingerprint fingerprint{req.get_param_value("kind"), req.get_param_value("source"),
                                req.get_param_value("target")};
    WithAlignment(res, [&] { return findings->Accept(fingerprint); });
  });
  Post("/api/beads/save", [this](const httplib::Request& req, httplib::Response& res) {
    auto pair = Count(req, "pair", 0), version = Count(req, "version", 0);
    if (!pair || !version) return SendError(res, 400, "pair and version must be numbers");
    WithAlignment(res, [&] { return alignment->Save(*pair, *version); });
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

text::Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto impl = std::make_unique<Impl>();
  if (!options.db_path.empty()) {
    glossary::OpenOptions open;
    open.create = false;
    auto termbase = glossary::Termbase::Open(options.db_path, open);
    if (!termbase.ok()) return termbase.status();
    impl->termbase = std::move(*termbase);
    impl->terms = std::make_unique<TermsDesk>(*impl->termbase);
  }
  if (!options.out_dir.empty()) {
    impl->alignment = std::make_unique<AlignmentDesk>(options.out_dir);
    impl->findings = std::make_unique<FindingsDesk>(options.out_dir);
  }
  auto token = NewToken();
  if (!token.ok()) return token.status();

  constexpr const char* kHost = "127.0.0.1";
  // An answer is written as its headers, then its body: with Nagle's algorithm the body waits
  // for the headers' acknowledgement, which the client delays (40 ms on Linux) once a kept-alive
  // connection has carried a few requests. Accepted sockets take the option from this one.
  impl->http.set_tcp_nodelay(true);
  Impl* raw = impl.get();
  impl->http.set_socket_options([raw](socket_t socket) {
    httplib::default_socket_options(socket);
    raw->listen_socket = socket;
  });
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(kHost);
  } else {
    impl->port = impl->http.bind_to_port(kHost, options.port) ? options.port : -1;
  }
  if (impl->port <= 0) {
    return Status::Error(ErrorCode::kIo,
                         "listening on 127.0.0.1:" + std::to_string(options.port) +
                             ": the port cannot be bound (in use, or not allowed)");
  }
  // Listening again on a listening socket sets its backlog (listen(2)); failing, the library's
  // backlog stays, and a burst of connections waits longer.
  if (impl->listen_socket >= 0) ::listen(impl->listen_socket, kListenBacklog);
  impl->guard = RequestGuard(std::move(*token), impl->port);
  impl->Route();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }
const std::string& Server::token() const { return impl_->guard.token(); }

std::string Server::Url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + "/?t=" + impl_->guard.token();
}

Status Server::Serve() {
  if (!impl_->http.listen_after_bind()) {
    return Status::Error(ErrorCode::kIo,
                         "serving on 127.0.0.1:" + std::to_string(impl_->port) + " failed");
  }
  return Status::Ok();
}

void Server::Stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace termalign::review
