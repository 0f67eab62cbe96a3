#include "signing/verify/PdfObject.h"

#include <cmath>
#include <string_view>
#include <unordered_map>

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

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string fromUtf16Be(std::string_view bytes) {
  std::string out;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t unit = static_cast<unsigned char>(bytes[i]) << 8 | static_cast<unsigned char>(bytes[i + 1]);
    if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
      const char32_t low =
          static_cast<unsigned char>(bytes[i + 2]) << 8 | static_cast<unsigned char>(bytes[i + 3]);
      if (low >= 0xDC00 && low < 0xE000) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    appendUtf8(out, unit >= 0xD800 && unit < 0xE000 ? 0xFFFD : unit);
  }
  return out;
}

// Entries by key: comparing two dictionaries key by key through a scan of the other would take
// quadratic time on a dictionary of many keys.
std::unordered_map<std::string_view, const Object*> byKey(const Dict& dict) {
  std::unordered_map<std::string_view, const Object*> index;
  for (const auto& [key, value] : dict) index.emplace(key, &value);
  return index;
}

const Object* find(const std::unordered_map<std::string_view, const Object*>& index, const std::string& key) {
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

bool sameDict(const Dict& a, const Dict& b, const std::string& bytes) {
  if (a.size() != b.size()) return false;
  const auto others = byKey(b);
  for (const auto& [key, value] : a) {
    const Object* other = find(others, key);
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

void collectReferences(const Object& value, std::vector<Ref>& out) {
  if (value.is(Object::Kind::Ref)) {
    out.push_back(value.ref);
  } else if (value.is(Object::Kind::Array)) {
    for (const auto& item : *value.array) collectReferences(item, out);
  } else if (value.isDictLike()) {
    for (const auto& entry : *value.dict) collectReferences(entry.second, out);
  }
}

std::vector<std::string> changedKeys(const Object& before, const Object& after, const std::string& bytes) {
  std::vector<std::string> keys;
  if (!before.isDictLike() || !after.isDictLike()) return keys;
  const auto beforeByKey = byKey(*before.dict);
  const auto afterByKey = byKey(*after.dict);
  for (const auto& [key, value] : *before.dict) {
    const Object* other = find(afterByKey, key);
    if (!other || !sameValue(value, *other, bytes)) keys.push_back(key);
  }
  for (const auto& [key, value] : *after.dict) {
    if (!find(beforeByKey, key)) keys.push_back(key);
  }
  if (before.is(Object::Kind::Stream) && after.is(Object::Kind::Stream) &&
      std::string_view(bytes).substr(before.streamBegin, before.streamLength) !=
          std::string_view(bytes).substr(after.streamBegin, after.streamLength)) {
    keys.push_back("(stream data)");
  }
  return keys;
}

std::string textOf(const Object* value) {
  if (!value) return "";
  if (value->is(Object::Kind::Name)) return value->text;
  if (!value->is(Object::Kind::String)) return "";
  const std::string_view s(value->text);
  if (s.size() >= 2 && s[0] == '\xFE' && s[1] == '\xFF') return fromUtf16Be(s.substr(2));
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") return std::string(s.substr(3));
  std::string out;
  for (const unsigned char c : s) appendUtf8(out, c);
  return out;
}

}  // namespace gongwen::verify::pdf
