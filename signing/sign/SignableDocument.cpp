#include "signing/sign/SignableDocument.h"

#include <optional>
#include <set>

#include "pipeline/core/Error.h"

namespace gongwen::sign {

using verify::pdf::Object;
using verify::pdf::Ref;

namespace {

// As deep as the verifier's revision diff walks the page tree (ObjectRoles.cpp).
constexpr int kMaxPageTreeDepth = 32;

// Page 1 as the verifier counts pages (ObjectRoles.cpp): the first node of the page tree, depth first,
// that is not a /Pages node. A /Pages node seen before (a /Kids loop) is not walked again.
std::optional<Object> firstPageUnder(const SignableDocument& document, const Object& node, int depth,
                                     std::set<int>& visited) {
  if (depth > kMaxPageTreeDepth) return std::nullopt;
  const Object resolved = document.resolve(node);
  const Object* type = resolved.get("Type");
  if (type == nullptr || !type->isName("Pages")) return node;
  if (node.is(Object::Kind::Ref) && !visited.insert(node.ref.number).second) return std::nullopt;
  const Object* kids = resolved.get("Kids");
  if (kids == nullptr || !kids->is(Object::Kind::Array)) return std::nullopt;
  for (const Object& kid : *kids->array) {
    if (auto page = firstPageUnder(document, kid, depth + 1, visited)) return page;
  }
  return std::nullopt;
}

}  // namespace

SignableDocument::SignableDocument(std::string bytes, std::string name, const verify::pdf::Limits& limits)
    : name_(std::move(name)) {
  try {
    pdf_ = std::make_shared<const verify::pdf::Document>(std::move(bytes), name_, limits);
  } catch (const Error& e) {
    // The reader's message names the file, the fault and what to do.
    if (e.exitCode() != ExitCode::InputInvalid) throw;
    throw inputError("sign.pdf", e.what());
  }
  checkSignable();
}

SignableDocument::SignableDocument(std::shared_ptr<const verify::pdf::Document> read)
    : pdf_(std::move(read)), name_(pdf_->fileName()) {
  checkSignable();
}

void SignableDocument::checkSignable() {
  for (const auto& revision : pdf_->revisions()) {
    if (revision.trailer.get("Encrypt") != nullptr)
      throw inputError("sign.pdf", name_ + ": the PDF is encrypted; sign the unencrypted original");
  }
  const Object* root = trailer().get("Root");
  const Object catalog = root != nullptr && root->is(Object::Kind::Ref) ? resolve(*root) : Object();
  if (!catalog.is(Object::Kind::Dict))
    throw inputError("sign.pdf", name_ +
                                     ": the PDF has no document catalog (/Root); sign a PDF made by "
                                     "`gongwen render`");
  catalog_ = root->ref;
  std::set<int> visited;
  const Object* pages = catalog.get("Pages");
  const auto page = pages != nullptr ? firstPageUnder(*this, *pages, 0, visited) : std::nullopt;
  // The signature field goes on page 1, which a changed copy of its object extends.
  if (!page || !page->is(Object::Kind::Ref) || !resolve(*page).is(Object::Kind::Dict))
    throw inputError("sign.pdf", name_ + ": the PDF has no page to sign on");
  firstPage_ = page->ref;
}

const Object& SignableDocument::trailer() const { return pdf_->revisions().back().trailer; }

Object SignableDocument::object(const Ref& ref) const {
  Object reference;
  reference.kind = Object::Kind::Ref;
  reference.ref = ref;
  return resolve(reference);
}

Object SignableDocument::resolve(const Object& value) const {
  return pdf_->resolve(value, pdf_->revisions().size() - 1);
}

}  // namespace gongwen::sign
