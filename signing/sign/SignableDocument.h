#pragma once
// A PDF about to receive a signature: its bytes, parsed once with PoDoFo for the writer. What it
// already carries (signatures, steps, the approval chain it claims) is read by the verifier, which
// `sign` runs first.

#include <memory>
#include <string>

namespace PoDoFo {
class PdfMemDocument;
}

namespace gongwen::sign {

class SignableDocument {
 public:
  // Parses `bytes`; `name` (the file name) is used in messages. Throws Error(InputInvalid,
  // "sign.pdf") when the bytes are not a PDF PoDoFo can read or the file is encrypted.
  SignableDocument(std::string bytes, std::string name);
  ~SignableDocument();
  SignableDocument(const SignableDocument&) = delete;
  SignableDocument& operator=(const SignableDocument&) = delete;

  const std::string& bytes() const { return bytes_; }
  const std::string& name() const { return name_; }
  const PoDoFo::PdfMemDocument& pdf() const { return *pdf_; }

 private:
  std::string bytes_;
  std::string name_;
  std::unique_ptr<PoDoFo::PdfMemDocument> pdf_;
};

}  // namespace gongwen::sign
