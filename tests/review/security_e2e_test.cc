// The review server under hostile or careless clients, spoken to byte for byte over raw
// sockets: refusals that leave a kept-alive connection clean, and 10,000 requests at once from
// one client (served or refused, each as it should be, never a crash, nothing changed by the
// refused ones, no file outside the output folder touched).
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "review_process.h"
#include "test_util.h"

namespace termalign::testing {
namespace {

using nlohmann::json;

const fs::path kExamples = fs::path(TERMALIGN_SOURCE_DIR) / "examples";

// A run over the demo corpus in a fresh folder (o/, with a termbase holding pending proposals),
// a file beside it that no request may reach, and the page served over the whole folder.
struct ServedRun {
  TempDir dir;
  fs::path secret = dir / "secret.txt";
  ServedRun() {
    RunResult run = RunCli("run '" + kExamples.string() + "' -o o -q", dir.path());
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    WriteFile(secret, "SECRET-CONTENT\n");
  }
};

// One answer read off a connection: its status (-1 when the connection ended or failed first)
// and its body.
struct Answer {
  int status = -1;
  std::string body;
};

// The first complete answer at the start of `in` (the server always sends a Content-Length);
// its length in bytes in *used, 0 while it is incomplete.
Answer ParseAnswer(const std::string& in, std::size_t* used) {
  *used = 0;
  const std::size_t head_end = in.find("\r\n\r\n");
  if (head_end == std::string::npos) return {};
  std::string head = in.substr(0, head_end);
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::size_t length = 0;
  const std::size_t field = head.find("\r\ncontent-length:");
  if (field != std::string::npos) length = std::stoul(head.substr(field + 17));
  if (in.size() < head_end + 4 + length) return {};
  *used = head_end + 4 + length;
  Answer answer;
  if (in.compare(0, 9, "HTTP/1.1 ") == 0) answer.status = std::stoi(in.substr(9, 3));
  answer.body = in.substr(head_end + 4, length);
  return answer;
}

int Connect(int port, bool nonblocking) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | (nonblocking ? SOCK_NONBLOCK : 0), 0);
  BOOST_REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  BOOST_REQUIRE_MESSAGE(connected == 0 || (nonblocking && errno == EINPROGRESS),
                        "connect: " << std::strerror(errno));
  return fd;
}

// One kept-alive connection, written and read as raw bytes.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(Connect(port, false)) {}
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void Send(const std::string& bytes) {
    BOOST_REQUIRE(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
                  static_cast<ssize_t>(bytes.size()));
  }
  // The next answer, waiting at most 30 s; status -1 when the connection ends first.
  Answer Read() {
    for (;;) {
      std::size_t used = 0;
      Answer answer = ParseAnswer(in_, &used);
      if (used > 0) {
        in_.erase(0, used);
        return answer;
      }
      pollfd wait_for{fd_, POLLIN, 0};
      if (::poll(&wait_for, 1, 30000) <= 0) return {};
      char buffer[4096];
      const ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) return {};
      in_.append(buffer, static_cast<std::size_t>(got));
    }
  }

 private:
  int fd_;
  std::string in_;
};

// An HTTP/1.1 request as bytes: `headers` after the Host line, a form body when not empty.
std::string Request(const std::string& method, const std::string& target, const std::string& host,
                    const std::string& headers = "", const std::string& body = "") {
  std::string request = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers;
  if (!body.empty() || method != "GET") {
    request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n";
  }
  return request + "\r\n" + body;
}

json Pending(const ReviewProcess& server) {
  auto res = server.Client().Get(server.WithToken("/api/proposals?limit=500").c_str());
  BOOST_REQUIRE(res);
  BOOST_REQUIRE_EQUAL(res->status, 200);
  return json::parse(res->body);
}

// Every file under `root` but those under `root/skip`: its path, size and modification time.
std::map<std::string, std::string> FilesOutside(const fs::path& root, const fs::path& skip) {
  std::map<std::string, std::string> files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->path() == skip) {
      it.disable_recursion_pending();
      continue;
    }
    std::string facts = it->is_regular_file() ? std::to_string(it->file_size()) : "folder";
    facts += " " + std::to_string(it->last_write_time().time_since_epoch().count());
    files[it->path().string()] = facts;
  }
  return files;
}

// The request kinds of the flood: each the bytes to send and the status it must get.
struct Probe {
  std::string bytes;
  int status;
};

std::vector<Probe> Probes(const ReviewProcess& server, const json& proposal,
                          const std::string& secret) {
  const std::string host = "127.0.0.1:" + std::to_string(server.port());
  // The best proposal with its true stamp: a refused approval would change the termbase.
  const std::string approve = "id=" + std::to_string(proposal["id"].get<long long>()) +
                              "&action=approve&stamp=" + proposal["stamp"].get<std::string>();
  return {
      {Request("GET", server.WithToken("/api/proposals?limit=5"), host), 200},
      {Request("GET", server.WithToken("/app.css"), host), 200},
      {Request("GET", server.WithToken("/api/findings?limit=5"), host), 200},
      {Request("GET", "/api/proposals", host), 403},
      {Request("GET", server.WithToken("/"), "evil.example:" + std::to_string(server.port())),
       403},
      {Request("POST", server.WithToken("/api/proposals/decide"), host,
               "Origin: http://evil.example\r\n", approve),
       403},
      {Request("POST", "/api/proposals/decide?t=0123", host, "", approve), 403},
      {Request("PUT", "/api/proposals/decide", host, "", approve), 403},
      {Request("POST", server.WithToken("/api/proposals/decide"), host, "",
               "id=1&action=reject&stamp=stale"),
       409},
      {Request("GET", server.WithToken("/api/beads?pair=" + secret), host), 400},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_security)

// A refused POST is answered only after its body is read: the next request on the same
// connection is read from its own first byte. (Requests are sent one after the other's answer,
// as browsers do: cpp-httplib reads each request through a buffer of its own and drops what it
// read ahead, so it does not serve pipelined requests.)
BOOST_FIXTURE_TEST_CASE(a_refused_request_leaves_its_connection_clean, ServedRun) {
  ReviewProcess server(std::vector<std::string>{"o"}, "review", dir.path());
  const std::string host = "127.0.0.1:" + std::to_string(server.port());
  const std::string port = std::to_string(server.port());
  // A batch approval of 3,000 proposals: larger than what the server reads with the headers.
  std::string body = "items=";
  for (int i = 1; i <= 3000; ++i) body += std::to_string(i) + ":0123456789abcdef,";
  const std::string next = Request("GET", server.WithToken("/api/proposals?limit=1"), host);
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"no token", Request("POST", "/api/proposals/approve-all", host, "", body)},
      {"no token, a small body",
       Request("POST", "/api/proposals/decide", host, "", "id=1&action=reject&stamp=x")},
      {"wrong token", Request("POST", "/api/proposals/decide?t=00", host, "", body)},
      {"wrong host", Request("POST", server.WithToken("/api/proposals/decide"),
                             "evil.example:" + port, "", body)},
      {"other origin", Request("POST", server.WithToken("/api/proposals/decide"), host,
                               "Origin: http://evil.example:" + port + "\r\n", body)},
      {"no such page", Request("POST", "/api/nothing", host, "", body)},
      {"PUT", Request("PUT", "/api/proposals/decide", host, "", body)},
      {"DELETE", Request("DELETE", server.WithToken("/api/proposals/decide"),
                         "evil.example:" + port, "", body)},
  };
  RawConnection connection(server.port());
  for (const auto& [what, request] : refused) {
    connection.Send(request);
    Answer first = connection.Read();
    BOOST_TEST(first.status == 403, what);
    BOOST_TEST(first.body.find("forbidden: ") == 0u, what << ": " << first.body);
    connection.Send(next);
    BOOST_TEST(connection.Read().status == 200, what << ", then a good request");
  }
  // A body larger than the server takes, without the token: refused the same way, its bytes
  // skipped.
  connection.Send(Request("POST", "/api/proposals/decide", host, "", std::string(2 << 20, 'x')));
  BOOST_TEST(connection.Read().status == 403);
  connection.Send(next);
  BOOST_TEST(connection.Read().status == 200);
  // The 65 KB batch with the token: over cpp-httplib's limit for a form, told so, its bytes
  // read (the page sends a hundred approvals at a time).
  connection.Send(Request("POST", server.WithToken("/api/proposals/approve-all"), host, "", body));
  Answer too_large = connection.Read();
  BOOST_TEST(too_large.status == 413);
  BOOST_TEST(too_large.body.find("the request is too large") != std::string::npos, too_large.body);
  connection.Send(next);
  BOOST_TEST(connection.Read().status == 200);
  BOOST_TEST(server.Alive());
}

// Paths in the parameters of the run folder's requests: never opened, never written.
BOOST_FIXTURE_TEST_CASE(a_path_in_a_run_request_is_never_opened, ServedRun) {
  ReviewProcess server(std::vector<std::string>{"o"}, "review", dir.path());
  httplib::Client client = server.Client();
  const std::map<std::string, std::string> outside = FilesOutside(dir.path(), dir / "o");
  const std::string s = secret.string();
  const std::vector<std::string> gets = {
      "/api/beads?pair=" + s, "/api/beads?pair=0&offset=" + s, "/api/beads?pair=0&order=" + s,
      "/api/findings?offset=" + s, "/api/pairs?out=" + s + "&dir=" + s};
  for (const std::string& path : gets) {
    auto res = client.Get(server.WithToken(path).c_str());
    BOOST_REQUIRE(res);
    BOOST_TEST(res->body.find("SECRET-CONTENT") == std::string::npos, path);
  }
  for (const char* path : {"/api/beads/change", "/api/beads/save"}) {
    for (const char* field : {"pair", "version", "bead", "action", "side", "text"}) {
      // Version 0 is never a pair's: whatever parses is refused as stale.
      httplib::Params fields = {{"pair", "0"}, {"version", "0"}, {"bead", "0"},
                                {"action", "edit"}, {"side", "source"}, {"text", "x"}};
      fields.erase(field);
      fields.emplace(field, s);
      auto res = client.Post(server.WithToken(path).c_str(), fields);
      BOOST_REQUIRE(res);
      BOOST_TEST(res->status >= 400, path << " with " << field);
      BOOST_TEST(res->body.find("SECRET-CONTENT") == std::string::npos);
    }
  }
  auto accepted = client.Post(server.WithToken("/api/findings/accept").c_str(),
                              httplib::Params{{"kind", s}, {"source", s}, {"target", s}});
  BOOST_REQUIRE(accepted);
  BOOST_TEST(accepted->status == 400, accepted->body);
  BOOST_TEST(ReadFile(secret) == "SECRET-CONTENT\n");
  BOOST_TEST((FilesOutside(dir.path(), dir / "o") == outside));
}

// 10,000 requests from one client at once: as many connections as the file limits allow (up
// to 1,000), each kept alive for its share. Every request gets the answer its kind must get.
BOOST_FIXTURE_TEST_CASE(ten_thousand_requests_at_once_are_served_or_refused, ServedRun) {
  constexpr std::size_t kRequests = 10000;
  // Both ends hold a descriptor per connection; the server inherits this process's limit.
  rlimit files{};
  BOOST_REQUIRE(::getrlimit(RLIMIT_NOFILE, &files) == 0);
  files.rlim_cur = std::min<rlim_t>(files.rlim_max, 4096);
  ::setrlimit(RLIMIT_NOFILE, &files);
  const std::size_t connections =
      std::clamp<std::size_t>(static_cast<std::size_t>(files.rlim_cur) / 2, 10, 1000);
  const std::size_t each = (kRequests + connections - 1) / connections;  // 10,000 or a few more

  ReviewProcess server(std::vector<std::string>{"o"}, "review", dir.path());
  const json before = Pending(server);
  BOOST_REQUIRE(!before["proposals"].empty());
  const std::map<std::string, std::string> outside = FilesOutside(dir.path(), dir / "o");
  const std::vector<Probe> probes = Probes(server, before["proposals"][0], secret.string());

  struct Client {
    int fd = -1;
    std::size_t sent = 0;    // requests sent (the last one is being answered)
    std::size_t written = 0;  // bytes of the current request written
    std::string in;
    std::string out;
  };
  auto probe_of = [&](std::size_t c, std::size_t i) -> const Probe& {
    return probes[(c * 7 + i) % probes.size()];
  };
  const auto start = std::chrono::steady_clock::now();
  std::vector<Client> clients(connections);
  for (std::size_t c = 0; c < connections; ++c) {
    clients[c].fd = Connect(server.port(), true);
    clients[c].out = probe_of(c, 0).bytes;
  }
  std::size_t answered = 0, wrong = 0, lost = 0, open = connections;
  std::map<std::string, int> wrong_examples;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
  while (open > 0 && std::chrono::steady_clock::now() < deadline) {
    std::vector<pollfd> waits;
    std::vector<std::size_t> owners;
    for (std::size_t c = 0; c < connections; ++c) {
      if (clients[c].fd < 0) continue;
      const bool writing = clients[c].written < clients[c].out.size();
      waits.push_back({clients[c].fd, static_cast<short>(writing ? POLLOUT : POLLIN), 0});
      owners.push_back(c);
    }
    if (::poll(waits.data(), waits.size(), 1000) < 0) break;
    for (std::size_t k = 0; k < waits.size(); ++k) {
      if (waits[k].revents == 0) continue;
      Client& client = clients[owners[k]];
      auto drop = [&] {
        ::close(client.fd);
        client.fd = -1;
        --open;
      };
      if (client.written < client.out.size()) {
        const ssize_t n = ::send(client.fd, client.out.data() + client.written,
                                 client.out.size() - client.written, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN) {
          lost += each - client.sent;
          drop();
        } else if (n > 0) {
          client.written += static_cast<std::size_t>(n);
        }
        continue;
      }
      char buffer[16384];
      const ssize_t got = ::recv(client.fd, buffer, sizeof buffer, 0);
      if (got < 0 && errno == EAGAIN) continue;
      if (got <= 0) {  // reset or closed before its answer
        lost += each - client.sent;
        drop();
        continue;
      }
      client.in.append(buffer, static_cast<std::size_t>(got));
      std::size_t used = 0;
      Answer answer = ParseAnswer(client.in, &used);
      if (used == 0) continue;
      client.in.erase(0, used);
      const Probe& probe = probe_of(owners[k], client.sent);
      ++answered;
      if (answer.status != probe.status || answer.body.find("SECRET") != std::string::npos) {
        ++wrong;
        ++wrong_examples[std::to_string(answer.status) + " for " +
                         probe.bytes.substr(0, probe.bytes.find('\r'))];
      }
      if (++client.sent == each) {
        drop();
        continue;
      }
      client.out = probe_of(owners[k], client.sent).bytes;
      client.written = 0;
    }
  }
  for (Client& client : clients) {
    if (client.fd >= 0) ::close(client.fd);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST_MESSAGE(connections << " connections, " << answered << " answers in " << seconds
                                 << " s, " << wrong << " wrong, " << lost << " lost");
  for (const auto& [what, count] : wrong_examples) BOOST_TEST_MESSAGE(count << " x " << what);
  BOOST_TEST(answered == connections * each);
  BOOST_TEST(wrong == 0u);
  BOOST_TEST(lost == 0u);
  BOOST_TEST(server.Alive());
  BOOST_TEST(Pending(server) == before);
  BOOST_TEST((FilesOutside(dir.path(), dir / "o") == outside));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace termalign::testing
