#include "signing/verify/ReportFormat.h"

#include <sstream>

#include "pipeline/core/JsonText.h"
#include "pipeline/core/UtcTime.h"

namespace gongwen::verify {
namespace {

const char* verdict(bool ok) { return ok ? "ok" : "FAILED"; }

std::string jsonProblems(const std::vector<Problem>& problems) {
  std::string out = "[";
  for (size_t i = 0; i < problems.size(); ++i) {
    out += (i ? "," : "") + std::string("{\"code\":") + jsonString(problems[i].code) +
           ",\"message\":" + jsonString(problems[i].message) + "}";
  }
  return out + "]";
}

std::string jsonChanges(const std::vector<Change>& changes) {
  std::string out = "[";
  for (size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    out += (i ? "," : "") + std::string("{\"revision\":") + std::to_string(c.revision) +
           ",\"object\":" + std::to_string(c.objectNumber) + ",\"page\":" + std::to_string(c.page) +
           ",\"code\":" + jsonString(c.code) + ",\"allowed\":" + (c.allowed() ? "true" : "false") +
           ",\"description\":" + jsonString(c.description) + "}";
  }
  return out + "]";
}

std::string revocationLine(const CertificateRevocation& r) {
  std::string line = statusName(r.status);
  if (r.status == RevocationStatus::Revoked)
    line += " at " + (r.revokedAt ? formatUtcTime(*r.revokedAt) : "?") +
            (r.reason.empty() ? "" : ", " + r.reason);
  if (!r.source.empty()) line += " (" + r.source + ")";
  if (r.status == RevocationStatus::Unknown) line += ": " + r.detail;
  return line;
}

std::string jsonRevocation(const std::vector<CertificateRevocation>& statuses) {
  std::string out = "[";
  for (size_t i = 0; i < statuses.size(); ++i) {
    const CertificateRevocation& r = statuses[i];
    out += (i ? "," : "") + std::string("{\"subject\":") + jsonString(r.subject) +
           ",\"status\":" + jsonString(statusName(r.status)) + ",\"source\":" + jsonString(r.source) +
           ",\"revokedAt\":" + jsonString(r.revokedAt ? formatUtcTime(*r.revokedAt) : "") +
           ",\"reason\":" + jsonString(r.reason) + ",\"detail\":" + jsonString(r.detail) + "}";
  }
  return out + "]";
}

std::string jsonStrings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + jsonString(items[i]);
  return out + "]";
}

}  // namespace

std::string formatText(const Report& report) {
  std::ostringstream out;
  out << report.file << ": " << report.signatures.size() << " signature(s), "
      << report.documentTimestamps.size() << " document timestamp(s), " << report.revisions.size()
      << " revision(s)";
  if (!report.claims.chain.empty()) out << ", chain " << report.claims.chain;
  out << "\n"
      << (report.chainChecked
              ? "approval chain: checked against the policy\n"
              : "approval chain: NOT checked (no --policy given): integrity and trust only\n");
  for (size_t i = 0; i < report.signatures.size(); ++i) {
    const SignatureReport& s = report.signatures[i];
    out << "\nsignature " << i + 1 << ": field \"" << s.field << "\" (object " << s.signatureObject
        << "), covers revision " << s.revision << "\n"
        << "  signer:      " << s.subject << "\n";
    if (report.chainChecked) {
      out << "  person:      "
          << (s.personId.empty() ? "(not in the policy)" : s.personName + " [" + s.personId + "], " + s.role)
          << "\n";
    }
    out << "  step:        " << s.step << " (claimed by " << s.claimedPerson
        << (s.actingFor.empty() ? "" : ", acting for " + s.actingFor) << ")\n"
        << "  signed at:   " << s.signingTime << " (" << s.timeSource << ")\n"
        << "  level:       " << s.level << "\n"
        << "  algorithm:   " << s.algorithm << "\n"
        << "  byte range:  " << verdict(s.byteRangeOk) << "\n"
        << "  digest:      " << verdict(s.digestOk) << "\n"
        << "  signature:   " << verdict(s.signatureOk) << "\n"
        << "  signing-certificate-v2: "
        << (s.signingCertificatePresent || s.subFilter != "adbe.pkcs7.detached"
                ? verdict(s.signingCertificateOk)
                : "absent (not required for /SubFilter /adbe.pkcs7.detached)")
        << "\n"
        << "  certificate: " << s.trust << "\n"
        << "  validated at: " << s.validatedAt << "\n";
    for (const auto& r : s.revocation)
      out << "  revocation:  " << r.subject << ": " << revocationLine(r) << "\n";
    for (const auto& note : s.notes) out << "  note:        " << note << "\n";
    out << "  changed since: " << (s.laterChanges.empty() ? "nothing disallowed" : "see below") << "\n";
    for (const auto& c : s.laterChanges)
      out << "    revision " << c.revision << ": " << c.description << " [" << c.code << "]\n";
    for (const auto& p : s.problems) out << "  error[" << p.code << "]: " << p.message << "\n";
    out << "  verdict:     " << (s.valid() ? "VALID" : "INVALID") << "\n";
  }
  for (size_t i = 0; i < report.documentTimestamps.size(); ++i) {
    const DocumentTimestampReport& t = report.documentTimestamps[i];
    out << "\ndocument timestamp " << i + 1 << ": field \"" << t.field << "\" (object " << t.signatureObject
        << "), covers revision " << t.revision << "\n"
        << "  time:        " << t.time << "\n"
        << "  authority:   " << t.authority << ", certificate expires " << formatUtcTime(t.authorityExpires)
        << "\n";
    for (const auto& p : t.problems) out << "  error[" << p.code << "]: " << p.message << "\n";
    out << "  verdict:     " << (t.valid() ? "VALID" : "INVALID") << "\n";
  }
  out << "\nrevisions:\n";
  for (const auto& r : report.revisions) {
    out << "  " << r.number << ": ends at byte " << r.end << (r.changes.empty() ? "" : ", changes:") << "\n";
    for (const auto& c : r.changes)
      out << "    " << (c.allowed() ? "allowed: " : "NOT ALLOWED: ") << c.description << "\n";
  }
  for (const auto& p : report.documentProblems) out << "error[" << p.code << "]: " << p.message << "\n";
  out << "\nresult: "
      << (!report.ok() ? "FAILED"
          : report.chainLeftUnchecked()
              ? "signatures intact and trusted, approval chain NOT checked: give --policy"
              : "all signatures valid, document unchanged since signing")
      << "\n";
  return out.str();
}

std::string formatJson(const Report& report) {
  std::ostringstream out;
  out << "{\"file\":" << jsonString(report.file) << ",\"ok\":" << (report.ok() ? "true" : "false")
      << ",\"chain\":" << jsonString(report.claims.chain)
      << ",\"template\":" << jsonString(report.claims.templateId)
      << ",\"issuers\":" << jsonStrings(report.claims.issuers)
      << ",\"chainChecked\":" << (report.chainChecked ? "true" : "false") << ",\"signatures\":[";
  for (size_t i = 0; i < report.signatures.size(); ++i) {
    const SignatureReport& s = report.signatures[i];
    out << (i ? "," : "") << "{\"field\":" << jsonString(s.field) << ",\"object\":" << s.signatureObject
        << ",\"revision\":" << s.revision << ",\"subject\":" << jsonString(s.subject)
        << ",\"step\":" << jsonString(s.step) << ",\"claimedPerson\":" << jsonString(s.claimedPerson)
        << ",\"actingFor\":" << jsonString(s.actingFor) << ",\"person\":" << jsonString(s.personId)
        << ",\"personName\":" << jsonString(s.personName) << ",\"role\":" << jsonString(s.role)
        << ",\"signingTime\":" << jsonString(s.signingTime) << ",\"timeSource\":" << jsonString(s.timeSource)
        << ",\"level\":" << jsonString(s.level) << ",\"algorithm\":" << jsonString(s.algorithm)
        << ",\"byteRangeOk\":" << (s.byteRangeOk ? "true" : "false")
        << ",\"digestOk\":" << (s.digestOk ? "true" : "false")
        << ",\"signatureOk\":" << (s.signatureOk ? "true" : "false")
        << ",\"signingCertificateOk\":" << (s.signingCertificateOk ? "true" : "false")
        << ",\"signingCertificatePresent\":" << (s.signingCertificatePresent ? "true" : "false")
        << ",\"subFilter\":" << jsonString(s.subFilter) << ",\"trust\":" << jsonString(s.trust)
        << ",\"validatedAt\":" << jsonString(s.validatedAt)
        << ",\"revocation\":" << jsonRevocation(s.revocation) << ",\"notes\":" << jsonStrings(s.notes)
        << ",\"valid\":" << (s.valid() ? "true" : "false")
        << ",\"laterChanges\":" << jsonChanges(s.laterChanges) << ",\"problems\":" << jsonProblems(s.problems)
        << "}";
  }
  out << "],\"documentTimestamps\":[";
  for (size_t i = 0; i < report.documentTimestamps.size(); ++i) {
    const DocumentTimestampReport& t = report.documentTimestamps[i];
    out << (i ? "," : "") << "{\"field\":" << jsonString(t.field) << ",\"object\":" << t.signatureObject
        << ",\"revision\":" << t.revision << ",\"time\":" << jsonString(t.time)
        << ",\"authority\":" << jsonString(t.authority)
        << ",\"authorityExpires\":" << jsonString(formatUtcTime(t.authorityExpires))
        << ",\"valid\":" << (t.valid() ? "true" : "false") << ",\"problems\":" << jsonProblems(t.problems)
        << "}";
  }
  out << "],\"revisions\":[";
  for (size_t i = 0; i < report.revisions.size(); ++i) {
    const RevisionReport& r = report.revisions[i];
    out << (i ? "," : "") << "{\"number\":" << r.number << ",\"end\":" << r.end
        << ",\"changes\":" << jsonChanges(r.changes) << "}";
  }
  out << "],\"missingSteps\":" << jsonStrings(report.missingSteps)
      << ",\"problems\":" << jsonProblems(report.documentProblems) << "}\n";
  return out.str();
}

}  // namespace gongwen::verify
