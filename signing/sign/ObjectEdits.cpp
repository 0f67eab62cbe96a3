#include "signing/sign/ObjectEdits.h"

#include <memory>
#include <utility>

namespace gongwen::sign {

using verify::pdf::Array;
using verify::pdf::Dict;
using verify::pdf::Object;

Object nameValue(const std::string& name) {
  Object value;
  value.kind = Object::Kind::Name;
  value.text = name;
  return value;
}

Object integerValue(long long number) {
  Object value;
  value.kind = Object::Kind::Number;
  value.number = static_cast<double>(number);
  return value;
}

Object referenceValue(const verify::pdf::Ref& ref) {
  Object value;
  value.kind = Object::Kind::Ref;
  value.ref = ref;
  return value;
}

Object arrayValue(Array items) {
  Object value;
  value.kind = Object::Kind::Array;
  value.array = std::make_shared<Array>(std::move(items));
  return value;
}

Object dictValue(Dict entries) {
  Object value;
  value.kind = Object::Kind::Dict;
  value.dict = std::make_shared<Dict>(std::move(entries));
  return value;
}

Object withEntry(const Object& dict, const std::string& key, Object value) {
  Object changed = dict.isDictLike() ? dict : dictValue({});
  changed.dict = std::make_shared<Dict>(*changed.dict);
  for (auto& [existing, entry] : *changed.dict) {
    if (existing == key) {
      entry = std::move(value);
      return changed;
    }
  }
  changed.dict->emplace_back(key, std::move(value));
  return changed;
}

Object withItem(const Object& array, Object item) {
  Array items = array.is(Object::Kind::Array) && array.array ? *array.array : Array();
  items.push_back(std::move(item));
  return arrayValue(std::move(items));
}

}  // namespace gongwen::sign
