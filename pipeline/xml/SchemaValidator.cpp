#include "pipeline/xml/SchemaValidator.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <map>
#include <memory>
#include <mutex>

#include "pipeline/core/DataDir.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"
#include "pipeline/xml/XmlErrorText.h"

namespace gongwen::xml {
namespace {

struct SchemaFree {
  void operator()(xmlSchema* schema) const { xmlSchemaFree(schema); }
};
struct SchemaParserCtxtFree {
  void operator()(xmlSchemaParserCtxt* ctxt) const { xmlSchemaFreeParserCtxt(ctxt); }
};
struct SchemaValidCtxtFree {
  void operator()(xmlSchemaValidCtxt* ctxt) const { xmlSchemaFreeValidCtxt(ctxt); }
};
using SchemaPtr = std::unique_ptr<xmlSchema, SchemaFree>;

struct FirstError {
  int line = 0;
  std::string message;
};

void keepFirstError(void* userData, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(userData);
  if (error->level < XML_ERR_ERROR || !first->message.empty()) return;
  first->message = error->message ? error->message : "invalid";
  first->line =
      error->node ? static_cast<int>(xmlGetLineNo(static_cast<xmlNode*>(error->node))) : error->line;
}

SchemaPtr compileSchema(const std::string& schemaRelative) {
  const std::string path = dataPath(schemaRelative);
  noteInput(path);
  FirstError first;
  std::unique_ptr<xmlSchemaParserCtxt, SchemaParserCtxtFree> parser(xmlSchemaNewParserCtxt(path.c_str()));
  if (!parser) throw systemError("io.memory", path + ": cannot create a schema parser");
  xmlSchemaSetParserStructuredErrors(parser.get(), keepFirstError, &first);
  SchemaPtr schema(xmlSchemaParse(parser.get()));
  if (!schema) {
    throw systemError("schema.load", path + ":" + std::to_string(first.line) +
                                         ": cannot load the shipped schema: " + oneLine(first.message) +
                                         "; check GONGWEN_DATA_DIR or the installation");
  }
  return schema;
}

// Compiled once per process; the map keeps them until exit.
xmlSchema* cachedSchema(const std::string& schemaRelative) {
  static std::mutex mutex;
  static std::map<std::string, SchemaPtr> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[schemaRelative];
  if (!slot) slot = compileSchema(schemaRelative);
  return slot.get();
}

}  // namespace

void validateAgainstSchema(xmlDoc* doc, const std::string& file, const std::string& schemaRelative,
                           const std::string& codePrefix) {
  xmlSchema* schema = cachedSchema(schemaRelative);
  std::unique_ptr<xmlSchemaValidCtxt, SchemaValidCtxtFree> validator(xmlSchemaNewValidCtxt(schema));
  if (!validator) throw systemError("io.memory", file + ": cannot create a schema validator");
  FirstError first;
  xmlSchemaSetValidStructuredErrors(validator.get(), keepFirstError, &first);
  const int result = xmlSchemaValidateDoc(validator.get(), doc);
  if (result == 0) return;
  const std::string problem =
      first.message.empty() ? "does not match the schema" : describeSchemaError(first.message);
  throw inputError(codePrefix + ".schema", file + ":" + std::to_string(first.line) + ": " + problem +
                                               " (see " + schemaRelative + ")");
}

}  // namespace gongwen::xml
