#include "signing/sign/SignableDocument.h"

#include <podofo/podofo.h>

#include "pipeline/core/Error.h"

namespace gongwen::sign {

using namespace PoDoFo;

SignableDocument::BytesBuffer::BytesBuffer(const std::string& bytes) {
  char* begin = const_cast<char*>(bytes.data());  // never written: the stream only reads
  setg(begin, begin, begin + bytes.size());
}

std::streambuf::pos_type SignableDocument::BytesBuffer::seekoff(off_type offset, std::ios_base::seekdir dir,
                                                                std::ios_base::openmode which) {
  const off_type base = dir == std::ios_base::beg   ? 0
                        : dir == std::ios_base::cur ? gptr() - eback()
                                                    : egptr() - eback();
  return seekpos(pos_type(base + offset), which);
}

std::streambuf::pos_type SignableDocument::BytesBuffer::seekpos(pos_type position,
                                                                std::ios_base::openmode which) {
  const off_type at = position;
  if (!(which & std::ios_base::in) || at < 0 || at > egptr() - eback()) return pos_type(off_type(-1));
  setg(eback(), eback() + at, egptr());
  return position;
}

SignableDocument::SignableDocument(std::string bytes, std::string name)
    : bytes_(std::move(bytes)),
      name_(std::move(name)),
      buffer_(bytes_),
      stream_(&buffer_),
      pdf_(std::make_unique<PdfMemDocument>()) {
  PdfError::EnableDebug(false);  // PoDoFo 0.9.8 otherwise prints the trailer on load
  PdfError::EnableLogging(false);
  try {
    pdf_->LoadFromDevice(PdfRefCountedInputDevice(new PdfInputDevice(&stream_)));
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
