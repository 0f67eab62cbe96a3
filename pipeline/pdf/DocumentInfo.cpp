// MD5() is deprecated in OpenSSL 3 for EVP, whose first digest in a process costs 5 M instructions
// (provider start, configuration, method fetch): 6 % of a cold render.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "pipeline/pdf/DocumentInfo.h"

#include <openssl/md5.h>

#include <vector>

#include "pipeline/core/UtcTime.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"

namespace gongwen::pdf {

std::string documentInfo(const layout::DocumentInfo& about, std::time_t when) {
  DictionaryWriter info;
  const std::pair<const char*, const std::string*> texts[] = {
      {"Title", &about.title},
      {"Author", &about.author},
      {"Subject", &about.subject},
      {"GongwenTemplate", &about.templateId},
      {"GongwenChain", &about.approvalChain},
      {"GongwenApplicant", &about.applicant},
      {"GongwenLeaveKind", &about.leaveKind},
      {"GongwenNumber", &about.docNumber},
      {"GongwenDate", &about.date},
      {"GongwenClassification", &about.classification},
      {"GongwenCopyNumber", &about.copyNumber},
      {"GongwenUrgency", &about.urgency}};
  for (const auto& [key, text] : texts) {
    if (!text->empty()) info.add(key, textString(*text));
  }
  if (!about.issuers.empty()) {
    std::vector<std::string> issuers;
    for (const std::string& issuer : about.issuers) issuers.push_back(textString(issuer));
    info.add("GongwenIssuers", array(issuers));
  }
  if (about.leaveDays) info.add("GongwenLeaveDays", real(*about.leaveDays));
  const std::string date = literalString(pdfUtcDate(when));
  return info.add("Creator", literalString("gongwen"))
      .add("Producer", literalString("gongwen"))
      .add("CreationDate", date)
      .add("ModDate", date)
      .text();
}

std::string trailerId(const std::string& fixedId, const std::string& info) {
  const std::string& source = fixedId.empty() ? info : fixedId;
  unsigned char digest[MD5_DIGEST_LENGTH];
  MD5(reinterpret_cast<const unsigned char*>(source.data()), source.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

}  // namespace gongwen::pdf
