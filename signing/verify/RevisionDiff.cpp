#include "signing/verify/RevisionDiff.h"

#include <algorithm>
#include <set>

#include "signing/verify/ObjectRoles.h"

namespace gongwen::verify {
namespace {

using pdf::Object;
using Kind = ObjectRole::Kind;

// Annotation flags that would hide a filled seal (Invisible, Hidden, NoView).
constexpr long kHidingFlags = 1 | 2 | 32;
// Field flag ReadOnly (ISO 32000-1 Table 221).
constexpr long kReadOnly = 1;

long integer(const Object* value) {
  return value && value->isInteger() ? static_cast<long>(value->number) : 0;
}

std::string joinKeys(const std::vector<std::string>& keys) {
  std::string s;
  for (const auto& k : keys) s += (s.empty() ? "/" : ", /") + k;
  return s;
}

// "object 7" or "3 objects: 7, 9–10", listing at most a screenful of ranges.
std::string objectList(const std::vector<int>& sorted) {
  if (sorted.size() == 1) return "object " + std::to_string(sorted.front());
  constexpr size_t kMaxRanges = 20;
  std::string s = std::to_string(sorted.size()) + " objects: ";
  size_t ranges = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t last = i;
    while (last + 1 < sorted.size() && sorted[last + 1] == sorted[last] + 1) ++last;
    if (ranges++ == kMaxRanges) return s + ", …";
    s += (i > 0 ? ", " : "") + std::to_string(sorted[i]) +
         (last > i ? "–" + std::to_string(sorted[last]) : std::string());
    i = last + 1;
  }
  return s;
}

class RevisionDiffer {
 public:
  RevisionDiffer(const pdf::Document& document, size_t revision)
      : doc_(document),
        revision_(revision),
        before_(revision - 1),
        roles_(mapObjectRoles(document, revision - 1)) {}

  std::vector<Change> run() {
    const pdf::Revision& revision = doc_.revisions()[revision_];
    if (!revision.unparsable.empty()) {
      report(revision.unparsable.front(), "modified.unparsable-object",
             objectList(revision.unparsable) +
                 " of this revision cannot be read; the first: " + revision.firstUnparsableReason);
    }
    std::set<int> added;
    std::vector<pdf::Ref> changedReferences;
    for (const int number : doc_.objectsWritten(revision_)) {
      const pdf::XrefEntry& entry = *doc_.entry(number, revision_);
      if (entry.compressed()) containers_.insert(entry.stream);
      const auto now = doc_.object(number, revision_);
      const auto old = doc_.object(number, before_);
      if (!old) {
        if (now) added.insert(number);
        continue;
      }
      if (!entry.inUse) {
        report(number, "modified.deleted", describe(number) + " was deleted");
        continue;
      }
      if (!now || sameValue(*old, *now, doc_.bytes())) continue;
      collectReferences(*now, changedReferences);
      judge(number, *old, *now);
    }
    judgeTrailer();
    const bool changesNothing = changes_.empty() && added.empty();
    judgeAdded(added, changedReferences);
    if (changesNothing) {
      changes_.push_back({revision_ + 1, 0, 0, "modified.empty-revision",
                          "revision " + std::to_string(revision_ + 1) +
                              " changes nothing: an update without content is no signature's bookkeeping"});
    }
    return std::move(changes_);
  }

 private:
  const ObjectRole& role(int number) {
    static const ObjectRole none;
    const auto it = roles_.find(number);
    return it == roles_.end() ? none : it->second;
  }

  std::string describe(int number) {
    const ObjectRole& r = role(number);
    std::string s = describeRole(r) + " (object " + std::to_string(number) + ")";
    if (r.page > 0) s += " of page " + std::to_string(r.page);
    return s;
  }

  void report(int number, std::string code, std::string description) {
    changes_.push_back({revision_ + 1, number, role(number).page, std::move(code), std::move(description)});
  }

  static std::string codeFor(const ObjectRole& r) {
    switch (r.kind) {
      case Kind::ContentStream:
        return "modified.page-content";
      case Kind::Page:
        return "modified.page";
      case Kind::Font:
        return "modified.font";
      case Kind::Resources:
      case Kind::XObject:
        return "modified.resources";
      case Kind::Annotation:
      case Kind::AnnotationList:
        return "modified.annotation";
      case Kind::Catalog:
      case Kind::CatalogEntry:
      case Kind::PageTree:
        return "modified.catalog";
      case Kind::Info:
        return "modified.info";
      case Kind::AcroForm:
      case Kind::FieldList:
      case Kind::Field:
        return "modified.form";
      case Kind::SignatureValue:
        return "modified.signature";
      case Kind::Other:
        return "modified.object";
    }
    return "modified.object";
  }

  void judge(int number, const Object& old, const Object& now) {
    const ObjectRole& r = role(number);
    switch (r.kind) {
      case Kind::Catalog:
        // /Extensions and /Version: what PAdES signers (iText) declare, as pyHanko allows.
        return judgeDictionary(number, old, now, {"AcroForm", "DSS", "Extensions", "Version"});
      case Kind::AcroForm:
        return judgeAcroForm(number, old, now);
      case Kind::FieldList:
        return judgeAppended(number, old, now, "form field", &RevisionDiffer::isSignatureField);
      case Kind::AnnotationList:
        return judgeAppended(number, old, now, "annotation", &RevisionDiffer::isSignatureWidget);
      case Kind::Page:
        return judgePage(number, old, now);
      case Kind::Field:
        if (isSignatureField(old)) return judgeSignatureField(number, old, now);
        break;
      case Kind::Info:
        return judgeDictionary(number, old, now, {"ModDate", "Producer"});
      case Kind::Other:
        if (roles_.find(number) == roles_.end()) {
          report(number, "allowed.unreferenced",
                 "object " + std::to_string(number) + " changed but nothing uses it");
          return;
        }
        break;
      default:
        break;
    }
    report(number, codeFor(r), describe(number) + " changed" + keysSuffix(old, now));
  }

  std::string keysSuffix(const Object& old, const Object& now) {
    const auto keys = changedKeys(old, now, doc_.bytes());
    return keys.empty() ? "" : ": " + joinKeys(keys);
  }

  void judgeDictionary(int number, const Object& old, const Object& now,
                       const std::set<std::string>& allowed) {
    std::vector<std::string> forbidden;
    for (const auto& key : changedKeys(old, now, doc_.bytes())) {
      if (key == "AcroForm" && allowed.count(key) && old.get(key) && now.get(key) &&
          old.get(key)->isDictLike()) {
        judgeAcroForm(number, *old.get(key), *now.get(key));
      } else if (!allowed.count(key)) {
        forbidden.push_back(key);
      }
    }
    if (!forbidden.empty()) {
      report(number, codeFor(role(number)), describe(number) + " changed: " + joinKeys(forbidden));
    } else {
      report(number, "allowed.bookkeeping", describe(number) + " updated for a signature");
    }
  }

  void judgeAcroForm(int number, const Object& old, const Object& now) {
    std::vector<std::string> forbidden;
    for (const auto& key : changedKeys(old, now, doc_.bytes())) {
      if (key == "Fields" && old.get(key) && now.get(key)) {
        judgeAppended(number, doc_.resolve(*old.get(key), before_), doc_.resolve(*now.get(key), revision_),
                      "form field", &RevisionDiffer::isSignatureField);
      } else if (key != "SigFlags" && key != "DR" && key != "DA") {
        forbidden.push_back(key);
      }
    }
    if (!forbidden.empty())
      report(number, "modified.form", describe(number) + " changed: " + joinKeys(forbidden));
  }

  void judgePage(int number, const Object& old, const Object& now) {
    for (const auto& key : changedKeys(old, now, doc_.bytes())) {
      if (key == "Annots") {
        const Object* before = old.get(key);
        const Object* after = now.get(key);
        judgeAppended(number, before ? doc_.resolve(*before, before_) : Object{},
                      after ? doc_.resolve(*after, revision_) : Object{}, "annotation",
                      &RevisionDiffer::isSignatureWidget);
      } else {
        const std::string code = key == "Contents"    ? "modified.page-content"
                                 : key == "Resources" ? "modified.resources"
                                                      : "modified.page";
        report(number, code, describe(number) + " changed: /" + key);
      }
    }
  }

  // Old entries must all stay, in order; every added entry must satisfy `acceptable`.
  void judgeAppended(int number, const Object& old, const Object& now, const std::string& what,
                     bool (RevisionDiffer::*acceptable)(const Object&) const) {
    static const pdf::Array empty;
    const pdf::Array& before = old.is(Object::Kind::Array) ? *old.array : empty;
    const pdf::Array& after = now.is(Object::Kind::Array) ? *now.array : empty;
    const std::string code = what == "annotation" ? "modified.annotation" : "modified.form";
    for (size_t i = 0; i < before.size(); ++i) {
      if (i >= after.size() || !sameValue(before[i], after[i], doc_.bytes())) {
        report(number, code, "a " + what + " was removed or reordered in " + describe(number));
        return;
      }
    }
    for (size_t i = before.size(); i < after.size(); ++i) {
      const Object added = doc_.resolve(after[i], revision_);
      const std::string name =
          after[i].is(Object::Kind::Ref) ? " (object " + std::to_string(after[i].ref.number) + ")" : "";
      if ((this->*acceptable)(added) && !signedHere(added) && !invisible(added)) {
        report(number, code,
               "a visible signature " + what + name +
                   " without a signature made in the same revision was added to " + describe(number));
      } else if ((this->*acceptable)(added)) {
        report(number, "allowed.signature-field", "signature " + what + name + " added");
      } else {
        const Object* subtype = added.get("Subtype");
        report(number, code,
               "a " + what + name + (subtype && subtype->is(Object::Kind::Name) ? " /" + subtype->text : "") +
                   " that is not a signature field was added to " + describe(number));
      }
    }
  }

  // An empty seal field may be filled once, by the signature of the same revision, with its
  // appearance and lock; afterwards (and for a field left empty) only locking it is allowed.
  void judgeSignatureField(int number, const Object& old, const Object& now) {
    const bool filling = !old.get("V") && now.get("V") && signedHere(now);
    std::vector<std::string> forbidden;
    for (const auto& key : changedKeys(old, now, doc_.bytes())) {
      const bool harmlessFlags = key == "F" && (integer(now.get("F")) & kHidingFlags) == 0;
      // Sealing locks the fields: setting ReadOnly is the one field-flag change allowed.
      const bool locksField = key == "Ff" &&
                              (integer(now.get("Ff")) & ~integer(old.get("Ff"))) == kReadOnly &&
                              (integer(old.get("Ff")) & ~integer(now.get("Ff"))) == 0;
      const bool partOfFilling = filling && (key == "V" || key == "AP" || key == "Lock" || key == "SV" ||
                                             key == "MK" || harmlessFlags);
      if (!locksField && !partOfFilling) forbidden.push_back(key);
    }
    if (forbidden.empty() && !filling) return;  // only locked
    if (forbidden.empty()) {
      report(number, "allowed.seal-filled",
             "empty signature field (object " + std::to_string(number) + ") signed");
    } else {
      report(number, "modified.form",
             describe(number) + " changed after it was signed: " + joinKeys(forbidden));
    }
  }

  // A new object is judged through the changed object that refers to it (a signature through its
  // field, validation data through the catalog's /DSS), directly or through other new objects. One
  // that no change refers to is either junk or fills a reference the signed document left dangling.
  void judgeAdded(std::set<int>& added, std::vector<pdf::Ref>& reached) {
    // This revision's own xref stream and the object streams holding its objects are how it is
    // written, not content; what they hold is judged object by object.
    added.erase(doc_.revisions()[revision_].xrefStream);
    for (const int container : containers_) added.erase(container);
    collectReferences(doc_.revisions()[revision_].trailer, reached);
    while (!reached.empty() && !added.empty()) {
      const pdf::Ref ref = reached.back();
      reached.pop_back();
      if (added.erase(ref.number)) collectReferences(*doc_.object(ref.number, revision_), reached);
    }
    if (!added.empty() && addsItsOwnSignature()) allowOrphans(added);
    if (added.empty()) return;
    // One change for them all: what an attacker appends by the thousand costs one line, not thousands.
    const std::vector<int> unreferenced(added.begin(), added.end());
    report(unreferenced.front(), "modified.unreferenced-object",
           objectList(unreferenced) + " added, but nothing this revision changed refers to " +
               (unreferenced.size() == 1 ? "it" : "them") +
               ": unused, or filling a reference the signed document left dangling");
  }

  bool addsItsOwnSignature() const {
    return std::any_of(changes_.begin(), changes_.end(), [](const Change& c) {
      return c.code == "allowed.signature-field" || c.code == "allowed.seal-filled";
    });
  }

  // Signing tools leave objects behind (Poppler writes a signature's appearance stream three times and
  // uses one). In a revision that adds its own signature, a new object nothing in the whole document
  // refers to cannot show or change anything, and is allowed (pyHanko's ignore_orphaned_objects). One
  // that an older object refers to fills a reference the signed document left dangling: still a change.
  void allowOrphans(std::set<int>& added) {
    std::set<int> numbers;
    for (size_t r = 0; r <= revision_; ++r) {
      for (const auto& [number, entry] : doc_.revisions()[r].entries) numbers.insert(number);
    }
    std::vector<pdf::Ref> references;
    collectReferences(doc_.revisions()[revision_].trailer, references);
    for (const int number : numbers) {
      if (const auto object = doc_.object(number, revision_)) collectReferences(*object, references);
    }
    std::set<int> referenced;
    for (const auto& ref : references) referenced.insert(ref.number);
    std::vector<int> orphans;
    for (auto it = added.begin(); it != added.end();) {
      if (referenced.count(*it)) {
        ++it;
      } else {
        orphans.push_back(*it);
        it = added.erase(it);
      }
    }
    if (!orphans.empty()) {
      report(orphans.front(), "allowed.orphan",
             objectList(orphans) + " added that nothing in the document refers to, left by the signing tool");
    }
  }

  void judgeTrailer() {
    const Object& oldTrailer = doc_.revisions()[before_].trailer;
    const Object& newTrailer = doc_.revisions()[revision_].trailer;
    for (const char* key : {"Root", "Info", "Encrypt"}) {
      const Object* a = oldTrailer.get(key);
      const Object* b = newTrailer.get(key);
      if ((a == nullptr) != (b == nullptr) || (a && !sameValue(*a, *b, doc_.bytes()))) {
        changes_.push_back({revision_ + 1, 0, 0, "modified.catalog",
                            std::string("the trailer's /") + key + " was replaced"});
      }
    }
  }

  bool isSignatureField(const Object& field) const {
    const Object* type = field.get("FT");
    if (type) return type->isName("Sig");
    const Object* parent = field.get("Parent");
    return parent && doc_.resolve(*parent, revision_).get("FT") &&
           doc_.resolve(*parent, revision_).get("FT")->isName("Sig");
  }

  // The field (or its parent) holds a signature whose byte range ends with this revision.
  bool signedHere(const Object& field) const {
    const Object* value = field.get("V");
    if (!value) {
      const Object* parent = field.get("Parent");
      return parent && doc_.resolve(*parent, revision_).get("V") &&
             signedHere(doc_.resolve(*parent, revision_));
    }
    const Object signature = doc_.resolve(*value, revision_);
    const Object* range = signature.get("ByteRange");
    if (!range || !range->is(Object::Kind::Array) || range->array->size() != 4) return false;
    const double end = (*range->array)[2].number + (*range->array)[3].number;
    const auto& revision = doc_.revisions()[revision_];
    return end == static_cast<double>(revision.endAfterEof) ||
           end == static_cast<double>(revision.endAfterEol);
  }

  static bool invisible(const Object& widget) {
    const Object* rect = widget.get("Rect");
    if (!rect || !rect->is(Object::Kind::Array) || rect->array->size() != 4) return true;
    const auto& r = *rect->array;
    return r[0].number == r[2].number || r[1].number == r[3].number;
  }

  bool isSignatureWidget(const Object& annotation) const {
    const Object* subtype = annotation.get("Subtype");
    return subtype && subtype->isName("Widget") && isSignatureField(annotation);
  }

  const pdf::Document& doc_;
  size_t revision_;
  size_t before_;
  std::map<int, ObjectRole> roles_;
  std::set<int> containers_;  // object streams holding an object this revision writes
  std::vector<Change> changes_;
};

}  // namespace

std::vector<Change> diffRevision(const pdf::Document& document, size_t revision) {
  return RevisionDiffer(document, revision).run();
}

}  // namespace gongwen::verify
