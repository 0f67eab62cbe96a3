#include "signing/sign/PdfSigner.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"
#include "signing/sign/IncrementalUpdate.h"
#include "signing/sign/ObjectEdits.h"
#include "signing/sign/PdfFields.h"
#include "signing/sign/RevisionParts.h"
#include "signing/sign/SealAppearance.h"
#include "signing/sign/SealImage.h"
#include "signing/sign/SignatureAppearance.h"

namespace gongwen::sign {

using verify::pdf::Object;

namespace {

// An empty signature field rendering placed for a seal (/GongwenSeal) or a form's step
// (/GongwenStep), its widget (the field itself when merged) and the widget's size.
struct EmptyField {
  FoundField field;
  FoundField widget;
  double width = 0, height = 0;
};

std::optional<EmptyField> findEmptyField(const SignableDocument& document, const char* key,
                                         const std::string& id) {
  std::optional<EmptyField> found;
  for (const FoundField& candidate : signatureFields(document)) {
    // Only a field written as an object of its own can be filled by a changed copy of it.
    if (candidate.entry.is(Object::Kind::Ref) && verify::pdf::textOf(candidate.dict.get(key)) == id &&
        candidate.dict.get("V") == nullptr) {
      found.emplace();
      found->field = candidate;
      break;
    }
  }
  if (!found) return std::nullopt;

  found->widget = found->field;
  if (found->field.dict.get("Rect") == nullptr) {
    const Object* kidsEntry = found->field.dict.get("Kids");
    const Object kids = kidsEntry != nullptr ? document.resolve(*kidsEntry) : Object();
    found->widget = {};
    if (kids.is(Object::Kind::Array) && !kids.array->empty())
      found->widget = {kids.array->front(), document.resolve(kids.array->front())};
  }
  const Object* rectEntry = found->widget.dict.get("Rect");
  const Object rect = rectEntry != nullptr ? document.resolve(*rectEntry) : Object();
  const bool usable = found->widget.entry.is(Object::Kind::Ref) &&
                      found->widget.dict.is(Object::Kind::Dict) && rect.is(Object::Kind::Array) &&
                      rect.array->size() == 4 &&
                      std::all_of(rect.array->begin(), rect.array->end(),
                                  [](const Object& n) { return n.is(Object::Kind::Number); });
  if (!usable)
    throw inputError("sign.seal-field", document.name() + ": the signature field (/" + key + " " + id +
                                            ") has no widget rectangle; render the document again");
  const verify::pdf::Array& r = *rect.array;
  found->width = std::abs(r[2].number - r[0].number);
  found->height = std::abs(r[3].number - r[1].number);
  return found;
}

EmptyField findSealField(const SignableDocument& document, const std::string& sealId) {
  if (auto found = findEmptyField(document, "GongwenSeal", sealId)) return *found;
  throw inputError("sign.seal-field", document.name() + ": no empty signature field with /GongwenSeal (" +
                                          sealId + "); render the document with its seal first");
}

// Fills the empty field with the signature and the appearance `appearance` (a Form XObject).
// `lockAll`: the seal locks every field of the form (/Lock on the field, FieldMDP in the
// signature's /Reference). Field flags stay as rendered: the lock is declared, not imposed by
// rewriting other fields, so the revision only touches the field being signed.
void fillField(const SignableDocument& document, IncrementalUpdate& update, const EmptyField& found,
               unsigned appearance, unsigned signature, bool lockAll) {
  Object field = withEntry(found.field.dict, "V", referenceValue({static_cast<int>(signature), 0}));
  if (lockAll)
    field = withEntry(
        field, "Lock",
        withEntry(withEntry(Object(), "Type", nameValue("SigFieldLock")), "Action", nameValue("All")));
  const auto withAppearance = [&](const Object& widget) {
    const Object appearances = withEntry(Object(), "N", referenceValue({static_cast<int>(appearance), 0}));
    return withEntry(withEntry(widget, "AP", appearances), "F", integerValue(4 | 128));  // print, locked
  };
  if (found.widget.entry.ref == found.field.entry.ref)
    field = withAppearance(field);
  else
    replace(document, update, withAppearance(found.widget.dict), found.widget.entry.ref);
  replace(document, update, field, found.field.entry.ref);
  updateAcroForm(document, update, nullptr);
}

// The seal: fills the empty field whose /GongwenSeal names the seal with the seal image as
// appearance, and locks every field of the form (an organ's seal closes the chain).
void fillSealField(const SignableDocument& document, IncrementalUpdate& update,
                   const SignatureRequest& request, unsigned signature) {
  const EmptyField found = findSealField(document, request.sealId);
  const unsigned appearance =
      putSealAppearance(update, readSealPng(request.sealImagePath), found.width, found.height);
  fillField(document, update, found, appearance, signature, !request.signatureSeal);
}

// A form's box for this step (请假条, 报销凭证): the signer's name and the time, visibly. The later
// steps' boxes must stay fillable, so nothing is locked.
void fillStepField(const SignableDocument& document, IncrementalUpdate& update, const EmptyField& found,
                   const SignatureRequest& request, unsigned signature) {
  const unsigned appearance =
      writeSignatureAppearance(update, *request.boxFont, request.signerName, request.signingTime,
                               request.timeZone, found.width, found.height);
  fillField(document, update, found, appearance, signature, false);
}

std::size_t reservedContentsBytes(const cms::SignerMaterial& signer, bool timestamped) {
  std::size_t bytes = 4096 + static_cast<std::size_t>(i2d_X509(signer.certificate, nullptr));
  for (int i = 0; signer.chain != nullptr && i < sk_X509_num(signer.chain); ++i)
    bytes += static_cast<std::size_t>(i2d_X509(sk_X509_value(signer.chain, i), nullptr));
  return timestamped ? bytes + 12288 : bytes;
}

std::string signatureDictionary(const SignatureRequest& request, std::size_t contentsBytes) {
  std::string d = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ";
  d += std::string(kByteRangeWidth, ' ');
  d += " /M " + pdf::textString(pdfUtcDate(request.signingTime));
  if (!request.signerName.empty()) d += " /Name " + pdf::textString(request.signerName);
  if (!request.reason.empty()) d += " /Reason " + pdf::textString(request.reason);
  d += " /GongwenStep " + pdf::textString(request.stepId) + " /GongwenPerson " +
       pdf::textString(request.personId);
  if (!request.actingForId.empty()) d += " /GongwenActingFor " + pdf::textString(request.actingForId);
  if (request.sealUseSequence > 0)
    d += " /GongwenSealUse " + std::to_string(request.sealUseSequence) + " /GongwenSealUseHash " +
         pdf::textString(request.sealUseHash);
  if (!request.sealId.empty() && !request.signatureSeal)
    d +=
        " /Reference [<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams << /Type /TransformParams "
        "/Action /All /V /1.2 >> >>]";
  d += " /Contents <" + std::string(contentsBytes * 2, '0') + "> >>";
  return d;
}

}  // namespace

bool hasBoxFor(const SignableDocument& document, const std::string& stepId) {
  return findEmptyField(document, "GongwenStep", stepId).has_value();
}

void checkSealCanBeApplied(const SignableDocument& document, const SignatureRequest& request) {
  findSealField(document, request.sealId);
  readSealPng(request.sealImagePath);
}

std::string signDocument(const SignableDocument& document, const SignatureRequest& request,
                         const cms::SignerMaterial& signer, const cms::TimestampFetcher& timestamp) {
  IncrementalUpdate update = updateFor(document);

  const unsigned signature = update.newObjectNumber();
  if (!request.sealId.empty())
    fillSealField(document, update, request, signature);
  else if (const auto box = findEmptyField(document, "GongwenStep", request.stepId); box && request.boxFont)
    fillStepField(document, update, *box, request, signature);
  else
    addInvisibleSignatureField(document, update, "Signature " + request.stepId, signature);
  const std::size_t contentsBytes = reservedContentsBytes(signer, static_cast<bool>(timestamp));
  PlacedSignature placed =
      appendSignature(document, update, signature, signatureDictionary(request, contentsBytes));
  const std::string der =
      cms::buildCadesSignature(signer, placed.digest(cms::digestFor(signer.key)), timestamp);
  placed.fill(der, document.name());
  return std::move(placed.pdf);
}

}  // namespace gongwen::sign
