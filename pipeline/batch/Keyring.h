#pragma once
// The keyring of a batch run (schemas/keyring.xsd): which people and seals of the policy this run
// may sign for, with which of their credentials, and where each password or PIN comes from. The
// keys themselves are loaded by KeyringKeys, once per credential per run.

#include <string>
#include <vector>

#include "pipeline/policy/Policy.h"
#include "signing/keys/SigningKey.h"

namespace gongwen::batch {

struct KeyringEntry {
  std::string holder;  // the person's or seal's id
  bool seal = false;
  std::string holderName;  // "王建国 (juzhang)", "行政公章 (administrative-seal)"
  const policy::Credential* credential = nullptr;  // the policy's credential it names (the first when none)
  keys::SecretSource secret = keys::SecretSource::prompt("");
};

struct Keyring {
  std::string sourceFile;
  std::vector<KeyringEntry> entries;
  // The entry for this person or seal id; null when the keyring does not hold it.
  const KeyringEntry* find(const std::string& holder) const;
};

// Reads and validates a keyring against `policy`. Secret files are resolved relative to the keyring
// file's directory. Throws Error(InputInvalid, "keyring.xml" / "keyring.schema" / "keyring.doctype")
// naming file and line, and Error(InputInvalid, "keyring.reference") for a person, seal or
// credential the policy does not have, a key naming both or neither of person and seal, or a holder
// given twice.
Keyring loadKeyring(const std::string& path, const policy::Policy& policy);

}  // namespace gongwen::batch
