#pragma once
// Writes a parsed object back in compact PDF syntax, for the changed copies of existing objects that
// `sign` appends: what it writes reads back through Parser to a value sameValue() finds equal, so that
// the revision diff sees exactly the keys signing changed. Strings are written as hex strings (no
// escaping to get wrong), reals in fixed notation (ISO 32000-1 §7.3.3 has no exponents).

#include <string>

#include "signing/verify/PdfObject.h"

namespace gongwen::verify::pdf {

// Throws Error(InputInvalid, "pdf.serialise") for a stream (its data is never rewritten: a changed
// copy of one would need its bytes, not its dictionary) and for a number that is not finite.
std::string serialise(const Object& value);

// "N G R".
std::string serialise(const Ref& ref);

}  // namespace gongwen::verify::pdf
