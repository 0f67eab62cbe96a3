// Bad input to `gongwen render`: one clear line naming the file and what is wrong, the documented
// exit code, and no output file (an existing one is left as it was).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "pipeline/core/AtomicFile.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen::testing;

namespace {

// The first sample notice, as text, to derive broken jobs from.
std::string sampleNotice() {
  for (const auto& job : sampleJobs()) {
    if (fs::path(job).filename().string().rfind("notice", 0) == 0) return gongwen::readFile(job);
  }
  throw std::runtime_error("no notice sample");
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// One line on stderr, with the command and the code.
void expectOneLine(const CommandResult& r, const std::string& code, const std::string& mentions) {
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("error[" + code + "]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
}

std::string replaceFirst(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  if (at == std::string::npos) throw std::runtime_error("sample lacks " + from);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST(RenderErrors, SchemaViolationNamesFileLineAndElement) {
  TempDir dir;
  const std::string job = dir.file("broken.xml");
  write(job, replaceFirst(sampleNotice(), "<title>", "<titel>"));
  // keep it well-formed: rename the closing tag too
  write(job, replaceFirst(gongwen::readFile(job), "</title>", "</titel>"));
  const auto r = run({gongwenBinary(), "render", job, "-o", dir.file("out.pdf")});
  EXPECT_EQ(r.exitCode, 3);
  expectOneLine(r, "job.schema", "broken.xml:");
  EXPECT_NE(r.err.find("titel"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("out.pdf")));
}

// libxml2 reports an encoding error outside its parser context, to stderr unless told otherwise.
TEST(RenderErrors, BytesNotInTheDeclaredEncodingGiveOneLine) {
  TempDir dir;
  const std::string job = dir.file("gb2312.xml");
  write(job, replaceFirst(sampleNotice(), "encoding=\"UTF-8\"", "encoding=\"GB2312\""));
  for (const std::vector<std::string>& argv : {std::vector<std::string>{gongwenBinary(), "check", job},
                                               {gongwenBinary(), "render", job, "-o", dir.file("out.pdf")}}) {
    const auto r = run(argv);
    EXPECT_EQ(r.exitCode, 3) << argv[1];
    expectOneLine(r, "job.xml", "gb2312.xml:");
    EXPECT_NE(r.err.find("conversion failed"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(dir.file("out.pdf")));
}

TEST(RenderErrors, MissingGlyphNamesTheCharacterWhereItIsAndTheRole) {
  TempDir dir;
  const std::string job = dir.file("rare.xml");
  // U+2EBF0 (CJK Extension I) is in no font the project installs.
  const std::string notice = sampleNotice();
  const auto at = notice.find("<p>");
  ASSERT_NE(at, std::string::npos);
  write(job, std::string(notice).insert(at + 3, "\U0002EBF0"));
  const auto r = run({gongwenBinary(), "render", job, "-o", dir.file("out.pdf")});
  EXPECT_EQ(r.exitCode, 3) << r.err;
  expectOneLine(r, "font.missing-glyph", "U+2EBF0");
  EXPECT_NE(r.err.find("rare.xml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("仿宋"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("out.pdf")));
}

TEST(RenderErrors, UnknownFontRoleInTheFontConfigurationIsRefused) {
  TempDir dir;
  const std::string fonts = dir.file("fonts.xml");
  write(fonts, std::regex_replace(gongwen::readFile(sourcePath("fonts/fonts.xml")),
                                  std::regex("name=\"kaiti\""), "name=\"kaishu\""));
  const auto r =
      run({gongwenBinary(), "render", sampleJobs().front(), "-o", dir.file("out.pdf"), "--fonts", fonts});
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("fonts.xml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kaishu"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("out.pdf")));
}

TEST(RenderErrors, UnwritableOutputIsAnIoErrorAndWritesNothing) {
  TempDir dir;
  const auto r =
      run({gongwenBinary(), "render", sampleJobs().front(), "-o", dir.file("no/such/dir/out.pdf")});
  EXPECT_EQ(r.exitCode, 6);
  expectOneLine(r, "io.write", "no/such/dir/out.pdf");
  EXPECT_FALSE(fs::exists(dir.file("no")));
}

TEST(RenderErrors, AFailedRenderLeavesAnEarlierOutputUntouched) {
  TempDir dir;
  const std::string out = dir.file("out.pdf");
  write(out, "earlier result");
  const std::string job = dir.file("broken.xml");
  write(job, "<job");
  const auto r = run({gongwenBinary(), "render", job, "-o", out});
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_EQ(gongwen::readFile(out), "earlier result");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 2)
      << "no temporaries left";
}

TEST(RenderErrors, CheckErrorsStopTheRenderUnlessAllowed) {
  TempDir dir;
  const std::string job = dir.file("sloppy.xml");
  const std::string notice = sampleNotice();
  const auto at = notice.find("<p>");
  write(job, std::string(notice).insert(at + 3, "请各单位,按时报送。"));
  const auto refused = run({gongwenBinary(), "render", job, "-o", dir.file("out.pdf")});
  EXPECT_EQ(refused.exitCode, 1) << refused.err;
  EXPECT_NE(refused.err.find("punct."), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(dir.file("out.pdf")));
  const auto allowed = run({gongwenBinary(), "render", job, "-o", dir.file("out.pdf"), "--allow-findings"});
  EXPECT_EQ(allowed.exitCode, 0) << allowed.err;
  EXPECT_TRUE(fs::exists(dir.file("out.pdf")));
}

TEST(RenderCommand, HelpDescribesOptionsAndExitCodes) {
  const auto r = run({gongwenBinary(), "render", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("--allow-findings"), std::string::npos);
  EXPECT_NE(r.out.find("exit codes"), std::string::npos);
}
