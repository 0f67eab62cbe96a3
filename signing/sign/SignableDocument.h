#pragma once
// A PDF about to receive a signature: its bytes, parsed once with PoDoFo, and the signatures it
// already carries. (Which approval chain it belongs to is read by signing/verify/DocumentClaims.h,
// the same way verification reads it.)

#include <memory>
#include <string>
#include <vector>

namespace PoDoFo {
class PdfMemDocument;
}

namespace gongwen::sign {

// A signature already in the document, as its signature dictionary declares it.
struct ExistingSignature {
  std::string fieldName;
  std::string stepId;          // /GongwenStep
  std::string personId;        // /GongwenPerson
  std::string actingFor;       // /GongwenActingFor, empty unless delegated
  long long signedLength = 0;  // end of the ByteRange: orders signatures as they were added
};

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
  // Every signed signature field, in the order the signatures were added.
  std::vector<ExistingSignature> signatures() const;

  const PoDoFo::PdfMemDocument& pdf() const { return *pdf_; }

 private:
  std::string bytes_;
  std::string name_;
  std::unique_ptr<PoDoFo::PdfMemDocument> pdf_;
};

}  // namespace gongwen::sign
