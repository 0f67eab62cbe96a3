#include "pipeline/job/XmlNodes.h"

#include <cstdint>
#include <memory>
#include <unordered_map>

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

std::string qualifiedName(const xmlNode* element) {
  const std::string name = reinterpret_cast<const char*>(element->name);
  return element->ns && element->ns->prefix
             ? reinterpret_cast<const char*>(element->ns->prefix) + (":" + name)
             : name;
}

// Numbers a parent's element children as xmlGetNodePath would (1-based among siblings of the same
// name, 0 when the name is unique there) in one pass, and keeps each number in the child's
// application slot (_private, which libxml2 leaves to us; 0 there means "not numbered yet", so
// the number is stored plus one). xmlGetNodePath scans every sibling for every node: a job of n
// paragraphs took O(n²) to load.
void numberChildren(xmlNode* parent) {
  std::unordered_map<std::string, uintptr_t> total;
  for (const xmlNode* child : childElements(parent)) ++total[qualifiedName(child)];
  std::unordered_map<std::string, uintptr_t> seen;
  for (xmlNode* child : childElements(parent)) {
    const std::string name = qualifiedName(child);
    const uintptr_t position = total[name] > 1 ? ++seen[name] : 0;
    child->_private = reinterpret_cast<void*>(position + 1);
  }
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
  if (element->type != XML_ELEMENT_NODE) return "";
  if (element->parent == nullptr || element->parent->type != XML_ELEMENT_NODE)
    return "/" + qualifiedName(element);
  if (element->_private == nullptr) numberChildren(element->parent);
  const auto position = reinterpret_cast<uintptr_t>(element->_private) - 1;
  return xpathOf(element->parent) + "/" + qualifiedName(element) +
         (position > 0 ? "[" + std::to_string(position) + "]" : "");
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
