#include "signing/verify/DerWalk.h"

#include <openssl/asn1.h>

namespace gongwen::verify {
namespace {

struct Tlv {
  const unsigned char* start = nullptr;
  const unsigned char* content = nullptr;
  const unsigned char* end = nullptr;
  int tag = 0;
  int cls = 0;
};

// Reads one definite-length TLV in [p, limit); indefinite lengths are not DER.
bool read(const unsigned char* p, const unsigned char* limit, Tlv& out) {
  if (p >= limit) return false;
  const unsigned char* q = p;
  long length = 0;
  int tag = 0, cls = 0;
  const int flags = ASN1_get_object(&q, &length, &tag, &cls, limit - p);
  if ((flags & 0x80) || (flags & 0x01)) return false;
  out = {p, q, q + length, tag, cls};
  return out.end <= limit;
}

bool isUniversal(const Tlv& t, int tag) { return t.cls == V_ASN1_UNIVERSAL && t.tag == tag; }
bool isContext(const Tlv& t, int tag) { return t.cls == V_ASN1_CONTEXT_SPECIFIC && t.tag == tag; }

}  // namespace

std::optional<std::string> signedAttributesForVerification(std::string_view der) {
  const auto* begin = reinterpret_cast<const unsigned char*>(der.data());
  Tlv contentInfo, oid, explicitTag, signedData, field;
  if (!read(begin, begin + der.size(), contentInfo) || !isUniversal(contentInfo, V_ASN1_SEQUENCE))
    return std::nullopt;
  if (!read(contentInfo.content, contentInfo.end, oid) || !read(oid.end, contentInfo.end, explicitTag) ||
      !isContext(explicitTag, 0) || !read(explicitTag.content, explicitTag.end, signedData) ||
      !isUniversal(signedData, V_ASN1_SEQUENCE)) {
    return std::nullopt;
  }
  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates OPTIONAL,
  //                           [1] crls OPTIONAL, signerInfos SET }
  const unsigned char* p = signedData.content;
  Tlv signerInfos;
  bool found = false;
  while (read(p, signedData.end, field)) {
    if (isUniversal(field, V_ASN1_SET)) {
      // digestAlgorithms is a SET too, but signerInfos is the last field.
      signerInfos = field;
      found = true;
    }
    p = field.end;
  }
  Tlv signerInfo;
  if (!found || !read(signerInfos.content, signerInfos.end, signerInfo) ||
      !isUniversal(signerInfo, V_ASN1_SEQUENCE)) {
    return std::nullopt;
  }
  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, ... }
  p = signerInfo.content;
  for (int i = 0; i < 4 && read(p, signerInfo.end, field); ++i, p = field.end) {
    if (i == 3 && isContext(field, 0)) {
      std::string bytes(reinterpret_cast<const char*>(field.start),
                        static_cast<size_t>(field.end - field.start));
      bytes[0] = 0x31;
      return bytes;
    }
  }
  return std::nullopt;
}

}  // namespace gongwen::verify
