#include "tests/support/PostgresServer.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <vector>

namespace gongwen::testing {

namespace {

namespace fs = std::filesystem;

// The newest /usr/lib/postgresql/VERSION/bin holding initdb; '' when none does.
std::string serverBinDir() {
  std::string best;
  std::error_code absent;
  for (const fs::directory_entry& version : fs::directory_iterator("/usr/lib/postgresql", absent)) {
    const fs::path bin = version.path() / "bin";
    if (fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl") && bin.string() > best) best = bin.string();
  }
  return best;
}

// A port nothing listens on now (the kernel's choice for port 0).
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("no free port for the PostgreSQL server");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

// argv run as `nobody` when we are root; as ourselves otherwise.
std::vector<std::string> unprivileged(std::vector<std::string> argv) {
  if (::geteuid() != 0) return argv;
  argv.insert(argv.begin(), {"runuser", "-u", "nobody", "--"});
  return argv;
}

void require(const CommandResult& result, const std::string& what) {
  if (result.exitCode != 0) throw std::runtime_error(what + " failed: " + result.out + result.err);
}

}  // namespace

std::unique_ptr<PostgresServer> PostgresServer::start(std::string& why) {
  const std::string bin = serverBinDir();
  if (bin.empty()) {
    why =
        "the PostgreSQL server (initdb, pg_ctl under /usr/lib/postgresql/*/bin) is not installed; "
        "scripts/install-deps.sh installs it";
    return nullptr;
  }
  return std::unique_ptr<PostgresServer>(new PostgresServer(bin, freePort()));
}

PostgresServer::PostgresServer(std::string binDir, int port) : binDir_(std::move(binDir)), port_(port) {
  if (::geteuid() == 0) require(run({"chown", "nobody", dir_.path()}), "chown");
  const std::string data = dir_.file("data");
  require(run(unprivileged(
              {binDir_ + "/initdb", "-D", data, "-U", "gongwen", "--auth=trust", "-E", "UTF8", "--no-sync"})),
          "initdb");
  // fsync off: the tests kill no server, and it keeps their wall time down.
  require(run(unprivileged({binDir_ + "/pg_ctl", "-D", data, "-l", dir_.file("server.log"), "-w", "-o",
                            "-k " + dir_.path() + " -p " + std::to_string(port_) +
                                " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
                            "start"})),
          "pg_ctl start");
}

PostgresServer::~PostgresServer() {
  run(unprivileged({binDir_ + "/pg_ctl", "-D", dir_.file("data"), "-m", "immediate", "-w", "stop"}));
}

std::string PostgresServer::createDatabase(const std::string& name) {
  const std::string server = "postgresql://gongwen@127.0.0.1:" + std::to_string(port_) + "/";
  require(psql(server + "postgres", "CREATE DATABASE " + name), "CREATE DATABASE");
  return server + name;
}

CommandResult PostgresServer::psql(const std::string& url, const std::string& sql) const {
  return run({binDir_ + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql});
}

std::string PostgresServer::query(const std::string& url, const std::string& sql) const {
  const CommandResult result = run({binDir_ + "/psql", "-X", "-A", "-t", "-d", url, "-c", sql});
  require(result, "psql");
  return result.out;
}

}  // namespace gongwen::testing
