#include "signing/sign/DocumentTimestamp.h"

#include "signing/sign/RevisionParts.h"

namespace gongwen::sign {

namespace {

// A token carries the authority's certificate and perhaps its chain: a few kilobytes.
constexpr std::size_t kReservedTokenBytes = 16384;

}  // namespace

std::string addDocumentTimestamp(const SignableDocument& document, const cms::TimestampFetcher& timestamp) {
  IncrementalUpdate update = updateFor(document);
  const unsigned signature = update.newObjectNumber();
  addInvisibleSignatureField(document, update, "Document timestamp " + std::to_string(signature), signature);
  const std::string dictionary =
      "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange " +
      std::string(kByteRangeWidth, ' ') + " /Contents <" + std::string(kReservedTokenBytes * 2, '0') + "> >>";
  PlacedSignature placed = appendSignature(document, update, signature, dictionary);
  placed.fill(timestamp(placed.digest(EVP_sha256())), document.name());
  return std::move(placed.pdf);
}

}  // namespace gongwen::sign
