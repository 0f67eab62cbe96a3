// What an output may never destroy (an input of the process, a device, a FIFO, a hard-linked file,
// a symbolic link), the modes outputs get, and the temporaries a killed writer leaves behind.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>

#include "pipeline/core/AtomicFile.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"
#include "tests/support/TestSupport.h"

namespace fs = std::filesystem;
using namespace gongwen;
using gongwen::testing::TempDir;
using gongwen::testing::Umask;

namespace {

void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string contentOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

mode_t modeOf(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

// The code of the Error `write` throws, or "" when it throws none.
std::string refusal(const std::function<void()>& write, std::string* message = nullptr) {
  try {
    write();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  return "";
}

// A pid no process has: a child that has exited and been reaped.
pid_t deadPid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

}  // namespace

TEST(OutputFile, AFileTheProcessReadIsRefusedByAnyNameAndKept) {
  TempDir dir;
  const std::string input = dir.file("policy.xml");
  put(input, "<policy/>");
  readFile(input);
  fs::create_symlink("policy.xml", dir.file("link.xml"));
  fs::create_directory(dir.file("sub"));
  for (const std::string& output : {input, dir.file("link.xml"), dir.file("sub/../policy.xml")}) {
    std::string message;
    EXPECT_EQ(refusal([&] { writeFileAtomically(output, "x"); }, &message), "io.output-is-input") << output;
    EXPECT_NE(message.find(output), std::string::npos) << message;
    EXPECT_EQ(refusal([&] { ensureWritable(output); }), "io.output-is-input") << output;
  }
  EXPECT_EQ(contentOf(input), "<policy/>");
  EXPECT_TRUE(fs::is_symlink(dir.file("link.xml")));
}

TEST(OutputFile, ANotedFileThatDoesNotExistYetIsNotCreated) {
  TempDir dir;
  noteInput(dir.file("seal-uses.sqlite-wal"));
  EXPECT_EQ(refusal([&] { writeFileAtomically(dir.file("seal-uses.sqlite-wal"), "x"); }),
            "io.output-is-input");
  EXPECT_FALSE(fs::exists(dir.file("seal-uses.sqlite-wal")));
}

// A register the first seal will create, reached through links that lead nowhere yet: neither the
// name the policy gives nor the place the links lead to may be written.
TEST(OutputFile, ANotedFileBehindADanglingLinkIsRefusedByEitherName) {
  TempDir dir;
  fs::create_symlink("not-mounted/registry", dir.file("registry"));
  fs::create_symlink("elsewhere/seal-uses.sqlite", dir.file("seal-link.sqlite"));
  noteInput(dir.file("registry/seal-uses.sqlite"));
  noteInput(dir.file("seal-link.sqlite"));
  fs::create_directories(dir.file("not-mounted/registry"));
  fs::create_directories(dir.file("elsewhere"));
  for (const std::string& output :
       {dir.file("registry/seal-uses.sqlite"), dir.file("not-mounted/registry/seal-uses.sqlite"),
        dir.file("seal-link.sqlite"), dir.file("elsewhere/seal-uses.sqlite"),
        dir.file("elsewhere/../registry/seal-uses.sqlite")}) {
    EXPECT_EQ(refusal([&] { ensureWritable(output); }), "io.output-is-input") << output;
    EXPECT_EQ(refusal([&] { writeFileAtomically(output, "x"); }), "io.output-is-input") << output;
  }
  EXPECT_FALSE(fs::exists(dir.file("not-mounted/registry/seal-uses.sqlite")));
  EXPECT_FALSE(fs::exists(dir.file("elsewhere/seal-uses.sqlite")));
}

// The files a policy names are noted together, each directory resolved once: the same names and
// the same places the links lead to are protected as when each is noted alone.
TEST(OutputFile, FilesNotedTogetherAreRefusedByEveryNameAsWhenNotedAlone) {
  TempDir dir;
  fs::create_directories(dir.file("real/pki"));
  fs::create_directory_symlink("real/pki", dir.file("pki"));
  fs::create_symlink("not-mounted/registry", dir.file("registry"));
  fs::create_symlink("../elsewhere/bangong.p12", dir.file("real/pki/bangong.p12"));
  put(dir.file("real/pki/root.crt"), "root");
  put(dir.file("real/pki/bangong.crt"), "bangong");
  noteInputs({dir.file("pki/root.crt"), dir.file("pki/bangong.crt"), dir.file("pki/bangong.p12"),
              dir.file("registry/seal-uses.sqlite"), dir.file("registry/seal-uses.sqlite-wal"),
              dir.file("pki/../pki/missing.crt")});
  fs::create_directories(dir.file("not-mounted/registry"));
  fs::create_directories(dir.file("real/elsewhere"));
  for (const std::string& output :
       {dir.file("pki/root.crt"), dir.file("real/pki/root.crt"), dir.file("real/pki/bangong.crt"),
        dir.file("pki/bangong.p12"), dir.file("real/elsewhere/bangong.p12"),
        dir.file("not-mounted/registry/seal-uses.sqlite"), dir.file("registry/seal-uses.sqlite-wal"),
        dir.file("real/pki/missing.crt")}) {
    EXPECT_EQ(refusal([&] { ensureWritable(output); }), "io.output-is-input") << output;
  }
  EXPECT_EQ(refusal([&] { ensureWritable(dir.file("real/pki/other.crt")); }), "");
  EXPECT_EQ(contentOf(dir.file("real/pki/root.crt")), "root");
}

TEST(OutputFile, TheFileBeingRewrittenMayBeReplacedWhenSaidSo) {
  TempDir dir;
  const std::string file = dir.file("notice.txt");
  put(file, "before");
  readFile(file);
  WriteOptions rewrite;
  rewrite.replacesInput = true;
  writeFileAtomically(file, "after", rewrite);
  EXPECT_EQ(contentOf(file), "after");
}

TEST(OutputFile, AFifoOrADeviceIsRefusedAndStaysWhatItWas) {
  TempDir dir;
  const std::string fifo = dir.file("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  EXPECT_EQ(refusal([&] { writeFileAtomically(fifo, "x"); }), "io.output-not-regular");
  EXPECT_TRUE(fs::is_fifo(fifo));
  if (::geteuid() != 0) GTEST_SKIP() << "making a device node needs root";
  const std::string null = dir.file("null");
  ASSERT_EQ(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  std::string message;
  EXPECT_EQ(refusal([&] { writeFileAtomically(null, "x"); }, &message), "io.output-not-regular");
  EXPECT_NE(message.find("character device"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_character_file(null));
}

TEST(OutputFile, AnEmptyPathIsAUsageError) {
  try {
    writeFileAtomically("", "x");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.exitCode(), ExitCode::Usage);
    EXPECT_EQ(e.code(), "usage.output");
  }
}

TEST(OutputFile, AReplacedFileKeepsItsMode) {
  TempDir dir;
  const std::string file = dir.file("out.pdf");
  for (const mode_t mode : {0600, 0640, 0664}) {
    put(file, "old");
    ::chmod(file.c_str(), mode);
    writeFileAtomically(file, "new");
    EXPECT_EQ(modeOf(file), mode);
    EXPECT_EQ(contentOf(file), "new");
  }
}

TEST(OutputFile, AReplacedFileKeepsItsOwnerWhenRunAsRoot) {
  if (::geteuid() != 0) GTEST_SKIP() << "only root can give a file away";
  TempDir dir;
  const std::string file = dir.file("out.pdf");
  put(file, "old");
  ASSERT_EQ(::chown(file.c_str(), 12345, 23456), 0);
  writeFileAtomically(file, "new");
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 12345u);
  EXPECT_EQ(st.st_gid, 23456u);
}

TEST(OutputFile, ANewFileHonoursTheUmask) {
  TempDir dir;
  {
    Umask mask(022);
    writeFileAtomically(dir.file("open.pdf"), "x");
  }
  {
    Umask mask(077);
    writeFileAtomically(dir.file("private.pdf"), "x");
  }
  EXPECT_EQ(modeOf(dir.file("open.pdf")), 0644);
  EXPECT_EQ(modeOf(dir.file("private.pdf")), 0600);
}

TEST(OutputFile, AnOwnerOnlyOutputIs0600WhateverTheUmaskAndTheFileReplaced) {
  TempDir dir;
  WriteOptions classified;
  classified.ownerOnly = true;
  Umask mask(022);
  writeFileAtomically(dir.file("new.pdf"), "x", classified);
  EXPECT_EQ(modeOf(dir.file("new.pdf")), 0600);
  put(dir.file("old.pdf"), "old");
  ::chmod(dir.file("old.pdf").c_str(), 0644);
  writeFileAtomically(dir.file("old.pdf"), "x", classified);
  EXPECT_EQ(modeOf(dir.file("old.pdf")), 0600);
}

TEST(OutputFile, ASymbolicLinkIsWrittenThroughAndStaysALink) {
  TempDir dir;
  fs::create_directory(dir.file("real"));
  put(dir.file("real/out.pdf"), "old");
  ::chmod(dir.file("real/out.pdf").c_str(), 0600);
  fs::create_symlink("real/out.pdf", dir.file("link.pdf"));
  fs::create_symlink("link.pdf", dir.file("link-to-link.pdf"));
  writeFileAtomically(dir.file("link-to-link.pdf"), "new");
  EXPECT_TRUE(fs::is_symlink(dir.file("link.pdf")));
  EXPECT_TRUE(fs::is_symlink(dir.file("link-to-link.pdf")));
  EXPECT_EQ(contentOf(dir.file("real/out.pdf")), "new");
  EXPECT_EQ(modeOf(dir.file("real/out.pdf")), 0600);
}

TEST(OutputFile, ALinkAnotherUserPlantedInASharedDirectoryIsRefused) {
  if (::geteuid() != 0) GTEST_SKIP() << "giving a link to another user needs root";
  TempDir dir;
  const std::string shared = dir.file("tmp");
  fs::create_directory(shared);
  ::chmod(shared.c_str(), 01777);
  put(dir.file("victim"), "keep");
  const std::string link = shared + "/out.pdf";
  fs::create_symlink(dir.file("victim"), link);
  ASSERT_EQ(::lchown(link.c_str(), 12345, 12345), 0);
  EXPECT_EQ(refusal([&] { writeFileAtomically(link, "x"); }), "io.output-symlink-untrusted");
  EXPECT_EQ(contentOf(dir.file("victim")), "keep");
}

TEST(OutputFile, AHardLinkedFileIsRefusedAndKept) {
  TempDir dir;
  put(dir.file("a.pdf"), "shared");
  fs::create_hard_link(dir.file("a.pdf"), dir.file("b.pdf"));
  std::string message;
  EXPECT_EQ(refusal([&] { writeFileAtomically(dir.file("a.pdf"), "x"); }, &message), "io.output-hard-linked");
  EXPECT_NE(message.find("2 hard links"), std::string::npos) << message;
  EXPECT_EQ(contentOf(dir.file("a.pdf")), "shared");
  EXPECT_EQ(fs::hard_link_count(dir.file("b.pdf")), 2u);
}

TEST(OutputFile, StaleTemporariesOfTheSameOutputAreRemovedLiveOnesKept) {
  TempDir dir;
  const std::string dead = std::to_string(deadPid());
  const std::string live = std::to_string(::getppid());
  const std::string stale = dir.file(".out.pdf.gongwen-" + dead + "-aB3xYz");
  const std::string inUse = dir.file(".out.pdf.gongwen-" + live + "-aB3xYz");
  const std::string otherOutput = dir.file(".other.pdf.gongwen-" + dead + "-aB3xYz");
  for (const auto& path : {stale, inUse, otherOutput}) put(path, "partial");
  writeFileAtomically(dir.file("out.pdf"), "complete");
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(inUse));
  EXPECT_TRUE(fs::exists(otherOutput));
  EXPECT_EQ(contentOf(dir.file("out.pdf")), "complete");
}

TEST(OutputFile, AnInputDeletedSinceDoesNotProtectAFileThatReusesItsInode) {
  TempDir dir;
  put(dir.file("gone.xml"), "input");
  readFile(dir.file("gone.xml"));
  fs::remove(dir.file("gone.xml"));
  put(dir.file("new.pdf"), "old");  // often given the freed inode number
  writeFileAtomically(dir.file("new.pdf"), "new");
  EXPECT_EQ(contentOf(dir.file("new.pdf")), "new");
}

TEST(OutputFile, StandardOutputAppendingToAnInputIsRefused) {
  TempDir dir;
  const std::string input = dir.file("in.pdf");
  put(input, "%PDF-1.7");
  readFile(input);
  std::fflush(stdout);
  const int saved = ::dup(STDOUT_FILENO);
  const int appending = ::open(input.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  ASSERT_GE(appending, 0);
  ::dup2(appending, STDOUT_FILENO);
  const std::string code = refusal([] { writeFileAtomically("-", "signed revision"); });
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  ::close(appending);
  EXPECT_EQ(code, "io.output-is-input");
  EXPECT_EQ(contentOf(input), "%PDF-1.7");
}

TEST(OutputFile, TakingAnOutputBackRemovesWhatWasWrittenThroughALink) {
  TempDir dir;
  fs::create_symlink("sealed.pdf", dir.file("link.pdf"));
  writeFileAtomically(dir.file("link.pdf"), "sealed");
  removeOutput(dir.file("link.pdf"));
  EXPECT_FALSE(fs::exists(dir.file("sealed.pdf")));
  EXPECT_TRUE(fs::is_symlink(dir.file("link.pdf")));
}
