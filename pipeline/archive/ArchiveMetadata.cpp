#include "pipeline/archive/ArchiveMetadata.h"

#include <libxml/tree.h>

#include <memory>

#include "pipeline/xml/SchemaValidator.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::archive {

namespace {

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

xmlNode* child(xmlNode* parent, const char* name) { return xmlNewChild(parent, nullptr, x(name), nullptr); }

// Text is escaped by libxml2 (xmlNewTextChild), never pasted into markup.
void leaf(xmlNode* parent, const char* name, const std::string& value) {
  xmlNewTextChild(parent, nullptr, x(name), x(value.c_str()));
}

void optionalLeaf(xmlNode* parent, const char* name, const std::string& value) {
  if (!value.empty()) leaf(parent, name, value);
}

void businessEntity(xmlNode* root, const std::string& action, const std::string& time,
                    const std::string& basis, const std::string& description) {
  xmlNode* entity = child(root, "业务实体");
  leaf(entity, "业务行为", action);
  leaf(entity, "行为时间", time);
  optionalLeaf(entity, "行为依据", basis);
  leaf(entity, "行为描述", description);
}

// 密级★保密期限 as the renderer writes it (model::classificationLine).
std::pair<std::string, std::string> splitClassification(const std::string& line) {
  const std::string star = "\u2605";
  const std::size_t at = line.find(star);
  if (at == std::string::npos) return {line, ""};
  return {line.substr(0, at), line.substr(at + star.size())};
}

void describeContent(xmlNode* root, const MetadataSource& source) {
  const DocumentRecord& d = *source.record;
  xmlNode* content = child(root, "内容描述");
  leaf(content, "题名", d.title);
  optionalLeaf(content, "文件编号", d.number);
  for (const std::string& issuer : source.issuers) leaf(content, "责任者", issuer);
  optionalLeaf(content, "日期", d.date);
  optionalLeaf(content, "文种", d.kind);
  optionalLeaf(content, "紧急程度", d.urgency);
  const auto [level, period] = splitClassification(d.classification);
  optionalLeaf(content, "密级", level);
  optionalLeaf(content, "保密期限", period);
}

void describeEncoding(xmlNode* root, const MetadataSource& source) {
  const DocumentRecord& d = *source.record;
  xmlNode* encoding = child(child(child(child(root, "文件数据"), "文档"), "文档数据"), "编码");
  xmlNode* properties = child(encoding, "电子属性");
  leaf(properties, "格式名称", "PDF");
  leaf(properties, "格式版本", source.pdfVersion);
  leaf(properties, "MIME类型", "application/pdf");
  leaf(properties, "计算机文件名", source.pdfFileName);
  leaf(properties, "计算机文件大小", std::to_string(d.pdfSize));
  leaf(properties, "文档创建程序", "gongwen");
  xmlNode* digest = xmlNewTextChild(properties, nullptr, x("杂凑值"), x(d.pdfSha256.c_str()));
  xmlNewProp(digest, x("算法"), x("SHA-256"));
  for (std::size_t i = 0; i < d.signatures.size(); ++i) {
    const SignatureRecord& s = d.signatures[i];
    xmlNode* signature = child(encoding, "电子签名");
    leaf(signature, "签名规则", "PDF signature (ETSI.CAdES.detached), GB/T 9704 approval step " + s.step);
    leaf(signature, "签名时间", s.signedAt);
    leaf(signature, "签名人", s.personName.empty() ? s.subject : s.personName);
    leaf(signature, "签名结果", "有效");
    leaf(signature, "证书引证", s.subject);
    leaf(signature, "签名算法标识", source.algorithms.at(i));
  }
}

}  // namespace

std::string metadataXml(const MetadataSource& source) {
  const DocumentRecord& d = *source.record;
  xml::XmlDocPtr doc(xmlNewDoc(x("1.0")));
  xmlNode* root = xmlNewNode(nullptr, x("文件实体"));
  xmlDocSetRootElement(doc.get(), root);
  xmlNewProp(root, x("方案"), x("DA/T 46-2009"));
  leaf(root, "聚合层次", "件");
  leaf(child(root, "来源"), "立档单位名称", source.archivingUnit);
  leaf(root, "电子文件号", d.id);
  xmlNode* reference = child(root, "档号");
  leaf(reference, "年度", d.ingestedAt.substr(0, 4));
  leaf(reference, "室编件号", std::to_string(d.sequence));
  describeContent(root, source);
  xmlNode* form = child(root, "形式特征");
  leaf(form, "件数", "1");
  leaf(form, "页数", std::to_string(d.pages));
  leaf(form, "语种", "汉语");
  leaf(form, "稿本", "正本");
  optionalLeaf(root, "附注", d.copyNumber.empty() ? "" : "份号 " + d.copyNumber);
  describeEncoding(root, source);
  for (std::size_t i = 0; i < d.signatures.size(); ++i) {
    const SignatureRecord& s = d.signatures[i];
    const std::string who =
        s.personName.empty() ? s.subject : s.personName + (s.role.empty() ? "" : "（" + s.role + "）");
    businessEntity(root, source.stepNames.at(i).empty() ? s.step : source.stepNames[i], s.signedAt,
                   source.chain, who + (s.actingFor.empty() ? "" : "，代 " + s.actingFor));
  }
  if (d.incomingEntry) {
    const IncomingRecord& in = *d.incomingEntry;
    businessEntity(
        root, "收文登记", in.receivedAt, "",
        "来文机关 " + in.sender + "，分送 " + in.routedTo + (in.urgency.empty() ? "" : "，" + in.urgency));
  }
  businessEntity(root, "归档", d.ingestedAt, "",
                 "gongwen archive ingest：验证通过后归档，原件一份、副本两份");

  xml::validateAgainstSchema(doc.get(), "data/metadata.xml of " + d.id, "schemas/archive-metadata.xsd",
                             "archive-metadata");
  xmlChar* text = nullptr;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(doc.get(), &text, &size, "UTF-8", 1);
  const std::string xmlText(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
  xmlFree(text);
  return xmlText;
}

}  // namespace gongwen::archive
