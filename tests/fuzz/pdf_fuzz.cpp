// libFuzzer target for the PDF reader that `sign` and `verify` trust: any bytes must parse into
// revisions or give a gongwen::Error, never a crash, hang or runaway allocation. What verify does
// with a parsed file (revision diff, signature-field discovery, /ByteRange checks, the CMS of each
// signature with its DER walk, the Info chain lookup) runs too, since that is where object graphs
// and DER chosen by an attacker are read.

#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/core/Error.h"
#include "signing/verify/ByteRangeCheck.h"
#include "signing/verify/PdfRevisions.h"
#include "signing/verify/RevisionDiff.h"
#include "signing/verify/SignatureFields.h"

namespace {

void walk(const gongwen::verify::pdf::Document& doc) {
  using namespace gongwen::verify;
  const size_t last = doc.revisions().size() - 1;
  for (size_t r = 1; r <= last; ++r) (void)diffRevision(doc, r);
  for (const auto& field : findSignatureFields(doc)) {
    const auto dict = doc.object(field.signatureObject, last);
    if (!dict) continue;
    const ByteRangeResult range = checkByteRange(doc, *dict);
    if (!range.covered.empty()) (void)checkCms(dict->get("Contents")->text, range.covered);
  }
  if (const pdf::Object* info = doc.revisions().front().trailer.get("Info"))
    (void)pdf::textOf(doc.resolve(*info, 0).get("GongwenChain"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const gongwen::verify::pdf::Document doc(std::string(reinterpret_cast<const char*>(data), size),
                                             "fuzz.pdf");
    walk(doc);
  } catch (const gongwen::Error&) {
    // Malformed PDFs are reported, which is the expected outcome.
  }
  return 0;
}
