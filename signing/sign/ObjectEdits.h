#pragma once
// Building values and changed copies of parsed objects for a new revision. A parsed Object shares its
// array or dictionary with every copy of it (shared_ptr), so a change is made on a fresh container:
// the document as read, which the verifier judged and the revision diff compares with, stays as it was.

#include <string>

#include "signing/verify/PdfObject.h"

namespace gongwen::sign {

verify::pdf::Object nameValue(const std::string& name);
verify::pdf::Object integerValue(long long value);
verify::pdf::Object referenceValue(const verify::pdf::Ref& ref);
verify::pdf::Object arrayValue(verify::pdf::Array items);
verify::pdf::Object dictValue(verify::pdf::Dict entries);

// A copy of `dict` whose `key` is `value`: the entry replaced where it stands, or added last. A value
// that is no dictionary is taken as an empty one.
verify::pdf::Object withEntry(const verify::pdf::Object& dict, const std::string& key,
                              verify::pdf::Object value);

// A copy of `array` with `item` appended; a value that is no array is taken as an empty one.
verify::pdf::Object withItem(const verify::pdf::Object& array, verify::pdf::Object item);

}  // namespace gongwen::sign
