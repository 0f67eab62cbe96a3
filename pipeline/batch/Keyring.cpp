#include "pipeline/batch/Keyring.h"

#include <libxml/tree.h>

#include <filesystem>
#include <set>

#include "pipeline/core/Error.h"
#include "pipeline/xml/SchemaValidator.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::batch {

namespace {

namespace fs = std::filesystem;

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

const xmlNode* firstElement(const xmlNode* parent) {
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next)
    if (child->type == XML_ELEMENT_NODE) return child;
  return nullptr;
}

[[noreturn]] void fail(const std::string& file, const xmlNode* node, const std::string& what) {
  throw inputError("keyring.reference", file + ":" + std::to_string(xmlGetLineNo(node)) + ": <key>: " + what);
}

keys::SecretSource secretOf(const xmlNode* secret, const fs::path& dir, const std::string& label) {
  const std::string kind = reinterpret_cast<const char*>(secret->name);
  if (kind == "secretFile") {
    const fs::path path = attribute(secret, "path");
    return keys::SecretSource::fromFile((path.is_absolute() ? path : dir / path).lexically_normal().string());
  }
  if (kind == "secretEnv") return keys::SecretSource::fromEnvironment(attribute(secret, "variable"));
  return keys::SecretSource::prompt(label);
}

}  // namespace

const KeyringEntry* Keyring::find(const std::string& holder) const {
  for (const KeyringEntry& entry : entries)
    if (entry.holder == holder) return &entry;
  return nullptr;
}

Keyring loadKeyring(const std::string& path, const policy::Policy& policy) {
  const xml::XmlDocPtr doc = xml::parseXmlFile(path, InputKind::Keyring);
  xml::validateAgainstSchema(doc.get(), path, "schemas/keyring.xsd", "keyring");
  Keyring keyring;
  keyring.sourceFile = path;
  const fs::path dir = fs::path(path).parent_path();
  std::set<std::string> holders;
  for (const xmlNode* node = xmlDocGetRootElement(doc.get())->children; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string person = attribute(node, "person");
    const std::string sealId = attribute(node, "seal");
    if (person.empty() == sealId.empty())
      fail(path, node, "give exactly one of person=\"ID\" and seal=\"ID\"");
    KeyringEntry entry;
    entry.seal = !sealId.empty();
    entry.holder = entry.seal ? sealId : person;
    const std::vector<policy::Credential>* credentials = nullptr;
    if (entry.seal) {
      const policy::Seal* seal = policy.findSeal(sealId);
      if (seal == nullptr)
        fail(path, node, "the policy " + policy.sourceFile + " has no seal '" + sealId + "'");
      entry.holderName = seal->name + " (" + seal->id + ")";
      credentials = &seal->credentials;
    } else {
      const policy::Person* who = policy.findPerson(person);
      if (who == nullptr)
        fail(path, node, "the policy " + policy.sourceFile + " has no person '" + person + "'");
      entry.holderName = who->name + " (" + who->id + ")";
      credentials = &who->credentials;
    }
    if (!holders.insert(entry.holder).second)
      fail(path, node, entry.holder + " is given twice; a run signs for each holder with one credential");
    try {
      entry.credential =
          &policy::selectCredential(*credentials, attribute(node, "credential"), entry.holderName);
    } catch (const Error& unknown) {
      fail(path, node, unknown.what());
    }
    const std::string what = entry.credential->onToken() ? " 的令牌 PIN" : " 的证书口令";
    entry.secret = secretOf(firstElement(node), dir, entry.holderName + what);
    keyring.entries.push_back(std::move(entry));
  }
  return keyring;
}

}  // namespace gongwen::batch
