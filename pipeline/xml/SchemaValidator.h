#pragma once
// Validates a parsed document against one of the shipped XSDs. Each schema is compiled at most once
// per process and shared (a compiled xmlSchema is read-only during validation); a document that
// parseXmlFile read, byte-identical to one found valid before, is not validated again
// (ValidatedDocuments.h).

#include <libxml/tree.h>

#include <string>

namespace gongwen::xml {

// schemaRelative: "schemas/job.xsd" (found through dataPath). On the first violation throws
// Error(InputInvalid, "<codePrefix>.schema") with one line:
// "samples/x.xml:12: element 'titel': not expected here; expected 'title' (see schemas/job.xsd)".
void validateAgainstSchema(xmlDoc* doc, const std::string& file, const std::string& schemaRelative,
                           const std::string& codePrefix);

}  // namespace gongwen::xml
