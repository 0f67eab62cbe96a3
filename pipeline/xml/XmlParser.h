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
  void operator()(xmlDoc* doc) const;
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// `kind` is Job, Template, FontConfig, Policy or Proposals: errors are "job.xml", "template.xml",
// "fonts.xml", "policy.xml", "proposals.xml" (malformed, with file:line) and "<…>.doctype"; reading
// fails as readInput does.
XmlDocPtr parseXmlFile(const std::string& path, InputKind kind);

// The libxml2 options parseXmlFile parses with: a document's tree, so its validity, follows from its
// bytes and these.
int xmlParseOptions();

// The SHA-256 of the bytes parseXmlFile read `doc` from (kept in the document's application slot
// until the XmlDocPtr frees it), or null for a document built in memory. It stands for the tree
// only while nobody has changed it: validate a parsed document before touching it.
const std::string* parsedBytesDigest(const xmlDoc* doc);

}  // namespace gongwen::xml
