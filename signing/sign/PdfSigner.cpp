#include "signing/sign/PdfSigner.h"

#include <openssl/evp.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "pipeline/core/Error.h"
#include "pipeline/core/UtcTime.h"
#include "signing/sign/IncrementalUpdate.h"
#include "signing/sign/PdfFields.h"
#include "signing/sign/PdfText.h"
#include "signing/sign/SealAppearance.h"
#include "signing/sign/SealImage.h"
#include "signing/sign/SignatureAppearance.h"

namespace gongwen::sign {

using namespace PoDoFo;

namespace {

constexpr std::size_t kByteRangeWidth = 48;  // "[0 a b c]" padded: room for four 10-digit numbers

std::string serialise(const PdfObject& object) {
  std::string text;
  object.ToString(text, ePdfWriteMode_Compact);
  return text;
}

std::string reference(const PdfReference& ref) {
  return std::to_string(ref.ObjectNumber()) + " " + std::to_string(ref.GenerationNumber()) + " R";
}

// Writes a changed copy of an existing object into the update.
void replace(IncrementalUpdate& update, const PdfObject& changed, const PdfReference& ref) {
  update.put(ref.ObjectNumber(), ref.GenerationNumber(), serialise(changed));
}

const PdfObject* resolve(const PdfMemDocument& pdf, const PdfObject* object) {
  return object != nullptr && object->IsReference() ? pdf.GetObjects().GetObject(object->GetReference())
                                                    : object;
}

// Adds `annotation` to page 1's /Annots, replacing the page or its separate /Annots array.
void addToPageAnnotations(const PdfMemDocument& pdf, IncrementalUpdate& update,
                          const PdfReference& annotation) {
  const PdfObject* page = pdf.GetPage(0)->GetObject();
  const PdfObject* annots = page->GetDictionary().GetKey("Annots");
  if (annots != nullptr && annots->IsReference()) {
    const PdfObject* array = pdf.GetObjects().GetObject(annots->GetReference());
    if (array != nullptr && array->IsArray()) {
      PdfObject changed(*array);
      changed.GetArray().push_back(annotation);
      replace(update, changed, annots->GetReference());
      return;
    }
  }
  PdfObject changed(*page);
  PdfArray list;
  if (annots != nullptr && annots->IsArray()) list = annots->GetArray();
  list.push_back(annotation);
  changed.GetDictionary().AddKey("Annots", list);
  replace(update, changed, page->Reference());
}

// Makes sure the AcroForm lists `newField` (when given) and has /SigFlags 3 (signatures exist,
// append only), writing it as an indirect object referenced from the catalog.
void updateAcroForm(const PdfMemDocument& pdf, IncrementalUpdate& update, const PdfReference* newField) {
  const PdfObject* catalog = pdf.GetCatalog();
  const PdfObject* entry = catalog->GetDictionary().GetKey("AcroForm");
  const PdfObject* form = resolve(pdf, entry);
  PdfObject changed(form != nullptr && form->IsDictionary() ? *form : PdfObject(PdfDictionary()));
  PdfArray fields;
  if (const PdfObject* existing = resolve(pdf, changed.GetDictionary().GetKey("Fields"));
      existing != nullptr && existing->IsArray())
    fields = existing->GetArray();
  if (newField != nullptr) fields.push_back(*newField);
  changed.GetDictionary().AddKey("Fields", fields);
  changed.GetDictionary().AddKey("SigFlags", static_cast<pdf_int64>(3));
  if (entry != nullptr && entry->IsReference()) {
    replace(update, changed, entry->GetReference());
    return;
  }
  const unsigned number = update.newObjectNumber();
  update.put(number, 0, serialise(changed));
  PdfObject newCatalog(*catalog);
  newCatalog.GetDictionary().AddKey("AcroForm", PdfReference(number, 0));
  replace(update, newCatalog, catalog->Reference());
}

std::string stringValue(const PdfObject* object) {
  if (object == nullptr) return {};
  if (object->IsString() || object->IsHexString()) return object->GetString().GetStringUtf8();
  if (object->IsName()) return object->GetName().GetName();
  return {};
}

// An approval: a new invisible signature field (merged field and widget) on page 1.
void addApprovalField(const PdfMemDocument& pdf, IncrementalUpdate& update, const SignatureRequest& request,
                      unsigned signature) {
  const unsigned field = update.newObjectNumber();
  const PdfReference page = pdf.GetPage(0)->GetObject()->Reference();
  update.put(field, 0,
             "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + pdfTextString("Signature " + request.stepId) +
                 " /V " + std::to_string(signature) + " 0 R /Rect [0 0 0 0] /F 132 /P " + reference(page) +
                 " >>");
  const PdfReference fieldRef(field, 0);
  addToPageAnnotations(pdf, update, fieldRef);
  updateAcroForm(pdf, update, &fieldRef);
}

// An empty signature field rendering placed for a seal (/GongwenSeal) or a form's step
// (/GongwenStep), its widget (the field itself when merged) and the widget's size.
struct EmptyField {
  const PdfObject* field = nullptr;
  const PdfObject* widget = nullptr;
  double width = 0, height = 0;
};

std::optional<EmptyField> findEmptyField(const SignableDocument& document, const char* key,
                                         const std::string& id) {
  const PdfMemDocument& pdf = document.pdf();
  EmptyField found;
  for (const PdfObject* candidate : signatureFields(pdf)) {
    if (stringValue(candidate->GetDictionary().GetKey(key)) == id &&
        !candidate->GetDictionary().HasKey("V")) {
      found.field = candidate;
      break;
    }
  }
  if (found.field == nullptr) return std::nullopt;

  found.widget = found.field;
  if (!found.field->GetDictionary().HasKey("Rect")) {
    const PdfObject* kids = found.field->GetIndirectKey("Kids");
    found.widget = kids != nullptr && kids->IsArray() && !kids->GetArray().empty()
                       ? resolve(pdf, &kids->GetArray()[0])
                       : nullptr;
  }
  const PdfObject* rect = found.widget != nullptr ? found.widget->GetIndirectKey("Rect") : nullptr;
  if (rect == nullptr || !rect->IsArray() || rect->GetArray().size() != 4)
    throw inputError("sign.seal-field", document.name() + ": the signature field (/" + key + " " + id +
                                            ") has no widget rectangle; render the document again");
  const PdfArray& r = rect->GetArray();
  found.width = std::abs(r[2].GetReal() - r[0].GetReal());
  found.height = std::abs(r[3].GetReal() - r[1].GetReal());
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
  const auto [field, widget, width, height] = found;
  PdfObject changedField(*field);
  PdfDictionary& dict = changedField.GetDictionary();
  dict.AddKey("V", PdfReference(signature, 0));
  if (lockAll) {
    PdfDictionary lock;
    lock.AddKey("Type", PdfName("SigFieldLock"));
    lock.AddKey("Action", PdfName("All"));
    dict.AddKey("Lock", lock);
  }
  PdfDictionary appearances;
  appearances.AddKey("N", PdfReference(appearance, 0));
  if (widget == field) {
    dict.AddKey("AP", appearances);
    dict.AddKey("F", static_cast<pdf_int64>(4 | 128));  // print, locked
  } else {
    PdfObject changedWidget(*widget);
    changedWidget.GetDictionary().AddKey("AP", appearances);
    changedWidget.GetDictionary().AddKey("F", static_cast<pdf_int64>(4 | 128));
    replace(update, changedWidget, widget->Reference());
  }
  replace(update, changedField, field->Reference());
  updateAcroForm(document.pdf(), update, nullptr);
}

// The seal: fills the empty field whose /GongwenSeal names the seal with the seal image as
// appearance, and locks every field of the form.
void fillSealField(const SignableDocument& document, IncrementalUpdate& update,
                   const SignatureRequest& request, unsigned signature) {
  const EmptyField found = findSealField(document, request.sealId);
  const unsigned appearance =
      putSealAppearance(update, readSealPng(request.sealImagePath), found.width, found.height);
  fillField(document, update, found, appearance, signature, true);
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
  d += " /M " + pdfTextString(pdfUtcDate(request.signingTime));
  if (!request.signerName.empty()) d += " /Name " + pdfTextString(request.signerName);
  if (!request.reason.empty()) d += " /Reason " + pdfTextString(request.reason);
  d +=
      " /GongwenStep " + pdfTextString(request.stepId) + " /GongwenPerson " + pdfTextString(request.personId);
  if (!request.actingForId.empty()) d += " /GongwenActingFor " + pdfTextString(request.actingForId);
  if (request.sealUseSequence > 0)
    d += " /GongwenSealUse " + std::to_string(request.sealUseSequence) + " /GongwenSealUseHash " +
         pdfTextString(request.sealUseHash);
  if (!request.sealId.empty())
    d +=
        " /Reference [<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams << /Type /TransformParams "
        "/Action /All /V /1.2 >> >>]";
  d += " /Contents <" + std::string(contentsBytes * 2, '0') + "> >>";
  return d;
}

std::string trailerEntries(const PdfMemDocument& pdf) {
  const PdfObject* trailer = pdf.GetTrailer();
  std::string entries = "/Root " + reference(pdf.GetCatalog()->Reference());
  if (const PdfObject* info = trailer->GetDictionary().GetKey("Info"); info != nullptr && info->IsReference())
    entries += " /Info " + reference(info->GetReference());
  if (const PdfObject* id = trailer->GetDictionary().GetKey("ID"); id != nullptr && id->IsArray())
    entries += " /ID " + serialise(*id);
  return entries;
}

std::string digestOfRanges(const std::string& pdf, std::size_t gapStart, std::size_t gapEnd,
                           const EVP_MD* md) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, md, nullptr) > 0 &&
                  EVP_DigestUpdate(ctx, pdf.data(), gapStart) > 0 &&
                  EVP_DigestUpdate(ctx, pdf.data() + gapEnd, pdf.size() - gapEnd) > 0 &&
                  EVP_DigestFinal_ex(ctx, digest, &length) > 0;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw Error(ExitCode::System, "cms.sign", "hashing the signed byte ranges failed");
  return std::string(reinterpret_cast<char*>(digest), length);
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
  const PdfMemDocument& pdf = document.pdf();
  const PdfObject* size = pdf.GetTrailer()->GetDictionary().GetKey("Size");
  const auto declared = size != nullptr && size->IsNumber() ? static_cast<std::size_t>(size->GetNumber()) : 0;
  IncrementalUpdate update(static_cast<unsigned>(std::max(declared, pdf.GetObjects().GetObjectCount())));

  const unsigned signature = update.newObjectNumber();
  if (!request.sealId.empty())
    fillSealField(document, update, request, signature);
  else if (const auto box = findEmptyField(document, "GongwenStep", request.stepId); box && request.boxFont)
    fillStepField(document, update, *box, request, signature);
  else
    addApprovalField(pdf, update, request, signature);
  const std::size_t contentsBytes = reservedContentsBytes(signer, static_cast<bool>(timestamp));
  const std::string dictionary = signatureDictionary(request, contentsBytes);
  update.put(signature, 0, dictionary);

  std::string out = update.appendTo(document.bytes(), trailerEntries(pdf),
                                    lastStartXref(document.bytes(), document.name()));
  // Positions inside our own dictionary text, so that no string value can be mistaken for them.
  const std::size_t body = out.find('\n', update.offsetOf(signature)) + 1;
  const std::size_t gapStart = body + dictionary.rfind("/Contents <") + 10;
  const std::size_t gapEnd = gapStart + contentsBytes * 2 + 2;
  char range[kByteRangeWidth + 1];
  const int written =
      std::snprintf(range, sizeof range, "[0 %zu %zu %zu]", gapStart, gapEnd, out.size() - gapEnd);
  const std::size_t rangeAt = body + dictionary.find("/ByteRange ") + 11;
  out.replace(rangeAt, static_cast<std::size_t>(written), range, static_cast<std::size_t>(written));

  const std::string digest = digestOfRanges(out, gapStart, gapEnd, cms::digestFor(signer.key));
  const std::string der = cms::buildCadesSignature(signer, digest, timestamp);
  if (der.size() > contentsBytes)
    throw Error(ExitCode::System, "sign.contents-too-small",
                document.name() + ": the CMS signature (" + std::to_string(der.size()) +
                    " bytes) does not fit the reserved /Contents (" + std::to_string(contentsBytes) +
                    " bytes)");
  const std::string hex = toHex(der);
  out.replace(gapStart + 1, hex.size(), hex);
  return out;
}

}  // namespace gongwen::sign
