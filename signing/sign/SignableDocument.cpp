#include "signing/sign/SignableDocument.h"

#include <podofo/podofo.h>

#include <algorithm>

#include "pipeline/core/Error.h"
#include "signing/sign/PdfFields.h"

namespace gongwen::sign {

using namespace PoDoFo;

namespace {

std::string textOf(const PdfObject* object) {
  if (object == nullptr) return {};
  if (object->IsString() || object->IsHexString()) return object->GetString().GetStringUtf8();
  if (object->IsName()) return object->GetName().GetName();
  return {};
}

}  // namespace

SignableDocument::SignableDocument(std::string bytes, std::string name)
    : bytes_(std::move(bytes)), name_(std::move(name)), pdf_(std::make_unique<PdfMemDocument>()) {
  PdfError::EnableDebug(false);  // PoDoFo 0.9.8 otherwise prints the trailer on load
  PdfError::EnableLogging(false);
  try {
    pdf_->LoadFromBuffer(bytes_.data(), static_cast<long>(bytes_.size()));
  } catch (const PdfError& e) {
    throw inputError("sign.pdf", name_ + ": not a readable PDF (" +
                                     std::string(PdfError::ErrorMessage(e.GetError())) +
                                     "); sign a PDF made by `gongwen render`");
  }
  if (pdf_->GetEncrypted())
    throw inputError("sign.pdf", name_ + ": the PDF is encrypted; sign the unencrypted original");
  if (pdf_->GetPageCount() < 1) throw inputError("sign.pdf", name_ + ": the PDF has no page to sign on");
}

SignableDocument::~SignableDocument() = default;

std::vector<ExistingSignature> SignableDocument::signatures() const {
  std::vector<ExistingSignature> found;
  for (const PdfObject* field : signatureFields(*pdf_)) {
    const PdfObject* value = field->GetIndirectKey("V");
    if (value == nullptr || !value->IsDictionary()) continue;
    ExistingSignature s;
    s.fieldName = textOf(field->GetDictionary().GetKey("T"));
    s.stepId = textOf(value->GetDictionary().GetKey("GongwenStep"));
    s.personId = textOf(value->GetDictionary().GetKey("GongwenPerson"));
    s.actingFor = textOf(value->GetDictionary().GetKey("GongwenActingFor"));
    const PdfObject* range = value->GetIndirectKey("ByteRange");
    if (range != nullptr && range->IsArray() && range->GetArray().size() == 4)
      s.signedLength = range->GetArray()[2].GetNumber() + range->GetArray()[3].GetNumber();
    found.push_back(std::move(s));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.signedLength < b.signedLength; });
  return found;
}

}  // namespace gongwen::sign
