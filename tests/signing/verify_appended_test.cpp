// What an attacker appends after the seal without touching a signed object is still a change: new
// objects nothing refers to, objects that do not parse, revisions that change nothing. Each is named
// (revision and object) and fails verification; past the reader's limits the file is refused at
// once, in time and memory that do not grow with what was appended.

#include <gtest/gtest.h>

#include <chrono>

#include "tests/signing/VerifyFixture.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;

// Appends `revisions` incremental updates by hand (the signing library is too slow for thousands),
// the first defining `objects` (number → body), the others empty.
std::string appendByHand(const std::string& pdf, const std::vector<std::pair<unsigned, std::string>>& objects,
                         size_t revisions = 1) {
  const verify::pdf::Document document(pdf, "test.pdf");
  const auto& trailer = document.revisions().back().trailer;
  unsigned size = static_cast<unsigned>(trailer.get("Size")->number);
  for (const auto& [number, body] : objects) size = std::max(size, number + 1);
  const std::string fixed = " /Root " + std::to_string(trailer.get("Root")->ref.number) + " 0 R /Info " +
                            std::to_string(trailer.get("Info")->ref.number) + " 0 R /Size " +
                            std::to_string(size);
  std::string out = pdf;
  size_t previous = document.revisions().back().xrefOffset;
  for (size_t r = 0; r < revisions; ++r) {
    std::string xref = "xref\n";
    if (r == 0) {
      for (const auto& [number, body] : objects) {
        char line[64];
        std::snprintf(line, sizeof line, "%u 1\n%010zu 00000 n \n", number, out.size());
        xref += line;
        out += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
      }
    }
    const size_t at = out.size();
    out += xref + "trailer\n<<" + fixed + " /Prev " + std::to_string(previous) + " >>\nstartxref\n" +
           std::to_string(at) + "\n%%EOF\n";
    previous = at;
  }
  return out;
}

std::vector<std::pair<unsigned, std::string>> newObjects(const std::string& pdf, unsigned count,
                                                         const std::string& body) {
  const unsigned first = nextObjectNumber(pdf);
  std::vector<std::pair<unsigned, std::string>> objects;
  for (unsigned i = 0; i < count; ++i) objects.emplace_back(first + i, body);
  return objects;
}

// Every signature fails with modified.after-signing, the last one listing `count` changes of `code`;
// returns the first of them.
verify::Change expectEverySignatureSees(const std::string& pdf, const std::string& code, size_t count) {
  const verify::Report report = verifyWithPolicy(pdf);
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.signatures.size(), 3u);
  for (const auto& s : report.signatures) EXPECT_TRUE(hasProblem(s, "modified.after-signing")) << s.field;
  std::vector<verify::Change> seen;
  for (const auto& change : report.signatures.back().laterChanges) {
    if (change.code == code) seen.push_back(change);
  }
  EXPECT_EQ(seen.size(), count) << problemCodes(report);
  return seen.empty() ? verify::Change{} : seen.front();
}

TEST(VerifyAppended, TenThousandUnreferencedObjectsAreNamed) {
  const std::string& sealed = sealedProposal();
  const auto objects = newObjects(sealed, 10000, "<< /Note (nothing refers to me) >>");
  const std::string pdf = appendByHand(sealed, objects);
  // One change names them all: ten thousand appended objects must not make a report of ten thousand lines.
  const verify::Change change = expectEverySignatureSees(pdf, "modified.unreferenced-object", 1);
  EXPECT_EQ(change.revision, 5u);
  EXPECT_EQ(change.objectNumber, static_cast<int>(objects.front().first));
  const std::string named = "10000 objects: " + std::to_string(objects.front().first) + "–" +
                            std::to_string(objects.back().first) + " added";
  EXPECT_NE(change.description.find(named), std::string::npos) << change.description;
  const CommandResult cli = verifyWithCli(pdf);
  EXPECT_EQ(cli.exitCode, 5);
  EXPECT_NE(cli.out.find(named), std::string::npos);
}

TEST(VerifyAppended, NewObjectsOnlyEachOtherReferToAreUnreferenced) {
  // A cycle of new objects refers to itself; nothing the revision changed refers to it.
  const std::string& sealed = sealedProposal();
  const unsigned a = nextObjectNumber(sealed), b = a + 1;
  const std::string pdf =
      appendByHand(sealed, {{a, "[" + std::to_string(b) + " 0 R]"}, {b, "[" + std::to_string(a) + " 0 R]"}});
  const verify::Change change = expectEverySignatureSees(pdf, "modified.unreferenced-object", 1);
  EXPECT_NE(change.description.find("2 objects: " + std::to_string(a) + "–" + std::to_string(b)),
            std::string::npos)
      << change.description;
}

TEST(VerifyAppended, HundredEmptyRevisionsAreEachNamed) {
  const std::string pdf = appendByHand(sealedProposal(), {}, 100);
  expectEverySignatureSees(pdf, "modified.empty-revision", 100);
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.revisions.size(), 104u);
  ASSERT_FALSE(report.revisions.back().changes.empty());
  EXPECT_EQ(report.revisions.back().changes.front().code, "modified.empty-revision");
  EXPECT_NE(report.revisions.back().changes.front().description.find("revision 104"), std::string::npos);
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
}

TEST(VerifyAppended, ObjectThatDoesNotParseIsNamed) {
  const std::string& sealed = sealedProposal();
  const unsigned garbage = nextObjectNumber(sealed);
  const std::string pdf = appendByHand(sealed, {{garbage, "<< /Subtype /FreeText ) >>"}});
  const verify::Change change = expectEverySignatureSees(pdf, "modified.unparsable-object", 1);
  EXPECT_EQ(change.objectNumber, static_cast<int>(garbage));
  EXPECT_EQ(change.revision, 5u);
  EXPECT_NE(change.description.find("object " + std::to_string(garbage) + " of this revision cannot be read"),
            std::string::npos)
      << change.description;
  EXPECT_EQ(verifyWithCli(pdf).exitCode, 5);
}

TEST(VerifyAppended, ReplacingASignedObjectWithGarbageIsNamed) {
  // A signed object replaced by one that does not parse: reported, not read as absent or refused whole.
  const std::string pdf = appendByHand(sealedProposal(), {{4, "<< /Length 999999 >>\nstream\nx\nendstream"}});
  expectEverySignatureSees(pdf, "modified.unparsable-object", 1);
}

// `gongwen verify` on bytes, timed.
std::pair<CommandResult, double> timedVerify(const std::string& pdf) {
  const auto start = std::chrono::steady_clock::now();
  CommandResult r = verifyWithCli(pdf);
  return {r, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

TEST(VerifyAppended, RevisionsPastTheLimitAreRefusedAtOnce) {
  const std::string pdf = appendByHand(sealedProposal(), {}, verify::pdf::Limits{}.maxRevisions);
  const auto [r, seconds] = timedVerify(pdf);
  EXPECT_EQ(r.exitCode, 3) << r.out;
  EXPECT_NE(r.err.find("error[pdf.limit.revisions]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("more than " + std::to_string(verify::pdf::Limits{}.maxRevisions) + " revisions"),
            std::string::npos)
      << r.err;
  EXPECT_LT(seconds, 5.0);
  EXPECT_NE(r.err.find("--pdf-limit-factor"), std::string::npos) << r.err;

  // Raised, the bound lets the file be read, and its empty revisions fail it.
  TempDir work;
  writeFileAtomically(work.file("doc.pdf"), pdf);
  const CommandResult raised = run({gongwenBinary(), "verify", work.file("doc.pdf"), "--policy",
                                    bureau().policyPath(), "--pdf-limit-factor", "2"});
  EXPECT_EQ(raised.exitCode, 5) << raised.err;
  EXPECT_NE(raised.out.find("modified.empty-revision"), std::string::npos);
}

TEST(VerifyAppended, ObjectsPastTheLimitAreRefusedAtOnce) {
  const std::string& sealed = sealedProposal();
  const std::string pdf = appendByHand(sealed, newObjects(sealed, verify::pdf::Limits{}.maxObjects, "null"));
  const auto [r, seconds] = timedVerify(pdf);
  EXPECT_EQ(r.exitCode, 3) << r.out;
  EXPECT_NE(r.err.find("error[pdf.limit.objects]"), std::string::npos) << r.err;
  EXPECT_LT(seconds, 5.0);
}

TEST(VerifyAppended, ValuesPastTheLimitAreRefusedAtOnce) {
  // Each parsed value costs memory far beyond its two bytes of text: an array of zeros is bounded too.
  const std::string& sealed = sealedProposal();
  std::string zeros = "[";
  for (size_t i = 0; i < verify::pdf::Limits{}.maxValues; ++i) zeros += "0 ";
  const std::string pdf = appendByHand(sealed, {{nextObjectNumber(sealed), zeros + "]"}});
  const auto [r, seconds] = timedVerify(pdf);
  EXPECT_EQ(r.exitCode, 3) << r.out;
  EXPECT_NE(r.err.find("error[pdf.limit.values]"), std::string::npos) << r.err;
  EXPECT_LT(seconds, 5.0);
}

}  // namespace
}  // namespace gongwen::testing
