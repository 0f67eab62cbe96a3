#include "signing/sign/SignableDocument.h"

#include <podofo/podofo.h>

#include "pipeline/core/Error.h"

namespace gongwen::sign {

using namespace PoDoFo;

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

}  // namespace gongwen::sign
