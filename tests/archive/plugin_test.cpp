// Poppler, libpqxx and HarfBuzz with fontconfig live in plugins beside gongwen-core
// (pipeline/core/Plugin.h): a command that needs none starts without loading them, and one that needs
// a missing plugin says so in one line with exit 6 and changes nothing.

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/archive/ArchiveFixture.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing {
namespace {

using namespace archivefx;

std::string besideBinary(const std::string& name) {
  return fs::path(gongwenBinary()).parent_path().string() + "/" + name;
}

// gongwen and gongwen-core copied alone into a directory: installed without the plugins.
class WithoutPlugins : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* program : {"gongwen", "gongwen-core"})
      fs::copy_file(besideBinary(program), dir.file(program));
  }
  std::string gongwen() const { return dir.file("gongwen"); }
  TempDir dir;
};

// The sanitized build links the plugins into gongwen-core (CMakeLists.txt says why); what a program
// without them does is seen in the release run.
constexpr const char* kPluginsLinkedIn = "the sanitized gongwen-core links its plugins in";

bool isOneLine(const std::string& text) { return !text.empty() && text.find('\n') == text.size() - 1; }

TEST_F(WithoutPlugins, RenderNeedsOnlyTheFontsPlugin) {
  fs::copy_file(besideBinary("libgongwen-fonts.so"), dir.file("libgongwen-fonts.so"));
  const CommandResult rendered = run(
      {gongwen(), "render", sourcePath("samples/jobs/notice-joint-work-style.xml"), "-o", dir.file("n.pdf")});
  EXPECT_EQ(rendered.exitCode, 0) << rendered.err;
}

TEST_F(WithoutPlugins, RenderSaysTheFontsPluginIsMissingAndWritesNothing) {
  if (kSanitized) GTEST_SKIP() << kPluginsLinkedIn;
  const CommandResult rendered = run(
      {gongwen(), "render", sourcePath("samples/jobs/notice-joint-work-style.xml"), "-o", dir.file("n.pdf")});
  EXPECT_EQ(rendered.exitCode, 6);
  EXPECT_TRUE(isOneLine(rendered.err)) << rendered.err;
  EXPECT_NE(rendered.err.find("error[plugin.missing]: " + dir.file("libgongwen-fonts.so")), std::string::npos)
      << rendered.err;
  EXPECT_FALSE(fs::exists(dir.file("n.pdf")));
}

// The fonts are loaded only to draw text: verifying, and signing a step whose signature nothing
// shows, never load them.
TEST_F(WithoutPlugins, VerifyAndAnInvisibleSignatureNeedNoFontsPlugin) {
  if (kSanitized) GTEST_SKIP() << kPluginsLinkedIn;
  const std::string notice = dir.file("notice.pdf");
  ASSERT_EQ(
      run({gongwenBinary(), "render", sourcePath("samples/jobs/notice-risk-inspection.xml"), "-o", notice})
          .exitCode,
      0);
  const CommandResult signedStep =
      run({gongwen(), "sign", notice, "-o", dir.file("signed.pdf"), "--policy", bureau().policyPath(), "--as",
           "bangong", "--step", "office-proofread", "--password-env", "GONGWEN_TEST_PASSWORD"},
          bureau().environment());
  EXPECT_EQ(signedStep.exitCode, 0) << signedStep.err;
  const CommandResult firstStep =
      run({gongwen(), "verify", dir.file("signed.pdf"), "--trust", bureau().pki("root.crt")});
  EXPECT_EQ(firstStep.exitCode, 7) << firstStep.out << firstStep.err;  // intact and trusted, chain unchecked
  const std::string sealed = put(dir, "sealed.pdf", signedSample("notice-risk-inspection"));
  const CommandResult wholeChain = run({gongwen(), "verify", sealed, "--policy", bureau().policyPath()});
  EXPECT_EQ(wholeChain.exitCode, 0) << wholeChain.out << wholeChain.err;
}

// A 请假条's box shows who signed, in the 楷体 role's font.
TEST_F(WithoutPlugins, ASignatureBoxSaysTheFontsPluginIsMissing) {
  if (kSanitized) GTEST_SKIP() << kPluginsLinkedIn;
  const std::string slip = dir.file("slip.pdf");
  ASSERT_EQ(run({gongwenBinary(), "render", sourcePath("samples/jobs/leave-marriage.xml"), "-o", slip,
                 "--policy", bureau().policyPath()})
                .exitCode,
            0);
  const CommandResult signedStep =
      run({gongwen(), "sign", slip, "-o", dir.file("signed.pdf"), "--policy", bureau().policyPath(), "--as",
           "chengban", "--step", "applicant", "--password-env", "GONGWEN_TEST_PASSWORD"},
          bureau().environment());
  EXPECT_EQ(signedStep.exitCode, 6);
  EXPECT_TRUE(isOneLine(signedStep.err)) << signedStep.err;
  EXPECT_NE(signedStep.err.find("error[plugin.missing]: " + dir.file("libgongwen-fonts.so")),
            std::string::npos)
      << signedStep.err;
  EXPECT_FALSE(fs::exists(dir.file("signed.pdf")));
}

TEST_F(WithoutPlugins, IngestSaysThePopplerPluginIsMissingAndLeavesTheArchiveAlone) {
  if (kSanitized) GTEST_SKIP() << kPluginsLinkedIn;
  const std::string pdf = put(dir, "notice.pdf", signedSample("notice-risk-inspection"));
  const std::string archive = dir.file("archive");
  ASSERT_EQ(run({gongwen(), "archive", "init", archive}).exitCode, 0);
  const std::string before = treeHash(archive);
  const CommandResult ingested =
      run({gongwen(), "archive", "ingest", pdf, "--archive", archive, "--policy", bureau().policyPath()});
  EXPECT_EQ(ingested.exitCode, 6);
  EXPECT_TRUE(isOneLine(ingested.err)) << ingested.err;
  EXPECT_NE(ingested.err.find("error[plugin.missing]: " + dir.file("libgongwen-poppler.so")),
            std::string::npos)
      << ingested.err;
  EXPECT_NE(ingested.err.find("install it beside gongwen-core"), std::string::npos) << ingested.err;
  EXPECT_EQ(treeHash(archive), before);
}

TEST_F(WithoutPlugins, AServerRegistrySaysThePostgresPluginIsMissing) {
  if (kSanitized) GTEST_SKIP() << kPluginsLinkedIn;
  const CommandResult verified =
      run({gongwen(), "register", "verify", "--registry", "postgresql://localhost/gongwen"});
  EXPECT_EQ(verified.exitCode, 6);
  EXPECT_TRUE(isOneLine(verified.err)) << verified.err;
  EXPECT_NE(verified.err.find("error[plugin.missing]: " + dir.file("libgongwen-postgres.so")),
            std::string::npos)
      << verified.err;
}

// What the dynamic loader maps at start-up (ldd's own switch) every command pays for: nothing of
// the plugins' libraries, nor PoDoFo's, which gongwen no longer uses.
TEST(Plugins, GongwenCoreStartsWithoutPdfFontOrServerLibraries) {
  if (kSanitized) GTEST_SKIP() << kPluginsLinkedIn;
  const CommandResult loaded = run({besideBinary("gongwen-core")}, {"LD_TRACE_LOADED_OBJECTS=1"});
  ASSERT_EQ(loaded.exitCode, 0) << loaded.err;
  ASSERT_NE(loaded.out.find("libstdc++"), std::string::npos) << loaded.out;
  for (const char* library :
       {"libpoppler", "libpq", "libnss3", "libgnutls", "libldap", "libkrb5", "libharfbuzz", "libgraphite2",
        "libglib", "libfontconfig", "libfreetype", "libpodofo", "libtiff", "libjpeg", "libpng"})
    EXPECT_EQ(loaded.out.find(library), std::string::npos) << library << " in\n" << loaded.out;
}

}  // namespace
}  // namespace gongwen::testing
