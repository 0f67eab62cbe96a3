#pragma once
// Parses a job or template file with libxml2 hardened against hostile input: no network, no
// entity substitution, no DTD loading, and any DOCTYPE refused before its internal subset is
// read, so that no external entity can ever be fetched.

#include <libxml/tree.h>

#include <memory>
#include <string>

namespace gongwen::job {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// `codePrefix` is "job" or "template": errors are "<prefix>.xml" (malformed, with file:line) and
// "<prefix>.doctype"; an unreadable file is Error(System, "io.read").
XmlDocPtr parseXmlFile(const std::string& path, const std::string& codePrefix);

}  // namespace gongwen::job
