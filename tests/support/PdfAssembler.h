#pragma once
// Small, exact PDF inputs for tests and benchmarks, written byte by byte so that they depend on no
// PDF library: object i+1 is objects[i], then a classic xref table and the trailer.

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "pipeline/core/Utf.h"

namespace gongwen::testing {

// `trailerEntries` goes inside the trailer dictionary after /Size, e.g. "/Root 1 0 R /Info 6 0 R".
inline std::string assemblePdf(const std::vector<std::string>& objects, const std::string& trailerEntries,
                               const std::string& header = "%PDF-1.7\n") {
  std::string pdf = header;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  return pdf + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " " + trailerEntries +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

// A PDF text string holding `utf8`: UTF-16BE with a byte-order mark, in hex (characters of the
// Basic Multilingual Plane, which organ names are written in).
inline std::string pdfText(const std::string& utf8) {
  std::string hex = "<FEFF";
  for (const char32_t c : toUtf32(utf8, "test text")) {
    char unit[8];
    std::snprintf(unit, sizeof unit, "%04X", static_cast<unsigned>(c));
    hex += unit;
  }
  return hex + ">";
}

// The Info dictionary entries of a document rendered from a job asking for `chain`: a template and
// issuers the sample policy's <documents> rules allow that chain for (a leave request: a kind and
// days its <leave> rules give the chain for, when `applicant` is of the right kind), so that `sign`
// and `verify` derive that same chain from them.
inline std::string claimsFor(const std::string& chain, const std::string& applicant = "") {
  const std::string bureau = "江州市生态环境局", party = "中共江州市生态环境局党组";
  struct Claim {
    std::string templateId;
    std::vector<std::string> issuers;
    std::string leaveKind;
    std::string leaveDays;
  };
  static const std::map<std::string, Claim> claims = {
      {"party-document", {"notice", {party}, "", ""}},
      {"joint-document", {"notice", {party, bureau}, "", ""}},
      {"proposal-ordinary", {"letter", {bureau}, "", ""}},
      {"proposal-important", {"letter", {bureau}, "", ""}},
      {"meeting-minutes", {"minutes", {"江州市生态环境局局长办公会议"}, "", ""}},
      {"reimbursement", {"voucher", {bureau}, "", ""}},
      {"leave-short-staff", {"leave", {}, "事假", "1"}},
      {"leave-short-leader", {"leave", {}, "病假", "1"}},
      {"leave-long", {"leave", {}, "事假", "3"}},
      {"leave-statutory", {"leave", {}, "婚假", "3"}}};
  const auto known = claims.find(chain);
  const Claim claim = known != claims.end() ? known->second : Claim{"notice", {bureau}, "", ""};
  std::string entries = "/GongwenTemplate (" + claim.templateId + ")";
  if (!claim.issuers.empty()) {
    entries += " /GongwenIssuers [";
    for (const std::string& issuer : claim.issuers) entries += pdfText(issuer);
    entries += "]";
  }
  entries += " /GongwenChain (" + chain + ")";
  if (!claim.leaveKind.empty()) {
    entries += " /GongwenLeaveKind " + pdfText(claim.leaveKind) + " /GongwenLeaveDays " + claim.leaveDays;
  }
  if (!applicant.empty()) entries += " /GongwenApplicant (" + applicant + ")";
  return entries;
}

// A one-page document of about `bytes` bytes claiming the bureau chain: the benchmarks' input.
inline std::string documentOfSize(std::size_t bytes) {
  std::string content;
  for (int i = 0; content.size() < bytes; ++i) {
    content +=
        "BT /F1 10 Tf 72 " + std::to_string(100 + i % 600) + " Td (line " + std::to_string(i) + ") Tj ET\n";
  }
  return assemblePdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> >>",
       "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
       "<< " + claimsFor("bureau-document") + " >>"},
      "/Root 1 0 R /Info 6 0 R");
}

}  // namespace gongwen::testing
