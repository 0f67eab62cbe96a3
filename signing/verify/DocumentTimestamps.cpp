#include "signing/verify/DocumentTimestamps.h"

#include "pipeline/core/UtcTime.h"
#include "signing/verify/ByteRangeCheck.h"
#include "signing/verify/SecurityStore.h"

namespace gongwen::verify {

bool isDocumentTimestamp(const pdf::Object& signature) {
  const pdf::Object* type = signature.get("Type");
  const pdf::Object* subFilter = signature.get("SubFilter");
  return (type != nullptr && type->isName("DocTimeStamp")) ||
         (subFilter != nullptr && subFilter->isName("ETSI.RFC3161"));
}

DocumentTimestampReport checkDocumentTimestamp(const pdf::Document& doc, const SignatureField& field,
                                               X509_STORE* anchors) {
  DocumentTimestampReport report;
  report.field = field.name;
  report.signatureObject = field.signatureObject;
  const pdf::Object dict =
      doc.object(field.signatureObject, doc.revisions().size() - 1).value_or(pdf::Object{});
  const pdf::Object* type = dict.get("Type");
  const pdf::Object* subFilter = dict.get("SubFilter");
  if (type == nullptr || !type->isName("DocTimeStamp") || subFilter == nullptr ||
      !subFilter->isName("ETSI.RFC3161"))
    report.problems.push_back(
        {"timestamp.document-malformed",
         "a document timestamp needs /Type /DocTimeStamp and /SubFilter /ETSI.RFC3161"});
  ByteRangeResult range = checkByteRange(doc, dict);
  report.revision = range.revision ? *range.revision + 1 : 0;
  report.problems.insert(report.problems.end(), range.problems.begin(), range.problems.end());
  if (range.covered.empty()) return report;

  const TimestampFacts facts = checkTimestampToken(dict.get("Contents")->text, range.covered, anchors);
  if (!facts.problem.empty()) report.problems.push_back({"timestamp.invalid", facts.problem});
  if (facts.genTime) {
    report.genTime = *facts.genTime;
    report.time = formatUtcTime(report.genTime);
  }
  report.vriKey = vriKey(dict.get("Contents")->text);
  report.validationCertificates = facts.chain;
  if (facts.authority) {
    report.authority = subjectOf(facts.authority.get());
    report.authorityExpires = toTime(X509_get0_notAfter(facts.authority.get())).value_or(0);
  }
  return report;
}

}  // namespace gongwen::verify
