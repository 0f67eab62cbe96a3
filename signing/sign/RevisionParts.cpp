#include "signing/sign/RevisionParts.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/core/Error.h"
#include "pipeline/pdfsyntax/PdfSyntax.h"
#include "signing/sign/ObjectEdits.h"
#include "signing/sign/PdfFields.h"
#include "signing/verify/PdfSerialiser.h"

namespace gongwen::sign {

using verify::pdf::Object;
using verify::pdf::Ref;
using verify::pdf::serialise;

namespace {

// Adds `annotation` to page 1's /Annots, replacing the page or its separate /Annots array.
void addToPageAnnotations(const SignableDocument& document, IncrementalUpdate& update,
                          const Ref& annotation) {
  const Object page = document.object(document.firstPageRef());
  const Object* annots = page.get("Annots");
  if (annots != nullptr && annots->is(Object::Kind::Ref)) {
    const Object array = document.resolve(*annots);
    if (array.is(Object::Kind::Array)) {
      replace(document, update, withItem(array, referenceValue(annotation)), annots->ref);
      return;
    }
  }
  const Object list = annots != nullptr && annots->is(Object::Kind::Array) ? *annots : Object();
  replace(document, update, withEntry(page, "Annots", withItem(list, referenceValue(annotation))),
          document.firstPageRef());
}

}  // namespace

std::string serialiseFrom(const SignableDocument& document, const Object& value) {
  try {
    return serialise(value);
  } catch (const Error& e) {
    throw inputError("sign.pdf", document.name() + ": " + e.what() + "; sign a PDF made by `gongwen render`");
  }
}

void replace(const SignableDocument& document, IncrementalUpdate& update, const Object& changed,
             const Ref& ref) {
  update.put(static_cast<unsigned>(ref.number), static_cast<unsigned>(ref.generation),
             serialiseFrom(document, changed));
}

std::string trailerEntries(const SignableDocument& document) {
  const Object& trailer = document.trailer();
  std::string entries = "/Root " + serialise(document.catalogRef());
  if (const Object* info = trailer.get("Info"); info != nullptr && info->is(Object::Kind::Ref))
    entries += " /Info " + serialise(info->ref);
  if (const Object* id = trailer.get("ID"); id != nullptr && id->is(Object::Kind::Array))
    entries += " /ID " + serialiseFrom(document, *id);
  return entries;
}

IncrementalUpdate updateFor(const SignableDocument& document) {
  const Object* size = document.trailer().get("Size");
  long long firstFree = size != nullptr && size->isInteger() ? static_cast<long long>(size->number) : 0;
  for (const auto& revision : document.pdf().revisions()) {
    if (!revision.entries.empty())
      firstFree = std::max<long long>(firstFree, revision.entries.rbegin()->first + 1);
  }
  return IncrementalUpdate(static_cast<unsigned>(std::max<long long>(firstFree, 1)));
}

void updateAcroForm(const SignableDocument& document, IncrementalUpdate& update, const Ref* newField) {
  const Object catalog = document.catalog();
  const Object* entry = catalog.get("AcroForm");
  const Object form = acroForm(document);
  const Object* existing = form.get("Fields");
  Object fields = existing != nullptr ? document.resolve(*existing) : Object();
  if (newField != nullptr)
    fields = withItem(fields, referenceValue(*newField));
  else if (!fields.is(Object::Kind::Array))
    fields = arrayValue({});
  const Object changed = withEntry(withEntry(form, "Fields", fields), "SigFlags", integerValue(3));
  if (entry != nullptr && entry->is(Object::Kind::Ref)) {
    replace(document, update, changed, entry->ref);
    return;
  }
  const unsigned number = update.newObjectNumber();
  update.put(number, 0, serialiseFrom(document, changed));
  replace(document, update, withEntry(catalog, "AcroForm", referenceValue({static_cast<int>(number), 0})),
          document.catalogRef());
}

void addInvisibleSignatureField(const SignableDocument& document, IncrementalUpdate& update,
                                const std::string& name, unsigned signature) {
  const unsigned field = update.newObjectNumber();
  update.put(field, 0,
             "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + pdf::textString(name) + " /V " +
                 std::to_string(signature) + " 0 R /Rect [0 0 0 0] /F 132 /P " +
                 serialise(document.firstPageRef()) + " >>");
  const Ref fieldRef{static_cast<int>(field), 0};
  addToPageAnnotations(document, update, fieldRef);
  updateAcroForm(document, update, &fieldRef);
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
  // Into the reserved zeros, between the brackets already there.
  const std::string hex = pdf::hexString(der);
  pdf.replace(gapStart + 1, hex.size() - 2, hex, 1, hex.size() - 2);
}

PlacedSignature appendSignature(const SignableDocument& document, IncrementalUpdate& update,
                                unsigned signature, const std::string& dictionary) {
  update.put(signature, 0, dictionary);
  PlacedSignature placed;
  placed.pdf = update.appendTo(document.bytes(), trailerEntries(document),
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
