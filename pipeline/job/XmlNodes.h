#pragma once
// Reading values out of a schema-validated document: element and attribute texts with the file,
// line and XPath they came from, and child iteration in document order.

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "pipeline/model/Document.h"

namespace gongwen::job {

// The element's name as UTF-8 ("title").
std::string nameOf(const xmlNode* element);

// Element children in document order (text, comments and processing instructions skipped).
std::vector<xmlNode*> childElements(const xmlNode* parent);

// The element's XPath, e.g. /job/body/p[3].
std::string xpathOf(const xmlNode* element);

// The element's folded text content, located at the element.
model::Text elementText(const xmlNode* element, const std::string& file);

// An attribute's folded value located at its element (xpath .../@name); empty Text with the
// location filled when the attribute is absent.
model::Text attributeText(const xmlNode* element, const char* attribute, const std::string& file);

// The raw attribute value, or `fallback` when absent.
std::string attributeValue(const xmlNode* element, const char* attribute, const std::string& fallback = {});

}  // namespace gongwen::job
