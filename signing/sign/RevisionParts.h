#pragma once
// What every revision signing appends shares: changed copies of existing objects, the trailer
// entries carried over, an invisible signature field on page 1 listed in the AcroForm, and the
// signature dictionary whose /ByteRange and /Contents are placed in the written bytes. Approvals,
// seals, the DSS and document timestamps are all written through these.

#include <openssl/evp.h>

#include <cstddef>
#include <string>

#include "signing/sign/IncrementalUpdate.h"
#include "signing/sign/SignableDocument.h"

namespace gongwen::sign {

// A value copied from `document` in PDF syntax. A value the reader took that PDF syntax cannot hold
// (a number out of range) is Error(InputInvalid, "sign.pdf") naming the file.
std::string serialiseFrom(const SignableDocument& document, const verify::pdf::Object& value);

// Writes a changed copy of an existing object of `document` into the update.
void replace(const SignableDocument& document, IncrementalUpdate& update, const verify::pdf::Object& changed,
             const verify::pdf::Ref& ref);

// /Root, /Info and /ID of the last revision's trailer, for the new revision's trailer.
std::string trailerEntries(const SignableDocument& document);

// An update numbering its new objects after the document's: past its trailer's /Size and every
// object number any revision lists.
IncrementalUpdate updateFor(const SignableDocument& document);

// A new invisible signature field (merged field and widget) named `name` on page 1, whose value is
// object `signature`, added to the page's /Annots and the AcroForm's /Fields (/SigFlags 3).
void addInvisibleSignatureField(const SignableDocument& document, IncrementalUpdate& update,
                                const std::string& name, unsigned signature);

// Makes sure the AcroForm lists `newField` (when given) and has /SigFlags 3 (signatures exist,
// append only), writing it as an indirect object referenced from the catalog.
void updateAcroForm(const SignableDocument& document, IncrementalUpdate& update,
                    const verify::pdf::Ref* newField);

// The room a signature dictionary leaves for /ByteRange: four 10-digit numbers.
inline constexpr std::size_t kByteRangeWidth = 48;

// A signature dictionary appended and its /ByteRange filled in: the whole new file and where its
// /Contents hex string (with its angle brackets) lies.
struct PlacedSignature {
  std::string pdf;
  std::size_t gapStart = 0;
  std::size_t gapEnd = 0;
  // The digest of everything but the gap.
  std::string digest(const EVP_MD* md) const;
  // Writes `der` into /Contents; Error(System, "sign.contents-too-small") naming `name` when it
  // does not fit.
  void fill(const std::string& der, const std::string& name);
};

// `dictionary` must hold "/ByteRange " followed by kByteRangeWidth spaces and, last, "/Contents <"
// followed by the zeros of the reserved hex string; it becomes object `signature` of `update`.
PlacedSignature appendSignature(const SignableDocument& document, IncrementalUpdate& update,
                                unsigned signature, const std::string& dictionary);

}  // namespace gongwen::sign
