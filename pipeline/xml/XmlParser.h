#pragma once
// Parses an XML input (job, template, font configuration, policy) with libxml2 hardened against hostile input: no network, no
// entity substitution, no DTD loading, and any DOCTYPE refused before its internal subset is
// read, so that no external entity can ever be fetched.

#include <libxml/tree.h>

#include <memory>
#include <string>

namespace gongwen::xml {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// `codePrefix` names the kind of file ("job", "template", "fonts", "policy"): errors are "<prefix>.xml" (malformed, with file:line) and
// "<prefix>.doctype"; an unreadable file is Error(System, "io.read").
XmlDocPtr parseXmlFile(const std::string& path, const std::string& codePrefix);

}  // namespace gongwen::xml
