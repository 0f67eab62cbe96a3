#include "pipeline/pdf/DocumentInfo.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/pdf/PdfValues.h"

namespace gongwen::pdf {
namespace {

using PoDoFo::PdfString;

std::string md5Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  size_t length = 0;
  if (!EVP_Q_digest(nullptr, "MD5", nullptr, text.data(), text.size(), digest, &length)) {
    throw systemError("pdf.digest", "OpenSSL cannot compute MD5 for the fixed PDF /ID");
  }
  static const char kDigits[] = "0123456789ABCDEF";
  std::string hex;
  for (size_t i = 0; i < length; ++i) {
    hex += kDigits[digest[i] >> 4];
    hex += kDigits[digest[i] & 0xF];
  }
  return hex;
}

// Finds the next <hex> string at or after `from`; returns the position after its '<'.
size_t replaceHexString(std::string& pdf, size_t from, const std::string& hex) {
  const size_t open = pdf.find('<', from);
  const size_t close = open == std::string::npos ? open : pdf.find('>', open);
  if (close == std::string::npos || close - open - 1 != hex.size()) {
    throw std::logic_error("unexpected trailer /ID layout in PoDoFo output");
  }
  pdf.replace(open + 1, hex.size(), hex);
  return close + 1;
}

}  // namespace

void writeDocumentInfo(PoDoFo::PdfMemDocument& document, const layout::DocumentInfo& about,
                       std::time_t when) {
  PoDoFo::PdfInfo* info = document.GetInfo();
  PoDoFo::PdfDictionary& dict = info->GetObject()->GetDictionary();
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
    if (!text->empty()) dict.AddKey(key, utf8String(*text));
  }
  if (!about.issuers.empty()) {
    PoDoFo::PdfArray issuers;
    for (const std::string& issuer : about.issuers) issuers.push_back(utf8String(issuer));
    dict.AddKey("GongwenIssuers", issuers);
  }
  if (about.leaveDays) dict.AddKey("GongwenLeaveDays", PoDoFo::PdfVariant(*about.leaveDays));
  info->SetCreator(PdfString("gongwen"));
  dict.AddKey("CreationDate", PdfString(pdfUtcDate(when)));
  dict.AddKey("ModDate", PdfString(pdfUtcDate(when)));
}

void fixTrailerId(std::string& pdf, const std::string& fixedId) {
  const size_t id = pdf.rfind("/ID");
  if (id == std::string::npos) throw std::logic_error("no trailer /ID in PoDoFo output");
  const std::string hex = md5Hex(fixedId);
  replaceHexString(pdf, replaceHexString(pdf, id, hex), hex);
}

}  // namespace gongwen::pdf
