// job::loadJob: parse (hardened), validate against schemas/job.xsd, map every element onto the
// document model, merge the template.

#include "pipeline/job/JobLoader.h"

#include "pipeline/core/Error.h"
#include "pipeline/job/FormJobs.h"
#include "pipeline/job/XmlNodes.h"
#include "pipeline/xml/SchemaValidator.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::job {
namespace {

model::BlockKind blockKindOf(const std::string& name) {
  if (name == "h1") return model::BlockKind::Heading1;
  if (name == "h2") return model::BlockKind::Heading2;
  if (name == "h3") return model::BlockKind::Heading3;
  if (name == "h4") return model::BlockKind::Heading4;
  return model::BlockKind::Paragraph;
}

bool isBlock(const std::string& name) { return name == "p" || (name.size() == 2 && name[0] == 'h'); }

// Reads the element's h1–h4 and p children in order.
std::vector<model::Block> blocksOf(const xmlNode* parent, const std::string& file) {
  std::vector<model::Block> blocks;
  for (const xmlNode* child : childElements(parent)) {
    const std::string name = nameOf(child);
    if (isBlock(name)) blocks.push_back({blockKindOf(name), elementText(child, file)});
  }
  return blocks;
}

model::Attachment attachmentOf(const xmlNode* element, const std::string& file) {
  model::Attachment attachment;
  for (const xmlNode* child : childElements(element)) {
    if (nameOf(child) == "title") attachment.title = elementText(child, file);
  }
  attachment.blocks = blocksOf(element, file);
  return attachment;
}

model::Template templateFor(const xmlNode* root, const std::string& file) {
  const std::string id = attributeValue(root, "template");
  try {
    return loadTemplate(id);
  } catch (const Error& e) {
    if (e.code() != "template.unknown") throw;
    throw inputError("template.unknown", file + ":" + std::to_string(xmlGetLineNo(root)) +
                                             ": attribute 'template' of element 'job': " + e.what());
  }
}

void readElement(const xmlNode* element, const std::string& file, model::Document& doc) {
  const std::string name = nameOf(element);
  if (name == "copyNumber") {
    doc.copyNumber = elementText(element, file);
  } else if (name == "classification") {
    doc.classification =
        model::Classification{attributeText(element, "level", file), attributeText(element, "period", file)};
  } else if (name == "urgency") {
    doc.urgency = elementText(element, file);
  } else if (name == "handlingClass") {
    doc.handlingClass = elementText(element, file);
  } else if (name == "issuer") {
    doc.issuers.push_back(elementText(element, file));
  } else if (name == "docNumber") {
    doc.docNumber = elementText(element, file);
  } else if (name == "signer") {
    doc.signers.push_back(elementText(element, file));
  } else if (name == "title") {
    doc.title = elementText(element, file);
  } else if (name == "mainRecipients") {
    doc.mainRecipients = elementText(element, file);
  } else if (name == "body") {
    doc.body = blocksOf(element, file);
  } else if (name == "attachment") {
    doc.attachments.push_back(attachmentOf(element, file));
  } else if (name == "attendance") {
    doc.attendance.push_back({attributeText(element, "label", file), elementText(element, file)});
  } else if (name == "signatory") {
    doc.signatories.push_back({elementText(element, file), attributeText(element, "seal", file)});
  } else if (name == "date") {
    doc.date = elementText(element, file);
  } else if (name == "note") {
    doc.note = elementText(element, file);
  } else if (name == "copiesTo") {
    doc.copiesTo = elementText(element, file);
  } else if (name == "printer") {
    doc.printer = elementText(element, file);
  } else if (name == "printDate") {
    doc.printDate = elementText(element, file);
  } else if (name == "leave") {
    doc.leave = readLeaveRequest(element, file);
  } else if (name == "voucher") {
    doc.voucher = readVoucher(element, file);
  }
}

// The schema lets the job's content be a 公文, a <leave> or a <voucher>; the template must be the
// one made for it, and every job but a leave request names its chain.
void checkContentFitsTemplate(const xmlNode* root, const std::string& file, const model::Document& doc) {
  const bool form = doc.leave || doc.voucher;
  const std::string expected = doc.leave ? "leave" : doc.voucher ? "voucher" : "";
  const std::string where = file + ":" + std::to_string(xmlGetLineNo(root)) + ": element 'job': ";
  if (form ? doc.tmpl.id != expected : doc.tmpl.format == model::LayoutFormat::Form) {
    throw inputError("job.form-template",
                     where + "template '" + doc.tmpl.id + "' does not fit the job's content; " +
                         (form ? "a <" + expected + "> job uses template=\"" + expected + "\""
                               : "a form template needs a <leave> or <voucher> content"));
  }
  if (!doc.leave && doc.approvalChain.empty()) {
    throw inputError("job.approval-chain",
                     where + "attribute 'approvalChain' is required for a " + doc.tmpl.id +
                         " job; name the policy chain it goes through (see schemas/job.xsd)");
  }
}

}  // namespace

model::Document loadJob(const std::string& path) {
  xml::XmlDocPtr xml = xml::parseXmlFile(path, InputKind::Job);
  xml::validateAgainstSchema(xml.get(), path, "schemas/job.xsd", "job");
  const xmlNode* root = xmlDocGetRootElement(xml.get());

  model::Document doc;
  doc.sourceFile = path;
  doc.tmpl = templateFor(root, path);
  doc.approvalChain = attributeValue(root, "approvalChain");
  for (const xmlNode* element : childElements(root)) readElement(element, path, doc);
  checkContentFitsTemplate(root, path, doc);
  return doc;
}

}  // namespace gongwen::job
