#pragma once
// Reads a job XML: validates it against schemas/job.xsd (libxml2, no network, no external
// entities), merges it with its template (templates/<id>.xml, validated against
// schemas/template.xsd) and returns the document model.

#include <string>

#include "pipeline/model/Document.h"

namespace gongwen::job {

// Throws Error(InputInvalid, "job.schema" / "job.xml" / "template.*") with one message naming the
// file, the line and the element, and what to do; Error(System, "io.read") when unreadable.
model::Document loadJob(const std::string& path);

// Loads one template by id from the data directory's templates/ folder.
model::Template loadTemplate(const std::string& id);

}  // namespace gongwen::job
