#pragma once
// What the seal-register tests share: a copy of the bureau's policy whose seal-use register is the
// test's own (so that tampering with it touches no other test), a document approved up to the seal,
// `gongwen register verify`, and the register row a sealed PDF names, read from its bytes.

#include <unistd.h>

#include <cstdlib>

#include "tests/signing/SignFixture.h"

namespace gongwen::testing::signfx {

// The row a sealed PDF names in its seal's signature dictionary; sequence 0 when it names none.
struct NamedRow {
  long long sequence = 0;
  std::string rowHash;
};

inline NamedRow namedRow(const std::string& pdf) {
  NamedRow row;
  const std::size_t at = pdf.rfind("/GongwenSealUse ");
  const std::size_t hash = pdf.rfind("/GongwenSealUseHash (");
  if (at == std::string::npos || hash == std::string::npos) return row;
  row.sequence = std::atoll(pdf.c_str() + at + 16);
  row.rowHash = pdf.substr(hash + 21, 64);
  return row;
}

class RegisterBureau {
 public:
  // `name` makes the register's file name; the process id keeps test processes apart.
  explicit RegisterBureau(const std::string& name)
      : tag_(name + "-" + std::to_string(::getpid())),
        registerPath_(bureau().file("registry/" + tag_ + ".sqlite")),
        policyPath_(bureau().file("policy-" + tag_ + ".xml")) {
    writeFileAtomically(policyPath_, replaced(readFile(bureau().policyPath()), "registry/seal-uses.sqlite",
                                              "registry/" + tag_ + ".sqlite"));
    approveUpToTheSeal(unsignedPdf("bureau-document", "administrative-seal"), "");
  }
  ~RegisterBureau() {
    for (const char* suffix : {"", "-wal", "-shm", ".head"}) std::filesystem::remove(registerPath_ + suffix);
    std::filesystem::remove(policyPath_);
  }
  RegisterBureau(const RegisterBureau&) = delete;
  RegisterBureau& operator=(const RegisterBureau&) = delete;

  const std::string& policy() const { return policyPath_; }
  const std::string& registerPath() const { return registerPath_; }
  // The document approved up to the seal: 局长签发 given, the administrative seal not yet applied.
  std::string approved() const { return work_.file("3.pdf"); }
  std::string file(const std::string& name) const { return work_.file(name); }

  // Signs `unsignedBytes` through the three approvals of bureau-document with `gongwen sign`, as
  // PREFIX0.pdf … PREFIX3.pdf; returns the last.
  std::string approveUpToTheSeal(const std::string& unsignedBytes, const std::string& prefix) const {
    const std::string steps[][2] = {
        {"bangong", "office-proofread"}, {"fenguan-zhang", "deputy-review"}, {"juzhang", "director-signoff"}};
    writeFileAtomically(work_.file(prefix + "0.pdf"), unsignedBytes);
    for (int i = 0; i < 3; ++i) {
      const CommandResult r = signCli(work_.file(prefix + std::to_string(i) + ".pdf"),
                                      work_.file(prefix + std::to_string(i + 1) + ".pdf"), steps[i][0],
                                      steps[i][1], "", policyPath_);
      if (r.exitCode != 0) throw std::runtime_error("approving the test document failed: " + r.err);
    }
    return work_.file(prefix + "3.pdf");
  }

  CommandResult seal(const std::string& output) const {
    return signCli(approved(), output, "bangong", "administrative-seal", "", policyPath_);
  }
  // The command line seal() runs, for running it another way (killed, in the background).
  std::vector<std::string> sealCommand(const std::string& output) const {
    return {gongwenBinary(),
            "sign",
            approved(),
            "-o",
            output,
            "--policy",
            policyPath_,
            "--as",
            "bangong",
            "--step",
            "administrative-seal",
            "--password-env",
            "GONGWEN_TEST_PASSWORD"};
  }
  CommandResult registerVerify(const std::string& format = "text") const {
    return run({gongwenBinary(), "register", "verify", "--policy", policyPath_, "--format", format});
  }
  CommandResult verify(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> argv = {gongwenBinary(), "verify", "--policy", policyPath_};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run(argv);
  }
  CommandResult sql(const std::string& statement) const { return run({"sqlite3", registerPath_, statement}); }

 private:
  std::string tag_;
  std::string registerPath_;
  std::string policyPath_;
  TempDir work_;
};

}  // namespace gongwen::testing::signfx
