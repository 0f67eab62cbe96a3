#include "signing/verify/SecurityStore.h"

#include <openssl/sha.h>

#include <algorithm>
#include <cctype>

#include "pipeline/core/Error.h"

namespace gongwen::verify {
namespace {

using pdf::Object;

// A certificate, CRL or OCSP response is a few kilobytes; a large CRL a few megabytes. Past this an
// entry is an attack on the reader, not validation data.
constexpr size_t kMaxItemBytes = 32u << 20;

void readStreams(const pdf::Document& doc, size_t revision, const Object& dss, const char* key,
                 std::vector<std::string>& out) {
  const Object* entry = dss.get(key);
  if (entry == nullptr) return;
  const Object list = doc.resolve(*entry, revision);
  if (!list.is(Object::Kind::Array)) return;
  for (const Object& item : *list.array) {
    std::string der = readDssItem(doc, doc.resolve(item, revision));
    if (!der.empty()) out.push_back(std::move(der));
  }
}

}  // namespace

std::string readDssItem(const pdf::Document& doc, const Object& stream) {
  if (!stream.is(Object::Kind::Stream)) return {};
  try {
    return doc.streamData(stream, kMaxItemBytes, "a DSS entry");
  } catch (const Error&) {
    return {};
  }
}

bool SecurityStore::holdsCertificate(const std::string& der) const {
  return std::find(certificates.begin(), certificates.end(), der) != certificates.end();
}

std::string vriKey(std::string_view contentsValue) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(contentsValue.data()), contentsValue.size(), digest);
  static const char kHex[] = "0123456789ABCDEF";
  std::string key;
  for (unsigned char byte : digest) {
    key += kHex[byte >> 4];
    key += kHex[byte & 15];
  }
  return key;
}

SecurityStore readSecurityStore(const pdf::Document& doc, size_t revision) {
  SecurityStore store;
  const Object* root = doc.revisions()[revision].trailer.get("Root");
  if (root == nullptr) return store;
  const Object* entry = doc.resolve(*root, revision).get("DSS");
  if (entry == nullptr) return store;
  const Object dss = doc.resolve(*entry, revision);
  if (!dss.isDictLike()) return store;
  store.present = true;
  readStreams(doc, revision, dss, "Certs", store.certificates);
  readStreams(doc, revision, dss, "CRLs", store.crls);
  readStreams(doc, revision, dss, "OCSPs", store.ocspResponses);
  if (const Object* vri = dss.get("VRI")) {
    const Object entries = doc.resolve(*vri, revision);
    if (entries.isDictLike()) {
      for (const auto& [key, value] : *entries.dict) {
        std::string upper = key;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return std::toupper(c); });
        store.vriKeys.insert(upper);
      }
    }
  }
  return store;
}

void addToValidationData(const SecurityStore& store, ValidationData& data) {
  for (const auto& der : store.crls) data.crls.push_back({der, ValidationSource::FileDss, ""});
  for (const auto& der : store.ocspResponses)
    data.ocspResponses.push_back({der, ValidationSource::FileDss, ""});
}

}  // namespace gongwen::verify
