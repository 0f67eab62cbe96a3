#pragma once
// A PDF about to receive a signature: its bytes, parsed once with PoDoFo for the writer. What it
// already carries (signatures, steps, the approval chain it claims) is read by the verifier, which
// `sign` runs first.

#include <istream>
#include <memory>
#include <streambuf>
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
  // bytes_ as a stream PoDoFo reads in place: its own buffer device copies them twice (a string and
  // a string stream), for every signature of a batch.
  class BytesBuffer : public std::streambuf {
   public:
    explicit BytesBuffer(const std::string& bytes);

   protected:
    pos_type seekoff(off_type offset, std::ios_base::seekdir dir, std::ios_base::openmode which) override;
    pos_type seekpos(pos_type position, std::ios_base::openmode which) override;
  };

  std::string bytes_;
  std::string name_;
  BytesBuffer buffer_;
  std::istream stream_;  // read by pdf_ as long as it lives
  std::unique_ptr<PoDoFo::PdfMemDocument> pdf_;
};

}  // namespace gongwen::sign
