#pragma once
// The keys of a keyring, each loaded once per run (one prompt per credential at most) and shared by
// the worker threads. A key that cannot be loaded (wrong password, missing file, refused PIN) is not
// fatal to the run: its error is kept and given to every document that needs that key.

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "pipeline/batch/Keyring.h"
#include "pipeline/core/Error.h"

namespace gongwen::batch {

class KeyringKeys {
 public:
  explicit KeyringKeys(const Keyring& keyring) : keyring_(keyring) {}

  // Loads every key now, so that prompts come before any document is worked on.
  void loadAll();

  // The entry's key; throws the error its loading gave.
  const keys::SigningKey& key(const KeyringEntry& entry);

  // Held while signing with a token key: the PKCS#11 engine's sessions are not shared by threads.
  std::unique_lock<std::mutex> lockForSigning(const KeyringEntry& entry);

 private:
  struct Loaded {
    std::optional<keys::SigningKey> key;
    std::optional<Error> error;
  };
  const Loaded& load(const KeyringEntry& entry);

  const Keyring& keyring_;
  std::mutex mutex_;
  std::mutex tokenMutex_;
  std::map<std::string, Loaded> loaded_;
};

}  // namespace gongwen::batch
