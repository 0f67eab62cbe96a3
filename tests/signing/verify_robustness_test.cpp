// The verifier reads hostile input: truncated files, random byte damage, reference cycles. It must
// never crash or loop, and never call a damaged document valid (bytes inside the unsigned
// /Contents padding are the one place a change cannot matter). Run under ASan+UBSan in CI.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>

#include "pipeline/core/Error.h"
#include "signing/verify/RevisionDiff.h"
#include "tests/signing/VerifyFixture.h"
#include "tests/signing/XrefStreamFixture.h"
#include "tests/support/TestScale.h"

namespace gongwen::testing {
namespace {

using namespace verifyfx;
using xreffx::sealedWithObjectStreams;

// Verifies, turning a gongwen::Error (unreadable PDF) into "not ok".
bool verifiesOk(const std::string& pdf) {
  try {
    return verifyWithPolicy(pdf).ok();
  } catch (const Error& e) {
    EXPECT_EQ(e.exitCode(), ExitCode::InputInvalid) << e.what();
    return false;
  }
}

// The unsigned gaps (/Contents strings) of every signature in the honest document.
std::vector<std::pair<size_t, size_t>> gaps(const std::string& pdf) {
  std::vector<std::pair<size_t, size_t>> result;
  const verify::pdf::Document document(pdf, "test.pdf");
  for (const auto& s : verifyWithPolicy(pdf).signatures) {
    const auto dict = document.object(s.signatureObject, document.revisions().size() - 1);
    const auto* contents = dict->get("Contents");
    result.emplace_back(contents->begin, contents->end);
  }
  return result;
}

TEST(VerifyRobustness, HonestBaseline) {
  EXPECT_TRUE(verifiesOk(sealedProposal()));
  EXPECT_TRUE(verifiesOk(sealedWithObjectStreams()));
}

void expectEveryTruncationFails(const std::string& pdf) {
  for (size_t cut = 0; cut < pdf.size(); cut += pdf.size() / 97 + 1) {
    EXPECT_FALSE(verifiesOk(pdf.substr(0, cut))) << "truncated at " << cut;
  }
  EXPECT_FALSE(verifiesOk(pdf.substr(0, pdf.size() - 7))) << "without its final %%EOF";
}

TEST(VerifyRobustness, EveryTruncationFails) { expectEveryTruncationFails(sealedProposal()); }

TEST(VerifyRobustness, EveryTruncationOfAFileWithObjectStreamsFails) {
  expectEveryTruncationFails(sealedWithObjectStreams());
}

void expectRandomByteDamageNeverValid(const std::string& pdf) {
  const auto unsignedGaps = gaps(pdf);
  std::uint64_t state = 0x9E3779B97F4A7C15ull;  // xorshift64: deterministic
  const auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  // 300 damaged copies, each verified whole (60 under the sanitizers).
  const int copies = testScale(300, 60);
  int damaged = 0;
  while (damaged < copies) {
    const size_t offset = next() % pdf.size();
    const char value = static_cast<char>(next() & 0xFF);
    if (pdf[offset] == value) continue;
    bool inGap = false;
    for (const auto& [begin, end] : unsignedGaps) inGap = inGap || (offset >= begin && offset < end);
    if (inGap) continue;
    std::string copy = pdf;
    copy[offset] = value;
    EXPECT_FALSE(verifiesOk(copy)) << "byte " << offset << " set to "
                                   << int(static_cast<unsigned char>(value));
    ++damaged;
  }
}

TEST(VerifyRobustness, RandomByteDamageIsNeverValid) { expectRandomByteDamageNeverValid(sealedProposal()); }

TEST(VerifyRobustness, RandomByteDamageToAFileWithObjectStreamsIsNeverValid) {
  expectRandomByteDamageNeverValid(sealedWithObjectStreams());
}

// /Kids pointing back at the page tree, a field whose /Kids contains itself, a stream whose /Length
// refers to a stream whose /Length refers back.
const std::vector<std::string> kCyclicObjects = {
    "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
    "<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
    "<< /FT /Sig /Kids [4 0 R 4 0 R] /V 6 0 R >>",
    "<< /Length 6 0 R >>\nstream\nxx\nendstream",
    "<< /Length 5 0 R >>\nstream\nxx\nendstream"};

TEST(VerifyRobustness, ReferenceCyclesTerminate) {
  const std::vector<std::string>& objects = kCyclicObjects;
  std::string pdf = "%PDF-1.7\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 7\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  EXPECT_FALSE(verifiesOk(pdf));
}

TEST(VerifyRobustness, ReferenceCyclesThroughObjectStreamsTerminate) {
  using xreffx::XrefRow;
  // The same cycles with the dictionaries in an object stream.
  EXPECT_FALSE(verifiesOk(xreffx::assembleXrefStreamPdf(kCyclicObjects, {1, 2, 3, 4}, "/Root 1 0 R")));
  // An object stream whose /Length is an object it holds, and one the xref says it holds itself.
  for (const std::string length : {"2 0 R", "5"}) {
    std::string pdf = "%PDF-1.7\n";
    std::map<unsigned, XrefRow> rows = {{1, {2, 3, 0}}, {2, {2, 3, 1}}, {3, {1, pdf.size(), 0}}};
    if (length == "5") rows[3] = {2, 3, 2};
    pdf += "3 0 obj\n<< /Type /ObjStm /N 2 /First 9 /Length " + length +
           " >>\nstream\n1 0 2 34 << /Type /Catalog /Pages 1 0 R >>\n5\nendstream\nendobj\n";
    xreffx::appendXrefStream(pdf, rows, 4, "/Root 1 0 R");
    EXPECT_FALSE(verifiesOk(pdf)) << length;
  }
}

TEST(VerifyRobustness, AByteRangeStartingPastTheEndIsMalformed) {
  // Found by fuzzing (tests/fuzz/corpus/pdf/byterange-start-past-end.pdf): the first range's start
  // was never checked against the file size, and reading it threw std::out_of_range.
  const std::string pdf =
      assemblePdf({"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] >> >>",
                   "<< /Type /Pages /Kids [] /Count 0 >>", "<< /FT /Sig /T (approval) /V 4 0 R >>",
                   "<< /Type /Sig /ByteRange [99999999 1 0 0] /Contents <00> >>"},
                  "/Root 1 0 R");
  const verify::Report report = verifyWithPolicy(pdf);
  ASSERT_EQ(report.signatures.size(), 1u);
  EXPECT_TRUE(hasProblem(report.signatures[0], "byterange.malformed"));
  EXPECT_FALSE(report.ok());
}

TEST(VerifyRobustness, ADictionaryOfManyKeysParsesInLinearTime) {
  // Found by fuzzing: each key was compared with every earlier one (30,000 keys took 18 s under
  // ASan, 200,000 about 40 s in a release build). A generous bound, far above the linear cost.
  std::string dict = "<< ";
  for (int i = 0; i < 200000; ++i) dict += "/k" + std::to_string(i) + " 1 ";
  dict += ">>";
  const std::string name = "many-keys.pdf";
  // Past the default bound on parsed values: this is about the time a big dictionary takes.
  const verify::pdf::Parser parser(dict, name, verify::pdf::Limits{}.scaledBy(4));
  size_t end = 0;
  const auto started = std::chrono::steady_clock::now();
  const verify::pdf::Object parsed = parser.directObject(0, end);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
  EXPECT_EQ(parsed.dict->size(), 200000u);
  EXPECT_EQ(end, dict.size());
}

TEST(VerifyRobustness, ARevisionRestatingADictionaryOfManyKeysDiffsInLinearTime) {
  // Comparing two versions of a dictionary scanned one for every key of the other: 100,000 keys
  // given again in another order took about 20 s. A generous bound, far above the linear cost.
  std::string keys, reversed;
  for (int i = 0; i < 100000; ++i) keys += "/k" + std::to_string(i) + " 1 ";
  for (int i = 100000; i-- > 0;) reversed += "/k" + std::to_string(i) + " 1 ";
  const std::string original =
      assemblePdf({"<< /Type /Catalog /Pages 2 0 R " + keys + ">>", "<< /Type /Pages /Kids [] /Count 0 >>"},
                  "/Root 1 0 R");
  const std::string pdf =
      appendRevision(original, {{1, "<< /Type /Catalog /Pages 2 0 R " + reversed + ">>"}});
  const verify::pdf::Document document(pdf, "many-keys.pdf", verify::pdf::Limits{}.scaledBy(4));
  ASSERT_EQ(document.revisions().size(), 2u);
  const auto started = std::chrono::steady_clock::now();
  const std::vector<verify::Change> changes = verify::diffRevision(document, 1);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
  // The same keys in another order are the same dictionary: the revision changes nothing, which is
  // itself the one finding.
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes.front().code, "modified.empty-revision") << changes.front().description;
}

}  // namespace
}  // namespace gongwen::testing
