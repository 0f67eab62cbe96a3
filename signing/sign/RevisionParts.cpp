#include "signing/sign/RevisionParts.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>

#include "pipeline/core/Error.h"
#include "signing/sign/PdfFields.h"
#include "signing/sign/PdfText.h"

namespace gongwen::sign {

using namespace PoDoFo;

namespace {

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

}  // namespace

std::string serialise(const PdfObject& object) {
  std::string text;
  object.ToString(text, ePdfWriteMode_Compact);
  return text;
}

std::string reference(const PdfReference& ref) {
  return std::to_string(ref.ObjectNumber()) + " " + std::to_string(ref.GenerationNumber()) + " R";
}

void replace(IncrementalUpdate& update, const PdfObject& changed, const PdfReference& ref) {
  update.put(ref.ObjectNumber(), ref.GenerationNumber(), serialise(changed));
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

IncrementalUpdate updateFor(const PdfMemDocument& pdf) {
  const PdfObject* size = pdf.GetTrailer()->GetDictionary().GetKey("Size");
  const auto declared = size != nullptr && size->IsNumber() ? static_cast<std::size_t>(size->GetNumber()) : 0;
  return IncrementalUpdate(static_cast<unsigned>(std::max(declared, pdf.GetObjects().GetObjectCount())));
}

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

void addInvisibleSignatureField(const PdfMemDocument& pdf, IncrementalUpdate& update, const std::string& name,
                                unsigned signature) {
  const unsigned field = update.newObjectNumber();
  const PdfReference page = pdf.GetPage(0)->GetObject()->Reference();
  update.put(field, 0,
             "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + pdfTextString(name) + " /V " +
                 std::to_string(signature) + " 0 R /Rect [0 0 0 0] /F 132 /P " + reference(page) + " >>");
  const PdfReference fieldRef(field, 0);
  addToPageAnnotations(pdf, update, fieldRef);
  updateAcroForm(pdf, update, &fieldRef);
}

std::string PlacedSignature::digest(const EVP_MD* md) const {
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

void PlacedSignature::fill(const std::string& der, const std::string& name) {
  const std::size_t reserved = (gapEnd - gapStart - 2) / 2;
  if (der.size() > reserved)
    throw Error(ExitCode::System, "sign.contents-too-small",
                name + ": the CMS signature (" + std::to_string(der.size()) +
                    " bytes) does not fit the reserved /Contents (" + std::to_string(reserved) + " bytes)");
  const std::string hex = toHex(der);
  pdf.replace(gapStart + 1, hex.size(), hex);
}

PlacedSignature appendSignature(const SignableDocument& document, IncrementalUpdate& update,
                                unsigned signature, const std::string& dictionary) {
  update.put(signature, 0, dictionary);
  PlacedSignature placed;
  placed.pdf = update.appendTo(document.bytes(), trailerEntries(document.pdf()),
                               lastStartXref(document.bytes(), document.name()));
  // Positions inside our own dictionary text, so that no string value can be mistaken for them.
  const std::size_t body = placed.pdf.find('\n', update.offsetOf(signature)) + 1;
  const std::size_t contents = dictionary.rfind("/Contents <");
  placed.gapStart = body + contents + 10;
  placed.gapEnd = body + dictionary.find('>', contents) + 1;
  char range[kByteRangeWidth + 1];
  const int written = std::snprintf(range, sizeof range, "[0 %zu %zu %zu]", placed.gapStart, placed.gapEnd,
                                    placed.pdf.size() - placed.gapEnd);
  const std::size_t rangeAt = body + dictionary.find("/ByteRange ") + 11;
  placed.pdf.replace(rangeAt, static_cast<std::size_t>(written), range, static_cast<std::size_t>(written));
  return placed;
}

}  // namespace gongwen::sign
