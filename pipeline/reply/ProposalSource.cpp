#include "pipeline/reply/ProposalSource.h"

#include <libxml/tree.h>

#include <cctype>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "pipeline/job/XmlNodes.h"
#include "pipeline/reply/Csv.h"
#include "pipeline/xml/SchemaValidator.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::reply {
namespace {

bool namedXml(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".xml";
}

std::string joined(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) out += (out.empty() ? "" : ",") + f;
  return out;
}

std::vector<ProposalRecord> fromCsv(const std::string& path) {
  const std::vector<CsvRecord> csv = parseCsv(readInput(path, InputKind::Proposals), path);
  if (csv.empty() || joined(csv.front().fields) != proposalsHeader()) {
    throw inputError("proposals.header", path + ":1: the first row must be exactly the header " +
                                             proposalsHeader() + " (found " +
                                             (csv.empty() ? "an empty file" : joined(csv.front().fields)) +
                                             "); export the register with these columns in this order");
  }
  std::vector<ProposalRecord> records;
  for (std::size_t i = 1; i < csv.size(); ++i) {
    // An empty line (a blank line left at the end by an editor) holds no proposal; it still counts
    // as a row, as a spreadsheet shows it.
    if (csv[i].fields.size() == 1 && csv[i].fields.front().empty()) continue;
    ProposalRecord record;
    record.row = static_cast<int>(i) + 1;
    record.line = csv[i].line;
    record.fieldCount = csv[i].fields.size();
    for (std::size_t c = 0; c < kColumnCount && c < csv[i].fields.size(); ++c) {
      record.fields[c] = csv[i].fields[c];
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::string contentOf(const xmlNode* element) {
  xmlChar* content = xmlNodeGetContent(element);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

std::vector<ProposalRecord> fromXml(const std::string& path) {
  xml::XmlDocPtr doc = xml::parseXmlFile(path, InputKind::Proposals);
  xml::validateAgainstSchema(doc.get(), path, "schemas/proposals.xsd", "proposals");
  std::vector<ProposalRecord> records;
  for (const xmlNode* proposal : job::childElements(xmlDocGetRootElement(doc.get()))) {
    ProposalRecord record;
    record.row = static_cast<int>(records.size()) + 2;
    record.line = static_cast<int>(xmlGetLineNo(proposal));
    // The schema fixes the elements and their order: the i-th child is the i-th column.
    const std::vector<xmlNode*> fields = job::childElements(proposal);
    for (std::size_t c = 0; c < kColumnCount; ++c) record.fields[c] = contentOf(fields.at(c));
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

std::string proposalsHeader() {
  std::string header;
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    header += (c ? "," : "") + std::string(columnName(static_cast<Column>(c)));
  }
  return header;
}

std::vector<ProposalRecord> readProposals(const std::string& path) {
  return namedXml(path) ? fromXml(path) : fromCsv(path);
}

}  // namespace gongwen::reply
