#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "pipeline/core/DataDir.h"
#include "pipeline/core/Error.h"
#include "pipeline/fonts/FontLibrary.h"

namespace gongwen::fonts {
namespace {

namespace fs = std::filesystem;

template <typename T, void (*Free)(T*)>
struct XmlDeleter {
  void operator()(T* p) const { Free(p); }
};
using ParserCtxt = std::unique_ptr<xmlParserCtxt, XmlDeleter<xmlParserCtxt, xmlFreeParserCtxt>>;
using Doc = std::unique_ptr<xmlDoc, XmlDeleter<xmlDoc, xmlFreeDoc>>;
using SchemaParserCtxt =
    std::unique_ptr<xmlSchemaParserCtxt, XmlDeleter<xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt>>;
using Schema = std::unique_ptr<xmlSchema, XmlDeleter<xmlSchema, xmlSchemaFree>>;
using ValidCtxt = std::unique_ptr<xmlSchemaValidCtxt, XmlDeleter<xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt>>;

// Network access, entity substitution and DTD loading all stay off (the libxml2 defaults when
// the flags are absent); the parser's own error printing is silenced because we report.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

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

// libxml2 reports the last parse error; the first one is where the file went wrong.
void keepFirstParseError(void* parserContext, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxt*>(parserContext);
  auto* first = static_cast<std::string*>(ctxt->_private);
  if (!first->empty() || !error) return;
  *first =
      std::to_string(error->line) + ": " + trimmed(error->message ? error->message : "not well-formed XML");
}

long lineOfDoctype(const std::string& text) {
  const auto at = text.find("<!DOCTYPE");
  return 1 + std::count(text.begin(), text.begin() + static_cast<long>(std::min(at, text.size())), '\n');
}

Doc parseConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!(in && bytes << in.rdbuf())) {
    throw systemError("fonts.read", path + ": cannot read the font configuration; check the path");
  }
  const std::string text = bytes.str();
  ParserCtxt ctxt(xmlNewParserCtxt());
  if (!ctxt) throw systemError("fonts.read", path + ": out of memory creating the XML parser");
  std::string firstError;
  ctxt->_private = &firstError;
  ctxt->sax->serror = keepFirstParseError;
  Doc doc(xmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()), path.c_str(), nullptr,
                            kParseOptions));
  if (!doc || !firstError.empty()) {
    throw inputError(
        "fonts.parse",
        path + ":" + (firstError.empty() ? "1: not well-formed XML" : firstError) + "; fix the XML");
  }
  if (xmlGetIntSubset(doc.get())) {
    throw inputError("fonts.doctype",
                     path + ":" + std::to_string(lineOfDoctype(text)) +
                         ": a DOCTYPE declaration is not accepted in a font configuration; remove it");
  }
  return doc;
}

struct FirstError {
  std::string file;
  std::string message;
};

void keepFirstError(void* user, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(user);
  if (!first->message.empty() || !error) return;
  const auto* node = static_cast<const xmlNode*>(error->node);
  const std::string element = node && node->name ? reinterpret_cast<const char*>(node->name) : "fonts";
  first->message =
      where(first->file, error->line, element) + ": " + trimmed(error->message ? error->message : "");
}

void validateAgainstSchema(xmlDoc* doc, const std::string& path) {
  const std::string xsd = dataPath("schemas/fonts.xsd");
  SchemaParserCtxt parser(xmlSchemaNewParserCtxt(xsd.c_str()));
  Schema schema(parser ? xmlSchemaParse(parser.get()) : nullptr);
  if (!schema) throw systemError("fonts.schema-missing", xsd + ": cannot load the font configuration schema");
  ValidCtxt valid(xmlSchemaNewValidCtxt(schema.get()));
  FirstError first{path, {}};
  xmlSchemaSetValidStructuredErrors(valid.get(), keepFirstError, &first);
  if (xmlSchemaValidateDoc(valid.get(), doc) != 0) {
    throw inputError("fonts.schema",
                     (first.message.empty() ? path + ": does not match schemas/fonts.xsd" : first.message) +
                         "; see schemas/fonts.xsd");
  }
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
  Doc doc = parseConfigFile(path);
  validateAgainstSchema(doc.get(), path);

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
