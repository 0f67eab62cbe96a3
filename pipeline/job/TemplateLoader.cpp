// job::loadTemplate: templates/<id>.xml validated against schemas/template.xsd, cached per process.

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "pipeline/core/DataDir.h"
#include "pipeline/core/Error.h"
#include "pipeline/job/JobLoader.h"
#include "pipeline/job/XmlNodes.h"
#include "pipeline/xml/SchemaValidator.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::job {
namespace {

namespace fs = std::filesystem;

// Ids are file names under templates/: keep them to a safe alphabet so that an id can never
// reach outside that folder.
bool isWellFormedId(const std::string& id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string knownTemplateIds() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dataPath("templates"), ec)) {
    if (entry.path().extension() == ".xml") ids.push_back(entry.path().stem().string());
  }
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "(none found)" : out;
}

model::LayoutFormat formatFrom(const std::string& value) {
  if (value == "letter") return model::LayoutFormat::Letter;
  if (value == "minutes") return model::LayoutFormat::Minutes;
  if (value == "decree") return model::LayoutFormat::Decree;
  if (value == "form") return model::LayoutFormat::Form;
  return model::LayoutFormat::General;
}

model::Direction directionFrom(const std::string& value) {
  if (value == "up") return model::Direction::Up;
  if (value == "across") return model::Direction::Across;
  return model::Direction::Down;
}

bool booleanFrom(const std::string& value) { return value == "true" || value == "1"; }

model::Template readTemplate(const std::string& id, const std::string& path) {
  xml::XmlDocPtr doc = xml::parseXmlFile(path, InputKind::Template);
  xml::validateAgainstSchema(doc.get(), path, "schemas/template.xsd", "template");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  model::Template t;
  t.id = attributeValue(root, "id");
  t.sourceFile = path;
  if (t.id != id) {
    throw inputError("template.id", path + ":" + std::to_string(xmlGetLineNo(root)) +
                                        ": the template's id '" + t.id + "' does not match its file name '" +
                                        id + ".xml'; make them the same");
  }
  for (const xmlNode* field : childElements(root)) {
    const std::string name = nameOf(field);
    const std::string value = elementText(field, path).value;
    if (name == "kindName") t.kindName = value;
    if (name == "format") t.format = formatFrom(value);
    if (name == "direction") t.direction = directionFrom(value);
    if (name == "markSuffix") t.markSuffix = value;
    if (name == "signerRequired") t.signerRequired = booleanFrom(value);
    if (name == "singleMainRecipient") t.singleMainRecipient = booleanFrom(value);
    if (name == "sealed") t.sealed = booleanFrom(value);
    if (name == "signatureBlock") t.signatureBlock = booleanFrom(value);
  }
  return t;
}

}  // namespace

model::Template loadTemplate(const std::string& id) {
  static std::mutex mutex;
  static std::map<std::string, model::Template> cache;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    const auto found = cache.find(id);
    if (found != cache.end()) return found->second;
  }
  const std::string path = dataPath("templates/" + id + ".xml");
  std::error_code ec;
  if (!isWellFormedId(id) || !fs::is_regular_file(path, ec)) {
    throw inputError("template.unknown", "unknown template '" + id + "'; use one of: " + knownTemplateIds());
  }
  model::Template t = readTemplate(id, path);
  const std::lock_guard<std::mutex> lock(mutex);
  return cache.emplace(id, std::move(t)).first->second;
}

}  // namespace gongwen::job
