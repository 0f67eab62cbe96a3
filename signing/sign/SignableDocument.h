#pragma once
// A PDF about to receive a signature: its bytes, read by the verifier's own reader (the reader whose
// reading `sign` checked first, so that the writer acts on the same objects the verifier judged: a
// file two readers read differently cannot steer one of them). Objects are looked up as of the last
// revision, the one the new revision extends.

#include <memory>
#include <string>

#include "signing/verify/PdfParser.h"
#include "signing/verify/PdfRevisions.h"

namespace gongwen::sign {

class SignableDocument {
 public:
  // Reads `bytes`; `name` (the file name) is used in messages; `limits` are the reader's bounds, as
  // the verification before signing used them. Throws Error(InputInvalid, "sign.pdf") when the bytes
  // are not a PDF the verifier reads, the file is encrypted or it has no page.
  SignableDocument(std::string bytes, std::string name, const verify::pdf::Limits& limits = {});
  // The document as the verification before signing read it (VerifyOptions::keepDocument); the same
  // checks, and Error(InputInvalid, "sign.pdf") from them.
  explicit SignableDocument(std::shared_ptr<const verify::pdf::Document> read);

  const std::string& bytes() const { return pdf_->bytes(); }
  const std::string& name() const { return name_; }
  const verify::pdf::Document& pdf() const { return *pdf_; }

  // The last revision's trailer (dictionary of its xref section).
  const verify::pdf::Object& trailer() const;
  // Object `ref` as of the last revision (null when absent or free).
  verify::pdf::Object object(const verify::pdf::Ref& ref) const;
  // `value` followed when it is a reference, as of the last revision.
  verify::pdf::Object resolve(const verify::pdf::Object& value) const;
  const verify::pdf::Ref& catalogRef() const { return catalog_; }
  verify::pdf::Object catalog() const { return object(catalog_); }
  // The first page, found through the page tree.
  const verify::pdf::Ref& firstPageRef() const { return firstPage_; }

 private:
  void checkSignable();

  std::shared_ptr<const verify::pdf::Document> pdf_;
  std::string name_;
  verify::pdf::Ref catalog_;
  verify::pdf::Ref firstPage_;
};

}  // namespace gongwen::sign
