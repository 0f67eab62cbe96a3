#include "pipeline/job/XmlNodes.h"

#include <memory>

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

std::string xpathOf(const xmlNode* element) { return toString(XmlString(xmlGetNodePath(element))); }

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
