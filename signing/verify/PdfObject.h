#pragma once
// The few PDF object kinds verification needs, parsed straight from the file's bytes so that every
// value keeps its byte span: a signature's /Contents must be located exactly, not re-serialised.

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gongwen::verify::pdf {

struct Ref {
  int number = 0;
  int generation = 0;
  bool operator==(const Ref& o) const { return number == o.number && generation == o.generation; }
};

struct Object;
using Array = std::vector<Object>;
// Keys in file order; dictionaries in signed PDFs are small, so a linear search is the fast one.
using Dict = std::vector<std::pair<std::string, Object>>;

struct Object {
  enum class Kind { Null, Bool, Number, String, Name, Array, Dict, Ref, Stream };
  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string text;  // string bytes (decoded) or name (without '/')
  Ref ref;
  std::shared_ptr<Array> array;
  std::shared_ptr<Dict> dict;  // also the stream dictionary
  size_t begin = 0, end = 0;   // byte span of the value in the file
  // Read from an object stream: `begin` and `end` of its values are offsets in the stream's decoded
  // data, not in the file, so no /ByteRange can point at them.
  bool compressed = false;
  size_t streamBegin = 0, streamLength = 0;

  bool is(Kind k) const { return kind == k; }
  bool isDictLike() const { return (kind == Kind::Dict || kind == Kind::Stream) && dict; }
  // nullptr when absent or not a dictionary.
  const Object* get(const std::string& key) const;
  bool isName(const std::string& name) const { return kind == Kind::Name && text == name; }
  bool isInteger() const;
};

// A text string (ISO 32000-1 §7.9.2) as UTF-8: UTF-16BE with a byte-order mark, UTF-8 with one, or
// PDFDocEncoding (read as Latin-1, which it equals for every character our documents use). Names are
// returned as they are; anything else gives "".
std::string textOf(const Object* value);

// Structural equality: what a later revision must preserve. Streams compare dictionary and raw bytes.
bool sameValue(const Object& a, const Object& b, const std::string& fileBytes);

// Appends every reference `value` holds, at any depth, to `out`.
void collectReferences(const Object& value, std::vector<Ref>& out);

// Keys whose values differ between two dictionaries (present in one only, or different).
std::vector<std::string> changedKeys(const Object& before, const Object& after, const std::string& fileBytes);

}  // namespace gongwen::verify::pdf
