#pragma once
// A real PostgreSQL server for the --registry tests, started in a temporary directory with initdb
// and pg_ctl (trust authentication, listening on 127.0.0.1 and a socket in that directory) and
// stopped when the object dies. PostgreSQL refuses to run as root, so under root (as in CI) the
// server runs as the unprivileged user `nobody`, owning its directory.

#include <memory>
#include <string>

#include "tests/support/TestSupport.h"

namespace gongwen::testing {

class PostgresServer {
 public:
  // nullptr, with `why` set, only when the server programs are not installed: the caller skips.
  // Throws std::runtime_error when they are but the server does not start.
  static std::unique_ptr<PostgresServer> start(std::string& why);
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // A new empty database; returns its postgresql:// URL (user gongwen, no password).
  std::string createDatabase(const std::string& name);
  // Runs SQL with psql in the database of `url` as the superuser; the psql result.
  CommandResult psql(const std::string& url, const std::string& sql) const;
  // The rows of a query, unaligned: columns joined by '|', one row a line.
  std::string query(const std::string& url, const std::string& sql) const;

 private:
  PostgresServer(std::string binDir, int port);

  std::string binDir_;
  int port_;
  TempDir dir_;
};

}  // namespace gongwen::testing
