#include "signing/verify/CmsParsing.h"

#include <openssl/cms.h>
#include <openssl/err.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gongwen::verify {

namespace {

constexpr unsigned char kSequence = 0x30, kSet = 0x31, kInteger = 0x02, kOid = 0x06, kContext0 = 0xA0;

// Certificates kept, by their DER. Bounded: a stream of hostile CMSs with ever new certificates costs
// what it did before, not memory.
constexpr std::size_t kMostKept = 1024;

// One DER element: a one-byte tag and a definite length in its shortest form, inside the input.
struct Element {
  unsigned char tag = 0;
  std::size_t begin = 0, contents = 0, end = 0;
};

std::optional<Element> elementAt(std::string_view der, std::size_t at, std::size_t limit) {
  if (at + 2 > limit) return std::nullopt;
  Element e;
  e.tag = static_cast<unsigned char>(der[at]);
  e.begin = at;
  if ((e.tag & 0x1f) == 0x1f) return std::nullopt;
  const auto first = static_cast<unsigned char>(der[at + 1]);
  std::size_t length = first, header = 2;
  if (first >= 0x80) {
    const std::size_t octets = first & 0x7f;
    if (octets == 0 || octets > 4 || at + 2 + octets > limit || der[at + 2] == 0) return std::nullopt;
    length = 0;
    for (std::size_t i = 0; i < octets; ++i)
      length = (length << 8) | static_cast<unsigned char>(der[at + 2 + i]);
    if (length < 0x80) return std::nullopt;
    header += octets;
  }
  if (length > limit - at - header) return std::nullopt;
  e.contents = at + header;
  e.end = e.contents + length;
  return e;
}

std::optional<Element> expect(std::string_view der, std::size_t at, std::size_t limit, unsigned char tag) {
  std::optional<Element> e = elementAt(der, at, limit);
  if (e && e->tag != tag) return std::nullopt;
  return e;
}

std::string wrapped(unsigned char tag, const std::string& contents) {
  std::string header(1, static_cast<char>(tag));
  const std::size_t length = contents.size();
  if (length < 0x80) {
    header += static_cast<char>(length);
  } else {
    std::string octets;
    for (std::size_t rest = length; rest > 0; rest >>= 8)
      octets.insert(octets.begin(), static_cast<char>(rest & 0xff));
    header += static_cast<char>(0x80 | octets.size());
    header += octets;
  }
  return header + contents;
}

// The ContentInfo without the SignedData's certificates, and those certificates' DER; nullopt for
// anything else than a DER SignedData that carries X.509 certificates.
struct Split {
  std::string withoutCertificates;
  std::vector<std::string_view> certificates;
};

std::optional<Split> splitCertificates(std::string_view der) {
  const std::optional<Element> info = expect(der, 0, der.size(), kSequence);
  if (!info) return std::nullopt;
  const std::optional<Element> type = expect(der, info->contents, info->end, kOid);
  const std::optional<Element> content = type ? expect(der, type->end, info->end, kContext0) : std::nullopt;
  if (!content || content->end != info->end) return std::nullopt;
  const std::optional<Element> signedData = expect(der, content->contents, content->end, kSequence);
  if (!signedData || signedData->end != content->end) return std::nullopt;
  const std::optional<Element> version = expect(der, signedData->contents, signedData->end, kInteger);
  const std::optional<Element> digests =
      version ? expect(der, version->end, signedData->end, kSet) : std::nullopt;
  const std::optional<Element> encapsulated =
      digests ? expect(der, digests->end, signedData->end, kSequence) : std::nullopt;
  const std::optional<Element> certificates =
      encapsulated ? expect(der, encapsulated->end, signedData->end, kContext0) : std::nullopt;
  if (!certificates) return std::nullopt;
  Split split;
  for (std::size_t at = certificates->contents; at < certificates->end;) {
    const std::optional<Element> certificate = expect(der, at, certificates->end, kSequence);
    if (!certificate) return std::nullopt;
    split.certificates.push_back(der.substr(certificate->begin, certificate->end - certificate->begin));
    at = certificate->end;
  }
  const std::string signedContents =
      std::string(der.substr(signedData->contents, certificates->begin - signedData->contents)) +
      std::string(der.substr(certificates->end, signedData->end - certificates->end));
  split.withoutCertificates =
      wrapped(kSequence, std::string(der.substr(type->begin, type->end - type->begin)) +
                             wrapped(kContext0, wrapped(kSequence, signedContents)));
  return split;
}

class KeptCertificates {
 public:
  // The certificate `der` is, with a reference for the caller; null when it does not parse.
  X509* get(std::string_view der) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      const auto found = kept_.find(der);
      if (found != kept_.end()) {
        X509_up_ref(found->second.get());
        return found->second.get();
      }
    }
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    cms::X509Ptr parsed(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!parsed || p != reinterpret_cast<const unsigned char*>(der.data() + der.size())) return nullptr;
    const std::lock_guard<std::mutex> lock(mutex_);
    if (kept_.size() < kMostKept) {
      X509_up_ref(parsed.get());
      kept_.emplace(std::string(der), cms::X509Ptr(parsed.get()));
    }
    return parsed.release();
  }

 private:
  std::mutex mutex_;
  std::map<std::string, cms::X509Ptr, std::less<>> kept_;
};

KeptCertificates& keptCertificates() {
  static KeptCertificates kept;
  return kept;
}

cms::CmsPtr parsedInFull(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return cms::CmsPtr(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
}

}  // namespace

cms::CmsPtr parseCmsContentInfo(std::string_view der) {
  const std::optional<Split> split = splitCertificates(der);
  if (!split) return parsedInFull(der);
  cms::CmsPtr contentInfo = parsedInFull(split->withoutCertificates);
  if (!contentInfo) return parsedInFull(der);
  for (const std::string_view certificateDer : split->certificates) {
    cms::X509Ptr certificate(keptCertificates().get(certificateDer));
    // CMS_add1_cert refuses a certificate twice: such a CMS is read as OpenSSL reads it.
    if (!certificate || CMS_add1_cert(contentInfo.get(), certificate.get()) != 1) {
      ERR_clear_error();
      return parsedInFull(der);
    }
  }
  return contentInfo;
}

}  // namespace gongwen::verify
