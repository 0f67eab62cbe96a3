// The run's output: under a pseudo-terminal (util-linux `script`) one progress bar redrawn in place
// with done / waiting / failed, documents per second and the time left; into a pipe one plain line
// per finished document and no control characters.

#include <gtest/gtest.h>

#include "tests/batch/BatchFixture.h"

namespace gongwen::testing::batchfx {
namespace {

std::string quoted(const std::string& word) { return "'" + word + "'"; }

TEST(BatchTerminal, ABarRedrawnInPlaceOnATerminalAndPlainLinesElsewhere) {
  BatchBureau bureau;
  writeNotices(bureau, 4);
  std::string command = quoted(gongwenBinary()) + " batch " + quoted(bureau.jobs()) + " --policy " +
                        quoted(bureau.policy()) + " --archive " + quoted(bureau.archive()) + " --keys " +
                        quoted(bureau.keyring());
  const CommandResult tty = run({"script", "-qec", command, "/dev/null"});
  ASSERT_EQ(tty.exitCode, 0) << tty.out << tty.err;
  EXPECT_NE(tty.out.find("\r\x1b[K["), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("] 4/4  done 4  waiting 0  failed 0  "), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find(" docs/s  "), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find(" left"), std::string::npos) << tty.out;
  EXPECT_EQ(tty.out.find("done     " + bureau.jobs()), std::string::npos)
      << "no per-document lines on a terminal";

  writeNotices(bureau, 3, 200);
  const CommandResult plain = bureau.batch({bureau.jobs(), "--keys", bureau.keyring()});
  ASSERT_EQ(plain.exitCode, 0) << plain.out << plain.err;
  EXPECT_EQ(plain.out.find('\r'), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos) << plain.out;
  for (int n = 200; n < 203; ++n)
    EXPECT_NE(
        plain.out.find("done     " + bureau.jobs() + "/notice-" + std::to_string(n) + ".xml  archived "),
        std::string::npos)
        << plain.out;
  EXPECT_NE(plain.out.find("skipped  " + bureau.jobs() + "/notice-100.xml  archived already"),
            std::string::npos)
      << plain.out;
}

}  // namespace
}  // namespace gongwen::testing::batchfx
