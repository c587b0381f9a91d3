// The review server: one local page over a run's output folder (or a termbase alone).
#ifndef TERMALIGN_REVIEW_SERVER_H_
#define TERMALIGN_REVIEW_SERVER_H_

#include <memory>
#include <string>

#include "text/status.h"

namespace termalign::review {

struct ServerOptions {
  // The termbase the terms view decides in: must exist; "" for none (a run without glossary).
  std::string db_path;
  // The output folder of the run whose alignment the page corrects; "" for the terms view only.
  std::string out_dir;
  int port = 0;         // on 127.0.0.1; 0 for a free port the kernel picks
};

// A Server serves the review page and its JSON API on 127.0.0.1 only. Every request must
// carry the server's token (see RequestGuard); GET requests only read, changes are POSTs.
// No request names a file: the only files it touches are the termbase and the run's outputs
// under ServerOptions::out_dir (and the run's documents, read). Requests are served by a pool
// of threads; the termbase and the run's files are used by one request at a time.
class Server {
 public:
  // Opens the termbase (when given), makes a token and binds the port. Fails (kIo) when the
  // port is taken, (kIo, kDatabase) when the termbase cannot be opened.
  static text::Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  const std::string& token() const;
  // The page's address with its token: "http://127.0.0.1:PORT/?t=TOKEN".
  std::string Url() const;

  // Serves until Stop() is called (from another thread). Fails (kIo) when listening fails.
  text::Status Serve();
  // Makes Serve() return; requests in progress are finished first. Safe from any thread.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace termalign::review

#endif  // TERMALIGN_REVIEW_SERVER_H_
