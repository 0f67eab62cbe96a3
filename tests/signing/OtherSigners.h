#pragma once
// Signers and checkers that share no code with gongwen, run as the real programs: `pdfsig
// -add-signature` (Poppler with NSS), `podofosign`, iText 5 and Apache PDFBox 2 (tests/signing/java,
// with Bouncy Castle), and the iText/Bouncy Castle check of what a PDF's signatures say. Their keys
// come from the test PKI (samples/make-test-pki.sh): an NSS database and a PEM key are made from its
// PKCS#12 files in a temporary directory, with the password read from a file, never from argv.

#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "tests/signing/SignFixture.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing::othersigners {

// Set by tests/signing/java/OtherSigners.cmake: the JVM and class path, or what is missing.
#ifdef GONGWEN_TEST_JAVA
#define GONGWEN_TEST_JAVA_MISSING ""
#else
#define GONGWEN_TEST_JAVA ""
#define GONGWEN_TEST_JAVA_CLASSPATH ""
#endif
inline const std::string kJavaMissing = GONGWEN_TEST_JAVA_MISSING;

inline void requireJava() {
  if (!kJavaMissing.empty())
    throw std::runtime_error("the iText/PDFBox programs are not built: " + kJavaMissing);
}

// What one tool says about one signature of a file.
struct Verdict {
  bool valid = false;          // intact and its certificate trusted
  bool wholeDocument = false;  // covers every byte of the file
  std::string said;            // the tool's own words, for failure messages
};

class ForeignSigners {
 public:
  // `holder` names a test-PKI credential with an RSA key (iText 5 cannot verify its own ECDSA
  // signatures with Debian's Bouncy Castle) and `nickname` its PKCS#12 friendly name, NSS's name for it.
  ForeignSigners(const std::string& holder, const std::string& nickname) : nickname_(nickname) {
    requireJava();
    const auto& b = signfx::bureau();
    p12_ = b.pki(holder + ".p12");
    const std::string db = "sql:" + dir_.file("nssdb");
    std::filesystem::create_directory(dir_.file("nssdb"));
    expectRan({"certutil", "-N", "-d", db, "--empty-password"});
    expectRan({"certutil", "-A", "-d", db, "-n", "test-root", "-t", "CT,C,C", "-i", b.pki("root.crt")});
    expectRan({"pk12util", "-i", p12_, "-d", db, "-w", b.pki("password.txt"), "-K", ""});
    expectRan({"openssl", "pkcs12", "-in", p12_, "-nocerts", "-nodes", "-passin",
               "file:" + b.pki("password.txt"), "-out", dir_.file("key.pem")});
    expectRan({"openssl", "pkcs12", "-in", p12_, "-clcerts", "-nokeys", "-passin",
               "file:" + b.pki("password.txt"), "-out", dir_.file("cert.pem")});
  }

  std::string pdfsig(const std::string& pdf) {
    return sign(pdf, [&](const std::string& in, const std::string& out) -> std::vector<std::string> {
      return {"pdfsig",  "-add-signature",
              "-nssdir", "sql:" + dir_.file("nssdb"),
              "-nick",   nickname_,
              "-reason", "pdfsig test signature",
              in,        out};
    });
  }
  std::string podofosign(const std::string& pdf) {
    return sign(pdf, [&](const std::string& in, const std::string& out) -> std::vector<std::string> {
      return {"podofosign",         "-in",     in,      "-out", out, "-cert", dir_.file("cert.pem"), "-pkey",
              dir_.file("key.pem"), "-digest", "SHA256"};
    });
  }
  std::string itext(const std::string& pdf) { return java("ITextSign", pdf); }
  std::string pdfbox(const std::string& pdf) { return java("PdfBoxSign", pdf); }

 private:
  template <typename Argv>
  std::string sign(const std::string& pdf, Argv argv) {
    const std::string n = std::to_string(++count_);
    writeFileAtomically(dir_.file("in" + n + ".pdf"), pdf);
    expectRan(argv(dir_.file("in" + n + ".pdf"), dir_.file("out" + n + ".pdf")),
              signfx::bureau().environment());
    return readFile(dir_.file("out" + n + ".pdf"));
  }

  std::string java(const std::string& program, const std::string& pdf) {
    return sign(pdf, [&](const std::string& in, const std::string& out) -> std::vector<std::string> {
      return {GONGWEN_TEST_JAVA, "-cp", GONGWEN_TEST_JAVA_CLASSPATH, program, in, out, p12_};
    });
  }

  static void expectRan(const std::vector<std::string>& argv, const std::vector<std::string>& env = {}) {
    const CommandResult r = run(argv, env);
    if (r.exitCode != 0)
      throw std::runtime_error(argv.front() + " failed (" + std::to_string(r.exitCode) + "): " + r.err +
                               r.out);
  }

  TempDir dir_;
  std::string nickname_;
  std::string p12_;
  int count_ = 0;
};

// pdfsig's verdict on each signed signature of `path`, in file order.
inline std::vector<Verdict> pdfsigVerdicts(const std::string& path) {
  const CommandResult r = run({"pdfsig", "-nssdir", signfx::bureau().pki("nssdb"), path});
  std::vector<Verdict> verdicts;
  std::istringstream blocks(r.out);
  std::string line, block;
  const auto flush = [&] {
    if (block.find("Signature Validation:") != std::string::npos) {
      verdicts.push_back({block.find("Signature is Valid.") != std::string::npos &&
                              block.find("Certificate is Trusted.") != std::string::npos,
                          block.find("- Total document signed") != std::string::npos, block});
    }
    block.clear();
  };
  while (std::getline(blocks, line)) {
    if (line.rfind("Signature #", 0) == 0) flush();
    block += line + "\n";
  }
  flush();
  return verdicts;
}

// The iText/Bouncy Castle verdicts on each signed signature of each file, from one JVM run.
inline std::map<std::string, std::vector<Verdict>> itextVerdicts(const std::vector<std::string>& paths) {
  requireJava();
  std::map<std::string, std::vector<Verdict>> verdicts;
  std::vector<std::string> argv = {GONGWEN_TEST_JAVA, "-cp", GONGWEN_TEST_JAVA_CLASSPATH, "ITextCheck",
                                   signfx::bureau().pki("root.crt")};
  argv.insert(argv.end(), paths.begin(), paths.end());
  const CommandResult r = run(argv);
  if (r.exitCode != 0) throw std::runtime_error("ITextCheck failed: " + r.err);
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    const size_t tab = line.find('\t');
    const std::string said = line.substr(line.find('\t', tab + 1) + 1);
    verdicts[line.substr(0, tab)].push_back({said.find("intact=true trusted=true") == 0,
                                             said.find("wholeDocument=true") != std::string::npos, said});
  }
  return verdicts;
}

}  // namespace gongwen::testing::othersigners
