#include "tests/support/MeasuredRun.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "tests/support/TestSupport.h"

extern char** environ;

namespace gongwen::testing {
namespace {

std::string contentOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

long residentMb(pid_t pid) {
  std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * ::sysconf(_SC_PAGESIZE) / (1024 * 1024);
}

}  // namespace

MeasuredResult runMeasured(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                           Ceiling ceiling) {
  TempDir io;
  const std::string outPath = io.file("out"), errPath = io.file("err");
  std::vector<std::string> strings(argv);
  for (char** e = environ; *e; ++e) strings.emplace_back(*e);
  strings.insert(strings.end(), env.begin(), env.end());
  std::vector<char*> args, envp;
  for (std::size_t i = 0; i < strings.size(); ++i)
    (i < argv.size() ? args : envp).push_back(strings[i].data());
  args.push_back(nullptr);
  envp.push_back(nullptr);

  const auto start = std::chrono::steady_clock::now();
  // fork, not posix_spawn: a vfork-style child shares this process's memory until exec, and the
  // kernel would count this process's peak as the child's.
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("cannot start " + argv.at(0));
  if (pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
      _exit(127);
    ::execve(args[0], args.data(), envp.data());
    _exit(127);
  }

  MeasuredResult result;
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) throw std::runtime_error("wait4 failed for " + argv.at(0));
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.killed && (residentMb(pid) > ceiling.rssMb || elapsed > ceiling.seconds)) {
      ::kill(pid, SIGKILL);
      result.killed = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.peakRssMb = usage.ru_maxrss / 1024;
  result.exitCode = WIFEXITED(status) && !result.killed ? WEXITSTATUS(status) : -1;
  result.out = contentOf(outPath);
  result.err = contentOf(errPath);
  return result;
}

void makeSparseFile(const std::string& path, unsigned long long bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || ::ftruncate(fd, static_cast<off_t>(bytes)) != 0) {
    throw std::runtime_error("cannot make the sparse file " + path);
  }
  ::close(fd);
}

}  // namespace gongwen::testing
