#include "signing/sign/SecurityStoreUpdate.h"

#include <map>

#include "pipeline/core/Error.h"
#include "signing/sign/ObjectEdits.h"
#include "signing/sign/RevisionParts.h"
#include "signing/verify/SecurityStore.h"

namespace gongwen::sign {

using verify::pdf::Array;
using verify::pdf::Object;
using verify::pdf::Ref;

namespace {

// One of the DSS arrays (/Certs, /CRLs, /OCSPs): its entries as they stand, and the streams by
// content, so that an item already there is referred to rather than written again.
class ItemList {
 public:
  ItemList(const SignableDocument& document, const Object& dss, const char* key) : key_(key) {
    const Object list = dss.get(key) != nullptr ? document.resolve(*dss.get(key)) : Object();
    if (!list.is(Object::Kind::Array)) return;
    array_ = *list.array;
    for (const Object& item : array_) {
      if (!item.is(Object::Kind::Ref)) continue;
      // A filter the reader cannot undo gives "": the item stays listed, only not matched.
      std::string der = verify::readDssItem(document.pdf(), document.resolve(item));
      if (!der.empty()) byContent_.emplace(std::move(der), item.ref);
    }
  }

  // The reference of the stream holding `der`, written into `update` when new.
  Ref add(IncrementalUpdate& update, const std::string& der) {
    const auto found = byContent_.find(der);
    if (found != byContent_.end()) return found->second;
    const unsigned number = update.newObjectNumber();
    update.put(number, 0, "<< /Length " + std::to_string(der.size()) + " >>\nstream\n" + der + "\nendstream");
    const Ref ref{static_cast<int>(number), 0};
    byContent_.emplace(der, ref);
    array_.push_back(referenceValue(ref));
    return ref;
  }

  Object writeInto(const Object& dss) const {
    return array_.empty() ? dss : withEntry(dss, key_, arrayValue(array_));
  }

 private:
  const char* key_;
  Array array_;
  std::map<std::string, Ref> byContent_;
};

Object referencesTo(ItemList& list, IncrementalUpdate& update, const std::vector<std::string>& items) {
  Array refs;
  for (const auto& der : items) refs.push_back(referenceValue(list.add(update, der)));
  return arrayValue(std::move(refs));
}

}  // namespace

std::string addSecurityStore(const SignableDocument& document, const std::vector<ValidationEntry>& entries) {
  IncrementalUpdate update = updateFor(document);
  const Object catalog = document.catalog();
  Object existing = catalog.get("DSS") != nullptr ? document.resolve(*catalog.get("DSS")) : Object();
  if (!existing.is(Object::Kind::Dict)) existing = Object();

  ItemList certs(document, existing, "Certs"), crls(document, existing, "CRLs"),
      ocsps(document, existing, "OCSPs");
  Object vri = existing.get("VRI") != nullptr ? document.resolve(*existing.get("VRI")) : Object();
  if (!vri.is(Object::Kind::Dict)) vri = dictValue({});
  for (const ValidationEntry& entry : entries) {
    Object item = withEntry(Object(), "Cert", referencesTo(certs, update, entry.certificates));
    if (!entry.crls.empty()) item = withEntry(item, "CRL", referencesTo(crls, update, entry.crls));
    if (!entry.ocspResponses.empty())
      item = withEntry(item, "OCSP", referencesTo(ocsps, update, entry.ocspResponses));
    vri = withEntry(vri, entry.vriKey, item);
  }
  const Object dss = withEntry(ocsps.writeInto(crls.writeInto(certs.writeInto(dictValue({})))), "VRI", vri);
  const unsigned dssNumber = update.newObjectNumber();
  update.put(dssNumber, 0, serialiseFrom(document, dss));
  replace(document, update, withEntry(catalog, "DSS", referenceValue({static_cast<int>(dssNumber), 0})),
          document.catalogRef());
  return update.appendTo(document.bytes(), trailerEntries(document),
                         lastStartXref(document.bytes(), document.name()));
}

}  // namespace gongwen::sign
