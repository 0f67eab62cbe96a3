#pragma once
// data/metadata.xml of a bag: the DA/T 46 elements that apply to a signed 公文, validated against
// schemas/archive-metadata.xsd before it is written.

#include <string>
#include <vector>

#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

struct MetadataSource {
  const DocumentRecord* record = nullptr;  // the registry entry (id, number, title, signatures …)
  std::string archivingUnit;               // 立档单位名称: the policy's organisation
  std::vector<std::string> issuers;        // 责任者: the issuing organs, or the sender of an incoming one
  std::string pdfVersion;
  std::string pdfFileName;              // the PDF's name in the bag
  std::string chain;                    // the approval chain's id, '' for incoming documents
  std::vector<std::string> stepNames;   // per signature: the step's name (局长签发 …)
  std::vector<std::string> algorithms;  // per signature: e.g. "RSA-2048 with SHA-256"
};

// The XML text. Throws Error(InputInvalid, "archive-metadata.schema") when it does not validate,
// which names the element: a document whose metadata cannot be described is not archived.
std::string metadataXml(const MetadataSource& source);

}  // namespace gongwen::archive
