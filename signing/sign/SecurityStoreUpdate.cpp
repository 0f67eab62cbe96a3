#include "signing/sign/SecurityStoreUpdate.h"

#include <podofo/podofo.h>

#include <map>

#include "pipeline/core/Error.h"
#include "signing/sign/PdfFields.h"
#include "signing/sign/RevisionParts.h"

namespace gongwen::sign {

using namespace PoDoFo;

namespace {

// One of the DSS arrays (/Certs, /CRLs, /OCSPs): its entries as they stand, and the streams by
// content, so that an item already there is referred to rather than written again.
class ItemList {
 public:
  ItemList(const PdfMemDocument& pdf, const PdfObject* dss, const char* key) : key_(key) {
    const PdfObject* list = dss != nullptr ? resolve(pdf, dss->GetDictionary().GetKey(key)) : nullptr;
    if (list == nullptr || !list->IsArray()) return;
    array_ = list->GetArray();
    for (const PdfObject& item : array_) {
      const PdfObject* stream = item.IsReference() ? resolve(pdf, &item) : nullptr;
      if (stream == nullptr || !stream->HasStream()) continue;
      char* buffer = nullptr;
      pdf_long length = 0;
      try {
        stream->GetStream()->GetFilteredCopy(&buffer, &length);
      } catch (const PdfError&) {
        continue;  // a filter PoDoFo cannot undo: the item stays listed, only not matched
      }
      byContent_.emplace(std::string(buffer, static_cast<std::size_t>(length)), item.GetReference());
      podofo_free(buffer);
    }
  }

  // The reference of the stream holding `der`, written into `update` when new.
  PdfReference add(IncrementalUpdate& update, const std::string& der) {
    const auto found = byContent_.find(der);
    if (found != byContent_.end()) return found->second;
    const unsigned number = update.newObjectNumber();
    update.put(number, 0, "<< /Length " + std::to_string(der.size()) + " >>\nstream\n" + der + "\nendstream");
    const PdfReference ref(number, 0);
    byContent_.emplace(der, ref);
    array_.push_back(ref);
    return ref;
  }

  void writeInto(PdfDictionary& dss) const {
    if (!array_.empty()) dss.AddKey(key_, array_);
  }

 private:
  const char* key_;
  PdfArray array_;
  std::map<std::string, PdfReference> byContent_;
};

PdfArray referencesTo(ItemList& list, IncrementalUpdate& update, const std::vector<std::string>& items) {
  PdfArray refs;
  for (const auto& der : items) refs.push_back(list.add(update, der));
  return refs;
}

}  // namespace

std::string addSecurityStore(const SignableDocument& document, const std::vector<ValidationEntry>& entries) {
  const PdfMemDocument& pdf = document.pdf();
  IncrementalUpdate update = updateFor(pdf);
  const PdfObject* catalog = pdf.GetCatalog();
  const PdfObject* existing = resolve(pdf, catalog->GetDictionary().GetKey("DSS"));
  if (existing != nullptr && !existing->IsDictionary()) existing = nullptr;

  ItemList certs(pdf, existing, "Certs"), crls(pdf, existing, "CRLs"), ocsps(pdf, existing, "OCSPs");
  PdfDictionary vri;
  if (const PdfObject* old =
          existing != nullptr ? resolve(pdf, existing->GetDictionary().GetKey("VRI")) : nullptr;
      old != nullptr && old->IsDictionary())
    vri = old->GetDictionary();
  for (const ValidationEntry& entry : entries) {
    PdfDictionary item;
    item.AddKey("Cert", referencesTo(certs, update, entry.certificates));
    if (!entry.crls.empty()) item.AddKey("CRL", referencesTo(crls, update, entry.crls));
    if (!entry.ocspResponses.empty()) item.AddKey("OCSP", referencesTo(ocsps, update, entry.ocspResponses));
    vri.AddKey(PdfName(entry.vriKey), item);
  }
  PdfDictionary dss;
  certs.writeInto(dss);
  crls.writeInto(dss);
  ocsps.writeInto(dss);
  dss.AddKey("VRI", vri);
  const unsigned dssNumber = update.newObjectNumber();
  update.put(dssNumber, 0, serialise(PdfObject(dss)));
  PdfObject changedCatalog(*catalog);
  changedCatalog.GetDictionary().AddKey("DSS", PdfReference(dssNumber, 0));
  replace(update, changedCatalog, catalog->Reference());
  return update.appendTo(document.bytes(), trailerEntries(pdf),
                         lastStartXref(document.bytes(), document.name()));
}

}  // namespace gongwen::sign
