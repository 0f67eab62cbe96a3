#include <libxml/tree.h>

#include <filesystem>

#include "pipeline/core/DataDir.h"
#include "pipeline/core/Error.h"
#include "pipeline/fonts/FontLibrary.h"
#include "pipeline/xml/SchemaValidator.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::fonts {
namespace {

namespace fs = std::filesystem;

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string textOf(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return trimmed(text);
}

std::string attributeOf(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return trimmed(text);
}

bool isElement(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, reinterpret_cast<const xmlChar*>(name));
}

std::string where(const std::string& file, long line, const std::string& element) {
  return file + ":" + std::to_string(line) + ": <" + element + ">";
}

// Relative directories are taken from the configuration file's own directory, so a deployment
// can ship fonts next to its fonts.xml.
std::string resolvedDirectory(const std::string& dir, const std::string& configPath) {
  const fs::path p(dir);
  if (p.is_absolute()) return dir;
  return (fs::absolute(configPath).parent_path() / p).lexically_normal().string();
}

}  // namespace

FontConfig FontConfig::load(const std::string& path) {
  const xml::XmlDocPtr doc = xml::parseXmlFile(path, InputKind::FontConfig);
  xml::validateAgainstSchema(doc.get(), path, "schemas/fonts.xsd", "fonts");

  FontConfig config;
  config.sourceFile = path;
  for (const xmlNode* node = xmlDocGetRootElement(doc.get())->children; node; node = node->next) {
    if (isElement(node, "dir")) {
      config.directories.push_back(resolvedDirectory(textOf(node), path));
    } else if (isElement(node, "role")) {
      const FontRole role =
          parseRole(attributeOf(node, "name"), where(path, xmlGetLineNo(node), "role") + " name");
      config.roleLines[role] = xmlGetLineNo(node);
      auto& families = config.families[role];
      for (const xmlNode* child = node->children; child; child = child->next) {
        if (isElement(child, "family")) families.push_back(textOf(child));
      }
    }
  }
  return config;
}

FontConfig FontConfig::defaults() { return load(dataPath("fonts/fonts.xml")); }

}  // namespace gongwen::fonts
