// `gongwen sign` applying a seal is killed (SIGKILL, and SIGTERM) at every step where a crash could
// split the seal from its register row (GONGWEN_TEST_KILL_AT, pipeline/core/KillPoint.h), and at
// random times. After each: either no sealed output exists, or it exists, verifies, and names
// exactly one register row that records the approved document; and `register verify` is clean.
// Stale `.gongwen-*` temporaries a SIGKILL leaves are another matter (cleaned by the next write).

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <random>
#include <thread>

#include "tests/signing/RegisterFixture.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing::signfx {
namespace {

struct KillCase {
  std::string step;  // GONGWEN_TEST_KILL_AT without the signal
  int signal;
  bool sealExpected;  // whether the sealed output must exist afterwards
};

void PrintTo(const KillCase& c, std::ostream* os) { *os << c.step << (c.signal == SIGTERM ? ":TERM" : ""); }

std::string caseName(const ::testing::TestParamInfo<KillCase>& info) {
  std::string name = info.param.step + (info.param.signal == SIGTERM ? "_TERM" : "_KILL");
  for (char& c : name)
    if (c == '-' || c == '#') c = '_';
  return name;
}

long long rowCount(const RegisterBureau& b) {
  const std::string out = b.sql("SELECT count(*) FROM seal_use").out;
  return out.empty() ? 0 : std::stoll(out);
}

// The invariant every kill must leave, whatever the step.
void expectSealWholeOrAbsent(const RegisterBureau& b, const std::string& output) {
  if (std::filesystem::exists(output)) {
    const NamedRow named = namedRow(readFile(output));
    ASSERT_GT(named.sequence, 0) << output << " is sealed but names no register row";
    const std::string digest = run({"sha256sum", b.approved()}).out.substr(0, 64);
    EXPECT_EQ(b.sql("SELECT count(*) FROM seal_use WHERE seq = " + std::to_string(named.sequence) +
                    " AND row_hash = '" + named.rowHash + "' AND document_sha256 = '" + digest + "'")
                  .out,
              "1\n")
        << "the sealed output's row " << named.sequence << " is not in the register";
    const CommandResult verified = b.verify({output});
    EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err;
  }
  const CommandResult checked = b.registerVerify();
  EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
}

class SignKilledAt : public ::testing::TestWithParam<KillCase> {};

TEST_P(SignKilledAt, LeavesEitherNoSealOrASealWithItsRow) {
  const KillCase& c = GetParam();
  const RegisterBureau b("kill");
  ASSERT_EQ(b.seal(b.file("before.pdf")).exitCode, 0);  // a register with history, not a fresh one
  const long long rowsBefore = rowCount(b);
  const std::string output = b.file("sealed.pdf");
  std::vector<std::string> env = bureau().environment();
  env.push_back("GONGWEN_TEST_KILL_AT=" + c.step + (c.signal == SIGTERM ? ":TERM" : ""));
  const CommandResult r = run(b.sealCommand(output), env);
  EXPECT_EQ(r.exitCode, 128 + c.signal) << "the kill point was not reached: " << r.out << r.err;
  EXPECT_EQ(std::filesystem::exists(output), c.sealExpected);
  EXPECT_LE(rowCount(b), rowsBefore + 1);
  expectSealWholeOrAbsent(b, output);
  // The register takes the next seal whatever the kill left.
  ASSERT_EQ(b.seal(b.file("after.pdf")).exitCode, 0);
  expectSealWholeOrAbsent(b, b.file("after.pdf"));
}

// In the order `sign` reaches them. temporary-written is inside the atomic write, before the
// rename: its first time is the register's head file, its second the sealed output. SIGTERM is held
// back during both writes, so a TERM there lands once the file is in place.
INSTANTIATE_TEST_SUITE_P(
    EveryStep, SignKilledAt,
    ::testing::Values(
        KillCase{"authorised", SIGKILL, false}, KillCase{"authorised", SIGTERM, false},
        KillCase{"register-committed", SIGKILL, false}, KillCase{"register-committed", SIGTERM, false},
        KillCase{"temporary-written", SIGKILL, false}, KillCase{"temporary-written", SIGTERM, false},
        KillCase{"register-head-written", SIGKILL, false}, KillCase{"register-head-written", SIGTERM, false},
        KillCase{"signed", SIGKILL, false}, KillCase{"signed", SIGTERM, false},
        KillCase{"temporary-written#2", SIGKILL, false}, KillCase{"temporary-written#2", SIGTERM, true},
        KillCase{"published", SIGKILL, true}, KillCase{"published", SIGTERM, true}),
    caseName);

// Starts `gongwen sign` for the seal and sends it `signal` after `delay`; returns its wait status.
int sealAndKillAfter(const RegisterBureau& b, const std::string& output, std::chrono::microseconds delay,
                     int signal) {
  return runAndKillAfter(b.sealCommand(output), bureau().environment(), delay, signal);
}

// Kills at times no step names: inside SQLite's commit, the CMS signing, the write of the output.
TEST(SignKilledAtRandom, LeavesEitherNoSealOrASealWithItsRow) {
  const RegisterBureau b("kill-random");
  ASSERT_EQ(b.seal(b.file("before.pdf")).exitCode, 0);
  // How long a whole seal takes here: kills are spread over it.
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(b.seal(b.file("timed.pdf")).exitCode, 0);
  const auto whole =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  const unsigned seed = std::random_device()();
  std::mt19937 random(seed);
  std::uniform_int_distribution<long long> delay(0, whole.count());
  int untouched = 0, attempted = 0, sealed = 0;
  for (int i = 0; i < testScale(16, 8); ++i) {
    const std::string output = b.file("random-" + std::to_string(i) + ".pdf");
    const std::chrono::microseconds after(delay(random));
    const int signal = i % 2 == 0 ? SIGKILL : SIGTERM;
    SCOPED_TRACE("seed " + std::to_string(seed) + ", run " + std::to_string(i) + ": signal " +
                 std::to_string(signal) + " after " + std::to_string(after.count()) + " µs");
    const long long rowsBefore = rowCount(b);
    ASSERT_GE(sealAndKillAfter(b, output, after, signal), 0);
    EXPECT_LE(rowCount(b), rowsBefore + 1);
    expectSealWholeOrAbsent(b, output);
    const bool published = std::filesystem::exists(output);
    sealed += published ? 1 : 0;
    attempted += !published && rowCount(b) > rowsBefore ? 1 : 0;
    untouched += rowCount(b) == rowsBefore ? 1 : 0;
  }
  // Where the kills landed: before the register, between the register and the seal, after it.
  RecordProperty("killed_before_registering", untouched);
  RecordProperty("killed_registered_unsealed", attempted);
  RecordProperty("killed_after_sealing", sealed);
}

}  // namespace
}  // namespace gongwen::testing::signfx
