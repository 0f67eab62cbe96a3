// `gongwen render` and `check --fix` never destroy what their output names (the job, the font
// configuration, a device, a FIFO, a directory, a hard-linked file, a link), give outputs the right
// mode, write `-o -` to standard output, and clean up what a killed run left.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

const std::string kEpoch = "SOURCE_DATE_EPOCH=1767225600";

std::string contentOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

mode_t modeOf(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

std::string sample(const std::string& name) { return sourcePath("samples/jobs/" + name); }

CommandResult render(const std::string& job, const std::string& out, std::vector<std::string> more = {}) {
  std::vector<std::string> argv = {gongwenBinary(), "render", job, "-o", out};
  argv.insert(argv.end(), more.begin(), more.end());
  return run(argv, {kEpoch});
}

// Refused with exit 6: one line with the code and the output's name; nothing else written.
void expectRefused(const CommandResult& r, const std::string& code, const std::string& output) {
  EXPECT_EQ(r.exitCode, 6) << r.err;
  EXPECT_NE(r.err.find("error[" + code + "]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(output), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace

TEST(OutputFiles, RenderOverItsOwnJobIsRefusedAndTheJobKept) {
  TempDir dir;
  const std::string job = dir.file("self.xml");
  fs::copy_file(sample("notice-risk-inspection.xml"), job);
  const std::string before = contentOf(job);
  expectRefused(render(job, job), "io.output-is-input", job);
  EXPECT_EQ(contentOf(job), before);
  fs::create_symlink("self.xml", dir.file("alias.xml"));
  expectRefused(render(job, dir.file("alias.xml")), "io.output-is-input", "alias.xml");
  EXPECT_EQ(contentOf(job), before);
}

TEST(OutputFiles, RenderOverItsFontConfigurationIsRefusedAndItKept) {
  TempDir dir;
  const std::string fonts = dir.file("fonts.xml");
  const std::string config = contentOf(sourcePath("fonts/fonts.xml"));
  put(fonts, config);
  expectRefused(render(sample("notice-risk-inspection.xml"), fonts, {"--fonts", fonts}), "io.output-is-input",
                fonts);
  EXPECT_EQ(contentOf(fonts), config);
}

TEST(OutputFiles, RenderToADeviceOrFifoIsRefusedAndItStaysWhatItWas) {
  TempDir dir;
  const std::string fifo = dir.file("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  expectRefused(render(sample("notice-risk-inspection.xml"), fifo), "io.output-not-regular", fifo);
  EXPECT_TRUE(fs::is_fifo(fifo));
  if (::geteuid() != 0) GTEST_SKIP() << "making a device node needs root";
  // /dev/null's own device numbers, made here so that a regression cannot break the machine's.
  const std::string null = dir.file("null");
  ASSERT_EQ(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  expectRefused(render(sample("notice-risk-inspection.xml"), null), "io.output-not-regular",
                "character device");
  EXPECT_TRUE(fs::is_character_file(null));
}

TEST(OutputFiles, RenderToADirectoryIsRefused) {
  TempDir dir;
  fs::create_directory(dir.file("out.pdf"));
  expectRefused(render(sample("notice-risk-inspection.xml"), dir.file("out.pdf")), "io.output-not-regular",
                "directory");
  EXPECT_TRUE(fs::is_directory(dir.file("out.pdf")));
}

TEST(OutputFiles, AnEmptyOutputPathIsAUsageError) {
  const CommandResult r = render(sample("notice-risk-inspection.xml"), "");
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.err.find("error[usage.output]"), std::string::npos) << r.err;
}

TEST(OutputFiles, DashWritesThePdfToStandardOutput) {
  TempDir dir;
  const CommandResult toStdout = render(sample("notice-risk-inspection.xml"), "-");
  ASSERT_EQ(toStdout.exitCode, 0) << toStdout.err;
  ASSERT_EQ(render(sample("notice-risk-inspection.xml"), dir.file("out.pdf")).exitCode, 0);
  EXPECT_EQ(toStdout.out.substr(0, 5), "%PDF-");
  EXPECT_EQ(toStdout.out, contentOf(dir.file("out.pdf")));
  EXPECT_FALSE(fs::exists("-"));
}

TEST(OutputFiles, ClassifiedDocumentsAreOwnerOnlyWhateverTheUmask) {
  TempDir dir;
  for (const mode_t mask : {022, 077}) {
    Umask umask(mask);
    const std::string out = dir.file("classified-" + std::to_string(mask) + ".pdf");
    const CommandResult r = render(sample("notice-classified-inspection.xml"), out);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(modeOf(out), 0600) << "umask " << mask;
  }
}

TEST(OutputFiles, UnclassifiedDocumentsHonourTheUmask) {
  TempDir dir;
  for (const auto& [mask, mode] : {std::pair<mode_t, mode_t>{022, 0644}, {077, 0600}}) {
    Umask umask(mask);
    const std::string out = dir.file("open-" + std::to_string(mask) + ".pdf");
    const CommandResult r = render(sample("notice-risk-inspection.xml"), out);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(modeOf(out), mode) << "umask " << mask;
  }
}

TEST(OutputFiles, RenderThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink) {
  TempDir dir;
  put(dir.file("target.pdf"), "old");
  fs::create_symlink("target.pdf", dir.file("link.pdf"));
  ASSERT_EQ(render(sample("notice-risk-inspection.xml"), dir.file("link.pdf")).exitCode, 0);
  EXPECT_TRUE(fs::is_symlink(dir.file("link.pdf")));
  EXPECT_EQ(contentOf(dir.file("target.pdf")).substr(0, 5), "%PDF-");
}

TEST(OutputFiles, CheckFixKeepsModeAndLinks) {
  TempDir dir;
  const std::string sloppy = "各单位：\n今天,我们开会。\n";
  const std::string fixed = "各单位：\n今天，我们开会。\n";
  put(dir.file("private.txt"), sloppy);
  ::chmod(dir.file("private.txt").c_str(), 0600);
  put(dir.file("real.txt"), sloppy);
  fs::create_symlink("real.txt", dir.file("link.txt"));
  const CommandResult r =
      run({gongwenBinary(), "check", "--fix", dir.file("private.txt"), dir.file("link.txt")});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(contentOf(dir.file("private.txt")), fixed);
  EXPECT_EQ(modeOf(dir.file("private.txt")), 0600);
  EXPECT_TRUE(fs::is_symlink(dir.file("link.txt")));
  EXPECT_EQ(contentOf(dir.file("real.txt")), fixed);
}

TEST(OutputFiles, CheckFixRefusesAHardLinkedFileAndChangesNothing) {
  TempDir dir;
  const std::string sloppy = "今天,我们开会。\n";
  put(dir.file("a.txt"), sloppy);
  fs::create_hard_link(dir.file("a.txt"), dir.file("b.txt"));
  const CommandResult r = run({gongwenBinary(), "check", "--fix", dir.file("a.txt")});
  EXPECT_EQ(r.exitCode, 6) << r.err;
  EXPECT_NE(r.err.find("error[io.output-hard-linked]"), std::string::npos) << r.err;
  EXPECT_EQ(contentOf(dir.file("a.txt")), sloppy);
  EXPECT_EQ(fs::hard_link_count(dir.file("b.txt")), 2u);
}

TEST(OutputFiles, TheNextRenderRemovesATemporaryAKilledRunLeftButNotALiveOnes) {
  TempDir dir;
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const std::string stale = dir.file(".out.pdf.gongwen-" + std::to_string(child) + "-Qx81Zt");
  const std::string live = dir.file(".out.pdf.gongwen-" + std::to_string(::getpid()) + "-Qx81Zt");
  put(stale, "%PDF-1.7 half");
  put(live, "%PDF-1.7 half");
  ASSERT_EQ(render(sample("notice-risk-inspection.xml"), dir.file("out.pdf")).exitCode, 0);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live));
}
