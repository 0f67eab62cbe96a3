// Reads a policy file: parsed and validated against schemas/policy.xsd by the shared hardened XML
// stage, then the cross-references the schema cannot express are checked here.

#include <libxml/tree.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "pipeline/core/Error.h"
#include "pipeline/core/LocalTime.h"
#include "pipeline/core/ProtectedPaths.h"
#include "pipeline/core/UtcTime.h"
#include "pipeline/policy/Policy.h"
#include "pipeline/xml/SchemaValidator.h"
#include "pipeline/xml/XmlParser.h"

namespace gongwen::policy {

namespace {

namespace fs = std::filesystem;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)), dir_(fs::path(file_).parent_path()) {}

  [[noreturn]] void fail(const xmlNode* node, const std::string& what) const {
    std::ostringstream message;
    message << file_ << ":" << xmlGetLineNo(node) << ": <" << reinterpret_cast<const char*>(node->name)
            << ">: " << what;
    throw inputError("policy.reference", message.str());
  }

  std::string attribute(const xmlNode* node, const char* name) const {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) {
      return {};
    }
    std::string text(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return text;
  }

  std::vector<std::string> list(const xmlNode* node, const char* name) const {
    std::istringstream words(attribute(node, name));
    std::vector<std::string> items;
    for (std::string word; words >> word;) {
      items.push_back(word);
    }
    return items;
  }

  // xs:boolean: "true" or "1" (the schema gives the default when the attribute is absent).
  bool flag(const xmlNode* node, const char* name) const {
    const std::string value = attribute(node, name);
    return value == "true" || value == "1";
  }

  // An element's text without the line breaks and indentation around it.
  std::string text(const xmlNode* node) const {
    xmlChar* value = xmlNodeGetContent(node);
    std::string content = value == nullptr ? std::string() : reinterpret_cast<const char*>(value);
    xmlFree(value);
    const std::size_t begin = content.find_first_not_of(" \t\r\n");
    const std::size_t end = content.find_last_not_of(" \t\r\n");
    return begin == std::string::npos ? std::string() : content.substr(begin, end - begin + 1);
  }

  // Paths in the policy are relative to its directory.
  std::string path(const xmlNode* node, const char* name) const {
    fs::path value = attribute(node, name);
    return (value.is_absolute() ? value : dir_ / value).lexically_normal().string();
  }

  std::time_t time(const xmlNode* node, const char* name) const {
    std::optional<std::time_t> parsed = parseUtcTime(attribute(node, name));
    if (!parsed) {
      fail(node, std::string("attribute ") + name + " is not a UTC time like 2026-01-31T08:00:00Z");
    }
    return *parsed;
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  fs::path dir_;
};

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, reinterpret_cast<const xmlChar*>(name));
}

std::vector<const xmlNode*> children(const xmlNode* parent, const char* name) {
  std::vector<const xmlNode*> found;
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (named(child, name)) {
      found.push_back(child);
    }
  }
  return found;
}

const xmlNode* child(const xmlNode* parent, const char* name) {
  std::vector<const xmlNode*> found = children(parent, name);
  return found.empty() ? nullptr : found.front();
}

std::vector<Credential> readCredentials(const Reader& reader, const xmlNode* holder) {
  std::vector<Credential> credentials;
  std::set<std::string> ids;
  for (const xmlNode* node : children(holder, "credential")) {
    Credential credential;
    credential.id = reader.attribute(node, "id");
    if (!ids.insert(credential.id).second) {
      reader.fail(node, "credential id '" + credential.id + "' is used twice for the same holder");
    }
    credential.certificatePath = reader.path(node, "certificate");
    std::string pkcs12 = reader.attribute(node, "pkcs12");
    std::string pkcs11 = reader.attribute(node, "pkcs11");
    if (pkcs12.empty() == pkcs11.empty()) {
      reader.fail(node, "give exactly one of pkcs12=\"file\" or pkcs11=\"pkcs11:...\"");
    }
    if (!pkcs12.empty()) {
      credential.key = {KeyReference::Kind::Pkcs12File, reader.path(node, "pkcs12")};
    } else {
      credential.key = {KeyReference::Kind::Pkcs11Uri, pkcs11};
    }
    credentials.push_back(std::move(credential));
  }
  return credentials;
}

Person readPerson(const Reader& reader, const xmlNode* node) {
  Person person;
  person.id = reader.attribute(node, "id");
  person.name = reader.attribute(node, "name");
  person.roles = reader.list(node, "roles");
  person.department = reader.attribute(node, "department");
  person.oversees = reader.list(node, "oversees");
  person.credentials = readCredentials(reader, node);
  return person;
}

Seal readSeal(const Reader& reader, const xmlNode* node, const Policy& policy) {
  Seal seal;
  seal.id = reader.attribute(node, "id");
  seal.name = reader.attribute(node, "name");
  seal.kind = reader.attribute(node, "kind") == "signature" ? Seal::Kind::Signature : Seal::Kind::Organ;
  seal.imagePath = reader.path(node, "image");
  seal.keeperRole = reader.attribute(node, "keeperRole");
  seal.authorisingRoles = reader.list(node, "authorisingRoles");
  seal.credentials = readCredentials(reader, node);
  seal.owner = reader.attribute(node, "owner");
  if (seal.kind == Seal::Kind::Signature) {
    if (seal.owner.empty() || policy.findPerson(seal.owner) == nullptr)
      reader.fail(node, "signature seal '" + seal.id + "' needs owner naming a person in <people>");
    if (policy.signatureSealOf(seal.owner) != nullptr)
      reader.fail(node, "person '" + seal.owner + "' owns two signature seals; keep one");
    if (!seal.credentials.empty() || !seal.keeperRole.empty() || !seal.authorisingRoles.empty())
      reader.fail(node, "signature seal '" + seal.id +
                            "' is pressed and signed by its owner: it takes no credential, keeperRole or "
                            "authorisingRoles");
  } else if (seal.credentials.empty() || seal.keeperRole.empty() || seal.authorisingRoles.empty() ||
             !seal.owner.empty()) {
    reader.fail(node, "seal '" + seal.id +
                          "' needs its credentials, keeperRole and authorisingRoles (owner is for "
                          "kind=\"signature\" only)");
  }
  return seal;
}

Step readStep(const Reader& reader, const xmlNode* node, const Policy& policy, const Chain& chain) {
  Step step;
  step.id = reader.attribute(node, "id");
  step.name = reader.attribute(node, "name");
  step.roles = reader.list(node, "roles");
  step.people = reader.list(node, "people");
  step.optional = reader.flag(node, "optional");
  step.seal = reader.attribute(node, "seal");
  step.authorisedBy = reader.attribute(node, "authorisedBy");
  step.authorisingRoles = reader.list(node, "authorisingRoles");
  step.inChargeOfApplicant = reader.flag(node, "inChargeOfApplicant");
  step.byApplicant = reader.flag(node, "byApplicant");
  step.signatureSeal = reader.flag(node, "signatureSeal");
  if (chain.findStep(step.id) != nullptr) {
    reader.fail(node, "step id '" + step.id + "' is used twice in chain '" + chain.id + "'");
  }
  for (const std::string& personId : step.people) {
    if (policy.findPerson(personId) == nullptr) {
      reader.fail(node, "step '" + step.id + "' names person '" + personId + "' who is not in <people>");
    }
  }
  if (step.seal.empty()) {
    if (step.byApplicant != (step.roles.empty() && step.people.empty())) {
      reader.fail(node, "step '" + step.id +
                            "' must name the roles or people who may give it, or be given "
                            "byApplicant, and not both");
    }
    if (!step.authorisedBy.empty() || !step.authorisingRoles.empty()) {
      reader.fail(node, "authorisedBy/authorisingRoles belong on seal steps only (step '" + step.id + "')");
    }
  } else {
    if (policy.findSeal(step.seal)->kind == Seal::Kind::Signature || step.signatureSeal) {
      reader.fail(node, "seal step '" + step.id +
                            "' names a signature seal, or asks for one: a 签名章 is "
                            "pressed by its owner in his own step (signatureSeal=\"true\")");
    }
    if (step.authorisedBy.empty() || chain.findStep(step.authorisedBy) == nullptr) {
      reader.fail(node, "seal step '" + step.id + "' needs authorisedBy naming an earlier step of chain '" +
                            chain.id + "'");
    }
    if (step.roles.empty() && step.people.empty()) {
      step.roles = {policy.findSeal(step.seal)->keeperRole};
    }
  }
  return step;
}

Chain readChain(const Reader& reader, const xmlNode* node, const Policy& policy) {
  Chain chain;
  chain.id = reader.attribute(node, "id");
  chain.name = reader.attribute(node, "name");
  for (const xmlNode* stepNode : children(node, "step")) {
    chain.steps.push_back(readStep(reader, stepNode, policy, chain));
  }
  return chain;
}

DocumentRule readDocumentRule(const Reader& reader, const xmlNode* node, const Policy& policy) {
  DocumentRule rule;
  rule.templates = reader.list(node, "templates");
  rule.chains = reader.list(node, "chains");
  for (const xmlNode* issuer : children(node, "issuer")) {
    rule.issuers.push_back(reader.text(issuer));
  }
  if (std::find(rule.templates.begin(), rule.templates.end(), kLeaveTemplate) != rule.templates.end()) {
    reader.fail(node,
                "template '" + kLeaveTemplate + "' takes its chain from the <leave> rules, not <documents>");
  }
  for (const std::string& chainId : rule.chains) {
    if (policy.findChain(chainId) == nullptr) {
      reader.fail(node, "rule names unknown chain '" + chainId + "'");
    }
  }
  return rule;
}

LeaveRule readLeaveRule(const Reader& reader, const xmlNode* node) {
  LeaveRule rule;
  rule.kinds = reader.list(node, "kinds");
  rule.applicantRoles = reader.list(node, "applicantRoles");
  if (std::string max = reader.attribute(node, "maxDays"); !max.empty()) {
    rule.maxDays = std::stod(max);
  }
  if (std::string more = reader.attribute(node, "moreThanDays"); !more.empty()) {
    rule.moreThanDays = std::stod(more);
  }
  rule.chain = reader.attribute(node, "chain");
  return rule;
}

Delegation readDelegation(const Reader& reader, const xmlNode* node, const Policy& policy) {
  Delegation delegation;
  delegation.id = reader.attribute(node, "id");
  delegation.principal = reader.attribute(node, "principal");
  delegation.deputy = reader.attribute(node, "deputy");
  delegation.steps = reader.list(node, "steps");
  delegation.chains = reader.list(node, "chains");
  delegation.validFrom = reader.time(node, "from");
  delegation.validUntil = reader.time(node, "until");
  delegation.document = reader.attribute(node, "document");
  delegation.recordedBy = reader.attribute(node, "recordedBy");
  if (delegation.validUntil <= delegation.validFrom) {
    reader.fail(node, "delegation '" + delegation.id + "' ends before it begins");
  }
  if (delegation.principal == delegation.deputy) {
    reader.fail(node, "delegation '" + delegation.id + "' delegates a person to himself");
  }
  for (const std::string& stepId : delegation.steps) {
    bool known = std::any_of(policy.chains.begin(), policy.chains.end(),
                             [&](const Chain& chain) { return chain.findStep(stepId) != nullptr; });
    if (!known) {
      reader.fail(node, "delegation '" + delegation.id + "' names step '" + stepId + "' that no chain has");
    }
  }
  for (const std::string& chainId : delegation.chains) {
    if (policy.findChain(chainId) == nullptr) {
      reader.fail(node, "delegation '" + delegation.id + "' names unknown chain '" + chainId + "'");
    }
  }
  return delegation;
}

LendingRule readLendingRule(const Reader& reader, const xmlNode* node) {
  LendingRule rule;
  rule.id = reader.attribute(node, "id");
  const std::string borrowers = reader.attribute(node, "borrowers");
  rule.borrowers = borrowers == "staff"      ? LendingRule::Borrowers::Staff
                   : borrowers == "outsider" ? LendingRule::Borrowers::Outsider
                                             : LendingRule::Borrowers::Any;
  rule.classifications = reader.list(node, "classifications");
  rule.approverRoles = reader.list(node, "approverRoles");
  rule.inChargeOfBorrower = reader.flag(node, "inChargeOfBorrower");
  rule.readingRoomOnly = reader.flag(node, "readingRoomOnly");
  return rule;
}

// Every file the policy names is an input of the command that loaded it, so that no output replaces
// one; the register's journal and head files are part of the register.
void noteNamedFiles(const Policy& policy) {
  std::vector<std::string> files = policy.trustAnchors;
  files.insert(files.end(), policy.crlFiles.begin(), policy.crlFiles.end());
  for (const char* part : {"", "-wal", "-shm", "-journal", ".head"})
    files.push_back(policy.registerPath + part);
  const auto addCredentials = [&files](const std::vector<Credential>& credentials) {
    for (const Credential& credential : credentials) {
      files.push_back(credential.certificatePath);
      if (!credential.onToken()) files.push_back(credential.key.location);
    }
  };
  for (const Person& person : policy.people) addCredentials(person.credentials);
  for (const Seal& seal : policy.seals) {
    files.push_back(seal.imagePath);
    addCredentials(seal.credentials);
  }
  noteInputs(files);
}

}  // namespace

Policy loadPolicy(const std::string& path) {
  std::string absolute = fs::absolute(path).lexically_normal().string();
  const xml::XmlDocPtr doc = xml::parseXmlFile(absolute, InputKind::Policy);
  xml::validateAgainstSchema(doc.get(), absolute, "schemas/policy.xsd", "policy");

  Reader reader(absolute);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  Policy policy;
  policy.sourceFile = absolute;
  policy.organisation = reader.attribute(root, "organisation");
  if (const std::string zone = reader.attribute(root, "timeZone"); !zone.empty()) {
    if (!isKnownTimeZone(zone)) reader.fail(root, "the timeZone '" + zone + "' is not an IANA time zone");
    policy.timeZone = zone;
  }
  for (const xmlNode* anchor : children(child(root, "trustAnchors"), "anchor")) {
    policy.trustAnchors.push_back(reader.path(anchor, "certificate"));
  }
  policy.registerPath = reader.path(child(root, "register"), "path");
  if (const xmlNode* timestamp = child(root, "timestamp")) {
    policy.timestampUrl = reader.attribute(timestamp, "url");
  }
  if (const xmlNode* revocation = child(root, "revocation")) {
    for (const xmlNode* crl : children(revocation, "crl"))
      policy.crlFiles.push_back(reader.path(crl, "path"));
  }
  for (const xmlNode* node : children(child(root, "people"), "person")) {
    policy.people.push_back(readPerson(reader, node));
  }
  for (const xmlNode* node : children(child(root, "seals"), "seal")) {
    policy.seals.push_back(readSeal(reader, node, policy));
  }
  for (const xmlNode* node : children(child(root, "chains"), "chain")) {
    policy.chains.push_back(readChain(reader, node, policy));
  }
  for (const xmlNode* node : children(child(root, "documents"), "rule")) {
    policy.documentRules.push_back(readDocumentRule(reader, node, policy));
  }
  if (const xmlNode* leave = child(root, "leave")) {
    for (const xmlNode* node : children(leave, "rule")) {
      policy.leaveRules.push_back(readLeaveRule(reader, node));
    }
  }
  if (const xmlNode* delegations = child(root, "delegations")) {
    for (const xmlNode* node : children(delegations, "delegation")) {
      policy.delegations.push_back(readDelegation(reader, node, policy));
    }
  }
  if (const xmlNode* archive = child(root, "archive")) {
    for (const xmlNode* node : children(child(archive, "lending"), "rule")) {
      policy.lendingRules.push_back(readLendingRule(reader, node));
    }
  }
  noteNamedFiles(policy);
  return policy;
}

}  // namespace gongwen::policy
