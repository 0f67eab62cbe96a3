#include "signing/verify/PdfObject.h"

#include <cmath>
#include <string_view>

namespace gongwen::verify::pdf {

const Object* Object::get(const std::string& key) const {
  if (!isDictLike()) return nullptr;
  for (const auto& [k, v] : *dict) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool Object::isInteger() const {
  return kind == Kind::Number && std::floor(number) == number && std::fabs(number) < 1e15;
}

namespace {

bool sameDict(const Dict& a, const Dict& b, const std::string& bytes) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a) {
    const Object* other = nullptr;
    for (const auto& [k, v] : b) {
      if (k == key) other = &v;
    }
    if (!other || !sameValue(value, *other, bytes)) return false;
  }
  return true;
}

}  // namespace

bool sameValue(const Object& a, const Object& b, const std::string& bytes) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Object::Kind::Null:
      return true;
    case Object::Kind::Bool:
      return a.boolean == b.boolean;
    case Object::Kind::Number:
      return a.number == b.number;
    case Object::Kind::String:
    case Object::Kind::Name:
      return a.text == b.text;
    case Object::Kind::Ref:
      return a.ref == b.ref;
    case Object::Kind::Array:
      if (a.array->size() != b.array->size()) return false;
      for (size_t i = 0; i < a.array->size(); ++i) {
        if (!sameValue((*a.array)[i], (*b.array)[i], bytes)) return false;
      }
      return true;
    case Object::Kind::Dict:
      return sameDict(*a.dict, *b.dict, bytes);
    case Object::Kind::Stream: {
      const std::string_view view(bytes);
      return sameDict(*a.dict, *b.dict, bytes) && a.streamLength == b.streamLength &&
             view.substr(a.streamBegin, a.streamLength) == view.substr(b.streamBegin, b.streamLength);
    }
  }
  return false;
}

std::vector<std::string> changedKeys(const Object& before, const Object& after, const std::string& bytes) {
  std::vector<std::string> keys;
  if (!before.isDictLike() || !after.isDictLike()) return keys;
  for (const auto& [key, value] : *before.dict) {
    const Object* other = after.get(key);
    if (!other || !sameValue(value, *other, bytes)) keys.push_back(key);
  }
  for (const auto& [key, value] : *after.dict) {
    if (!before.get(key)) keys.push_back(key);
  }
  if (before.is(Object::Kind::Stream) && after.is(Object::Kind::Stream) &&
      std::string_view(bytes).substr(before.streamBegin, before.streamLength) !=
          std::string_view(bytes).substr(after.streamBegin, after.streamLength)) {
    keys.push_back("(stream data)");
  }
  return keys;
}

}  // namespace gongwen::verify::pdf
