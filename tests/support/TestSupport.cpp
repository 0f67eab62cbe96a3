#include "tests/support/TestSupport.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace gongwen::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "gongwen-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {
std::string drain(int fd) {
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return out;
}
}  // namespace

CommandResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                  const std::string& stdinText) {
  int outPipe[2], errPipe[2], inPipe[2];
  if (::pipe(outPipe) || ::pipe(errPipe) || ::pipe(inPipe)) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
  for (int fd : {inPipe[0], inPipe[1], outPipe[0], outPipe[1], errPipe[0], errPipe[1]}) {
    posix_spawn_file_actions_addclose(&actions, fd);
  }
  std::vector<std::string> envStrings;
  for (char** e = environ; *e; ++e) envStrings.emplace_back(*e);
  for (const auto& extra : env) envStrings.push_back(extra);
  std::vector<char*> envp, args;
  for (auto& s : envStrings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argvCopy = argv;
  for (auto& a : argvCopy) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(inPipe[0]);
  ::close(outPipe[1]);
  ::close(errPipe[1]);
  if (rc != 0) {
    ::close(inPipe[1]);
    ::close(outPipe[0]);
    ::close(errPipe[0]);
    throw std::runtime_error("cannot start " + argv.at(0));
  }
  std::thread writer([&] {
    size_t done = 0;
    while (done < stdinText.size()) {
      const ssize_t n = ::write(inPipe[1], stdinText.data() + done, stdinText.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ::close(inPipe[1]);
  });
  CommandResult result;
  std::thread errReader([&] { result.err = drain(errPipe[0]); });
  result.out = drain(outPipe[0]);
  errReader.join();
  writer.join();
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

int runAndKillAfter(const std::vector<std::string>& args, const std::vector<std::string>& extraEnv,
                    std::chrono::microseconds delay, int signal) {
  std::vector<std::string> env = extraEnv;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  std::vector<char*> argv, envp;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  argv.push_back(nullptr);
  envp.push_back(nullptr);
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &quiet, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&quiet);
  if (spawned != 0) return -1;
  std::this_thread::sleep_for(delay);
  ::kill(pid, signal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

std::string gongwenBinary() {
  const char* bin = std::getenv("GONGWEN_BIN");
  return (bin && *bin) ? bin : GONGWEN_TEST_BINARY;
}

std::string sourcePath(const std::string& relative) {
  const char* dir = std::getenv("GONGWEN_SOURCE_DIR");
  return std::string((dir && *dir) ? dir : GONGWEN_TEST_SOURCE_DIR) + "/" + relative;
}

namespace {

// The sample jobs, sorted, whose template is (or is not) a form's.
std::vector<std::string> samplesWhere(bool forms) {
  std::vector<std::string> jobs;
  for (const auto& entry : fs::directory_iterator(sourcePath("samples/jobs"))) {
    if (entry.path().extension() != ".xml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool form = text.find("template=\"leave\"") != std::string::npos ||
                      text.find("template=\"voucher\"") != std::string::npos;
    if (form == forms) jobs.push_back(entry.path().string());
  }
  std::sort(jobs.begin(), jobs.end());
  return jobs;
}

}  // namespace

std::vector<std::string> sampleJobs() { return samplesWhere(false); }

std::vector<std::string> sampleFormJobs() { return samplesWhere(true); }

std::string withoutWhitespace(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    // U+3000 IDEOGRAPHIC SPACE (E3 80 80)
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace gongwen::testing
