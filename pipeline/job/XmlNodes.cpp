#include "pipeline/job/XmlNodes.h"

#include <cstdint>
#include <memory>
#include <utility>

#include "pipeline/job/TextFolding.h"

namespace gongwen::job {
namespace {

struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

std::string toString(const XmlString& s) {
  return s ? reinterpret_cast<const char*>(s.get()) : std::string();
}

bool isNamesake(const xmlNode* element, const xmlNode* sibling) {
  return sibling->type == XML_ELEMENT_NODE && sibling->ns == nullptr &&
         xmlStrEqual(sibling->name, element->name);
}

// The element's position among its siblings of the same name (1-based) and whether it has any:
// "p[3]" or plain "title", as xmlGetNodePath writes a step. xmlGetNodePath compares each element with
// all its siblings, which is quadratic in a body of thousands of <p>; here each position is worked
// out once, from the nearest earlier namesake, and kept in the node's _private field (libxml2 leaves
// it to the application, and it goes with the document).
std::pair<std::uintptr_t, bool> stepOf(const xmlNode* element) {
  const auto memo = [](const xmlNode* n) { return reinterpret_cast<std::uintptr_t>(n->_private); };
  if (memo(element) == 0) {
    std::vector<xmlNode*> unknown{const_cast<xmlNode*>(element)};
    std::uintptr_t position = 0;  // of the nearest earlier namesake whose position is known
    for (const xmlNode* s = element->prev; s && position == 0; s = s->prev) {
      if (!isNamesake(element, s)) continue;
      if (memo(s) != 0) {
        position = memo(s) / 2;
      } else {
        unknown.push_back(const_cast<xmlNode*>(s));
      }
    }
    bool later = false;
    for (const xmlNode* s = element->next; s && position == 0 && unknown.size() == 1 && !later; s = s->next) {
      later = isNamesake(element, s);
    }
    for (auto it = unknown.rbegin(); it != unknown.rend(); ++it) {
      ++position;
      const bool shared = *it != element || position > 1 || later;
      (*it)->_private = reinterpret_cast<void*>(position * 2 + (shared ? 1 : 0));
    }
  }
  return {memo(element) / 2, memo(element) % 2 == 1};
}

model::SourceLocation locate(const xmlNode* element, const std::string& file) {
  return {file, static_cast<int>(xmlGetLineNo(element)), xpathOf(element)};
}

}  // namespace

std::string nameOf(const xmlNode* element) { return reinterpret_cast<const char*>(element->name); }

std::vector<xmlNode*> childElements(const xmlNode* parent) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = parent->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) out.push_back(child);
  }
  return out;
}

std::string xpathOf(const xmlNode* element) {
  std::vector<const xmlNode*> lineage;
  for (const xmlNode* n = element; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    // Namespaced steps are written as xmlGetNodePath writes them; jobs and templates have none.
    if (n->ns != nullptr) return toString(XmlString(xmlGetNodePath(element)));
    lineage.push_back(n);
  }
  std::string path;
  for (auto it = lineage.rbegin(); it != lineage.rend(); ++it) {
    path += '/';
    path += reinterpret_cast<const char*>((*it)->name);
    const auto [position, shared] = stepOf(*it);
    if (shared) path += "[" + std::to_string(position) + "]";
  }
  return path;
}

model::Text elementText(const xmlNode* element, const std::string& file) {
  return {foldText(toString(XmlString(xmlNodeGetContent(element)))), locate(element, file)};
}

model::Text attributeText(const xmlNode* element, const char* attribute, const std::string& file) {
  model::Text text{foldText(attributeValue(element, attribute)), locate(element, file)};
  text.where.xpath += std::string("/@") + attribute;
  return text;
}

std::string attributeValue(const xmlNode* element, const char* attribute, const std::string& fallback) {
  XmlString value(xmlGetProp(element, reinterpret_cast<const xmlChar*>(attribute)));
  return value ? toString(value) : fallback;
}

}  // namespace gongwen::job
