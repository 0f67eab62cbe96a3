// The terminal prompt for passwords and PINs, driven through a real pseudo-terminal.

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include "signing/keys/SigningKey.h"
#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

// Reads what the terminal shows until `until` appears or the child closes it (EIO), 5 s at most.
std::string readTerminal(int master, const std::string& until = {}) {
  std::string shown;
  char buffer[256];
  while (until.empty() || shown.find(until) == std::string::npos) {
    pollfd ready{master, POLLIN, 0};
    if (poll(&ready, 1, 5000) <= 0) break;
    ssize_t n = read(master, buffer, sizeof buffer);
    if (n <= 0) break;
    shown.append(buffer, static_cast<std::size_t>(n));
  }
  return shown;
}

struct PromptRun {
  std::string shown;   // everything the terminal displayed
  std::string answer;  // what read() returned in the child
};

PromptRun promptThroughTerminal(const std::string& typed) {
  int result[2];
  EXPECT_EQ(pipe(result), 0);
  int master = -1;
  pid_t child = forkpty(&master, nullptr, nullptr, nullptr);
  if (child == 0) {
    close(result[0]);
    std::string answer;
    try {
      answer = keys::SecretSource::prompt("王建国 的证书口令").read();
    } catch (const Error& error) {
      answer = "error " + error.code();
    }
    ssize_t written = write(result[1], answer.data(), answer.size());
    _exit(written == static_cast<ssize_t>(answer.size()) ? 0 : 1);
  }
  close(result[1]);
  PromptRun run;
  run.shown = readTerminal(master, "口令: ");
  EXPECT_EQ(write(master, typed.data(), typed.size()), static_cast<ssize_t>(typed.size()));
  run.shown += readTerminal(master);
  char buffer[256];
  for (ssize_t n; (n = read(result[0], buffer, sizeof buffer)) > 0;)
    run.answer.append(buffer, static_cast<std::size_t>(n));
  close(result[0]);
  close(master);
  int status = 0;
  waitpid(child, &status, 0);
  return run;
}

TEST(SecretPromptTest, AsksOnTheTerminalWithoutEchoingTheSecret) {
  PromptRun run = promptThroughTerminal("s3cret-口令\n");
  EXPECT_EQ(run.answer, "s3cret-口令");
  EXPECT_NE(run.shown.find("王建国 的证书口令: "), std::string::npos) << run.shown;
  EXPECT_EQ(run.shown.find("s3cret"), std::string::npos) << "the secret was echoed: " << run.shown;
}

TEST(SecretPromptTest, WithoutATerminalTheUserIsToldWhatToGive) {
  // setsid() leaves the child without a controlling terminal, as under cron or CI.
  int result[2];
  ASSERT_EQ(pipe(result), 0);
  pid_t child = fork();
  if (child == 0) {
    setsid();
    std::string answer;
    try {
      keys::SecretSource::prompt("PIN").read();
    } catch (const Error& error) {
      answer = error.code() + " " + error.what();
    }
    ssize_t written = write(result[1], answer.data(), answer.size());
    _exit(written > 0 ? 0 : 1);
  }
  close(result[1]);
  std::string answer;
  char buffer[512];
  for (ssize_t n; (n = read(result[0], buffer, sizeof buffer)) > 0;)
    answer.append(buffer, static_cast<std::size_t>(n));
  close(result[0]);
  waitpid(child, nullptr, 0);
  EXPECT_EQ(answer.rfind("keys.secret-prompt", 0), 0u) << answer;
  EXPECT_NE(answer.find("--password-env"), std::string::npos) << answer;
}

}  // namespace
}  // namespace gongwen::testing
