#include "signing/verify/ByteRangeCheck.h"

#include <string>

namespace gongwen::verify {

using pdf::Object;

ByteRangeResult checkByteRange(const pdf::Document& doc, const Object& signature) {
  ByteRangeResult result;
  const Object* range = signature.get("ByteRange");
  const Object* contents = signature.get("Contents");
  size_t r[4] = {0, 0, 0, 0};
  bool wellFormed = range && range->is(Object::Kind::Array) && range->array->size() == 4 && contents &&
                    contents->is(Object::Kind::String);
  for (size_t i = 0; wellFormed && i < 4; ++i) {
    const Object& n = (*range->array)[i];
    wellFormed = n.isInteger() && n.number >= 0;
    if (wellFormed) r[i] = static_cast<size_t>(n.number);
  }
  if (signature.compressed) {
    result.problems.push_back({"byterange.malformed",
                               "the signature dictionary lies in an object stream, so its /Contents is not "
                               "bytes of the file a /ByteRange can leave out"});
    return result;
  }
  const size_t size = doc.bytes().size();
  // Both ranges inside the file, tested without overflow (each value may be up to 10^15).
  if (!wellFormed || r[1] > size || r[0] > size - r[1] || r[3] > size || r[2] > size - r[3]) {
    result.problems.push_back(
        {"byterange.malformed",
         "/ByteRange must be four non-negative integers inside the file, next to a /Contents string"});
    return result;
  }
  const std::string_view bytes(doc.bytes());
  result.covered = {bytes.substr(r[0], r[1]), bytes.substr(r[2], r[3])};
  result.end = r[2] + r[3];
  if (r[0] != 0) {
    result.problems.push_back(
        {"byterange.not-from-start",
         "/ByteRange starts at byte " + std::to_string(r[0]) + ", not at the start of the file"});
  }
  if (r[0] + r[1] != contents->begin || r[2] != contents->end) {
    result.problems.push_back({"byterange.gap-not-contents",
                               "the unsigned gap [" + std::to_string(r[0] + r[1]) + ", " +
                                   std::to_string(r[2]) +
                                   ") is not exactly this signature's /Contents string [" +
                                   std::to_string(contents->begin) + ", " + std::to_string(contents->end) +
                                   "): bytes outside /Contents are unsigned or /Contents lies elsewhere"});
  }
  result.revision = doc.revisionEndingAt(r[2] + r[3]);
  if (!result.revision) {
    result.problems.push_back({"byterange.not-revision-end",
                               "/ByteRange ends at byte " + std::to_string(r[2] + r[3]) +
                                   ", which is not the end of any revision: the signature does not cover "
                                   "the whole revision it belongs to"});
  }
  return result;
}

}  // namespace gongwen::verify
