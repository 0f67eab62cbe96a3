#include "pipeline/xml/SchemaValidator.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <climits>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "pipeline/core/DataDir.h"
#include "pipeline/core/Error.h"
#include "pipeline/core/ProtectedPaths.h"
#include "pipeline/core/Sha256.h"
#include "pipeline/xml/ValidatedDocuments.h"
#include "pipeline/xml/XmlErrorText.h"
#include "pipeline/xml/XmlParser.h"

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

// A shipped schema is one file (no xs:include or xs:import), compiled from memory: the bytes hashed
// for the cache of passes are all that the verdict depends on.
struct Schema {
  std::string path;
  std::string bytes;   // what is compiled
  std::string digest;  // their SHA-256, for the cache of passes
  SchemaPtr compiled;
};

Schema readSchema(const std::string& schemaRelative) {
  Schema schema;
  schema.path = dataPath(schemaRelative);
  noteInput(schema.path);
  std::ifstream in(schema.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().size() > static_cast<size_t>(INT_MAX)) {
    throw systemError(
        "schema.load",
        schema.path + ": cannot read the shipped schema; check GONGWEN_DATA_DIR or the installation");
  }
  schema.bytes = bytes.str();
  schema.digest = sha256Hex(schema.bytes);
  return schema;
}

void compile(Schema& schema) {
  FirstError first;
  std::unique_ptr<xmlSchemaParserCtxt, SchemaParserCtxtFree> parser(
      xmlSchemaNewMemParserCtxt(schema.bytes.data(), static_cast<int>(schema.bytes.size())));
  if (!parser) throw systemError("io.memory", schema.path + ": cannot create a schema parser");
  xmlSchemaSetParserStructuredErrors(parser.get(), keepFirstError, &first);
  schema.compiled.reset(xmlSchemaParse(parser.get()));
  if (!schema.compiled) {
    throw systemError("schema.load", schema.path + ":" + std::to_string(first.line) +
                                         ": cannot load the shipped schema: " + oneLine(first.message) +
                                         "; check GONGWEN_DATA_DIR or the installation");
  }
}

// Read once per process, and compiled only when a document needs validating; the map keeps them
// until exit.
Schema& cachedSchema(const std::string& schemaRelative, bool compiled) {
  static std::mutex mutex;
  static std::map<std::string, Schema> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(schemaRelative);
  if (found == cache.end()) found = cache.emplace(schemaRelative, readSchema(schemaRelative)).first;
  if (compiled && !found->second.compiled) compile(found->second);
  return found->second;
}

}  // namespace

void validateAgainstSchema(xmlDoc* doc, const std::string& file, const std::string& schemaRelative,
                           const std::string& codePrefix) {
  std::string cacheEntry;
  if (const std::string* digest = parsedBytesDigest(doc)) {
    cacheEntry = validationEntryName(schemaRelative, cachedSchema(schemaRelative, false).digest, *digest);
    if (wasFoundValid(cacheEntry)) return;
  }
  xmlSchema* schema = cachedSchema(schemaRelative, true).compiled.get();
  std::unique_ptr<xmlSchemaValidCtxt, SchemaValidCtxtFree> validator(xmlSchemaNewValidCtxt(schema));
  if (!validator) throw systemError("io.memory", file + ": cannot create a schema validator");
  FirstError first;
  xmlSchemaSetValidStructuredErrors(validator.get(), keepFirstError, &first);
  const int result = xmlSchemaValidateDoc(validator.get(), doc);
  if (result == 0) {
    if (!cacheEntry.empty()) rememberFoundValid(cacheEntry);
    return;
  }
  const std::string problem =
      first.message.empty() ? "does not match the schema" : describeSchemaError(first.message);
  throw inputError(codePrefix + ".schema", file + ":" + std::to_string(first.line) + ": " + problem +
                                               " (see " + schemaRelative + ")");
}

}  // namespace gongwen::xml
