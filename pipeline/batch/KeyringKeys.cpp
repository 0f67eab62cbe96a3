#include "pipeline/batch/KeyringKeys.h"

namespace gongwen::batch {

const KeyringKeys::Loaded& KeyringKeys::load(const KeyringEntry& entry) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto [slot, fresh] = loaded_.try_emplace(entry.holder);
  if (!fresh) return slot->second;
  try {
    slot->second.key.emplace(keys::loadSigningKey(*entry.credential, entry.secret));
  } catch (const Error& error) {
    slot->second.error =
        Error(error.exitCode(), error.code(),
              keyring_.sourceFile + ": the key of " + entry.holderName + ": " + error.what());
  }
  return slot->second;
}

void KeyringKeys::loadAll() {
  for (const KeyringEntry& entry : keyring_.entries) load(entry);
}

const keys::SigningKey& KeyringKeys::key(const KeyringEntry& entry) {
  const Loaded& loaded = load(entry);
  if (loaded.error) throw *loaded.error;
  return *loaded.key;
}

std::unique_lock<std::mutex> KeyringKeys::lockForSigning(const KeyringEntry& entry) {
  if (!entry.credential->onToken()) return {};
  return std::unique_lock<std::mutex>(tokenMutex_);
}

}  // namespace gongwen::batch
