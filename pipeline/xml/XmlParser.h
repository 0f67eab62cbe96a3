#pragma once
// Parses an XML input (job, template, font configuration, policy) with libxml2 hardened against hostile
// input: no network, no entity substitution, no DTD loading, and any DOCTYPE refused before its internal
// subset is read, so that no external entity can ever be fetched.

#include <libxml/tree.h>

#include <memory>
#include <string>

#include "pipeline/core/InputFile.h"

namespace gongwen::xml {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// `kind` is Job, Template, FontConfig, Policy or Proposals: errors are "job.xml", "template.xml",
// "fonts.xml", "policy.xml", "proposals.xml" (malformed, with file:line) and "<…>.doctype"; reading
// fails as readInput does.
XmlDocPtr parseXmlFile(const std::string& path, InputKind kind);

}  // namespace gongwen::xml
