// Objects compressed in object streams (ISO 32000-1 §7.5.7), read as of a revision: the stream is
// the one its number names in that revision, so rewriting the stream alone changes them.

#include <climits>

#include "pipeline/core/Error.h"
#include "signing/verify/PdfRevisions.h"

namespace gongwen::verify::pdf {

Object Document::compressedObject(int number, const Location& at, size_t revision) const {
  const XrefEntry& e = *at.first;
  const XrefEntry* container = at.second;
  const std::string name = "object " + std::to_string(number);
  const std::string streamName = "object stream " + std::to_string(e.stream);
  if (!container || !container->inUse || container->compressed())
    parser_.fail(revisions_[revision].xrefOffset, "the xref puts " + name + " in " + streamName +
                                                      ", which is not an object written in the file");
  const ObjectStream& stream = objectStream(e.stream, *container, revision);
  const size_t index = static_cast<size_t>(e.index);
  if (index >= stream.objects.size())
    parser_.fail(container->offset, "the xref puts " + name + " at index " + std::to_string(index) + " of " +
                                        streamName + ", which holds " +
                                        std::to_string(stream.objects.size()));
  if (stream.objects[index].first != number)
    parser_.fail(container->offset, "the xref puts " + name + " where " + streamName + " holds object " +
                                        std::to_string(stream.objects[index].first));
  const Parser parser = parser_.over(stream.data, stream.label);
  size_t next = 0;
  Object o = parser.directObject(stream.objects[index].second, next);
  const size_t limit =
      index + 1 < stream.objects.size() ? stream.objects[index + 1].second : stream.data.size();
  if (next > limit) parser.fail(stream.objects[index].second, name + " runs into the next object");
  o.compressed = true;
  return o;
}

const Document::ObjectStream& Document::objectStream(int number, const XrefEntry& entry,
                                                     size_t revision) const {
  const auto found = objectStreams_.find(&entry);
  if (found != objectStreams_.end()) return found->second;
  const std::string name = "object stream " + std::to_string(number);
  const auto stream = object(number, revision);
  const Object* type = stream ? stream->get("Type") : nullptr;
  if (!stream || !stream->is(Object::Kind::Stream) || !type || !type->isName("ObjStm"))
    parser_.fail(entry.offset, "object " + std::to_string(number) +
                                   ", which the xref names as an object stream, is not one (/Type /ObjStm)");
  const Object* count = stream->get("N");
  const Object* first = stream->get("First");
  if (!count || !count->isInteger() || count->number < 0 || !first || !first->isInteger() ||
      first->number < 0)
    parser_.fail(entry.offset, name + " has no usable /N and /First");
  headerEntries_ += static_cast<size_t>(count->number);
  if (headerEntries_ > limits_.maxObjects)
    parser_.overLimit("pdf.limit.objects", "objects in its object streams", limits_.maxObjects);
  ObjectStream decoded;
  decoded.label = fileName_ + " (" + name + ")";
  decoded.data = decodeStream(parser_, bytes_, *stream, decodeBudget_, name);
  const size_t start = static_cast<size_t>(first->number);
  {
    const Parser header = parser_.over(decoded.data, decoded.label);
    if (start > decoded.data.size()) header.fail(0, name + " has /First past its data");
    size_t pos = 0;
    for (long i = 0; i < static_cast<long>(count->number); ++i) {
      long objectNumber = 0, offset = 0;
      if (!header.integerAt(header.skipWhitespace(pos), objectNumber, pos) ||
          !header.integerAt(header.skipWhitespace(pos), offset, pos) || objectNumber > INT_MAX ||
          static_cast<size_t>(offset) > decoded.data.size() - start ||
          (!decoded.objects.empty() && start + static_cast<size_t>(offset) < decoded.objects.back().second))
        header.fail(pos, name + "'s header is not /N pairs of object numbers and increasing offsets");
      decoded.objects.emplace_back(static_cast<int>(objectNumber), start + static_cast<size_t>(offset));
    }
    if (pos > start) header.fail(pos, name + "'s header runs past /First");
  }
  return objectStreams_.emplace(&entry, std::move(decoded)).first->second;
}

}  // namespace gongwen::verify::pdf
