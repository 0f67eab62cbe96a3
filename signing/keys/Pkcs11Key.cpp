// PKCS#11 key source: a key on a token, named by a pkcs11: URI (RFC 7512), loaded through OpenSSL's
// pkcs11 engine (libp11); the certificate comes from a file and must match the key.

#define OPENSSL_SUPPRESS_DEPRECATED  // the pkcs11 engine is only available through the ENGINE API

#include <openssl/engine.h>
#include <openssl/err.h>

#include "pipeline/core/Error.h"
#include "signing/keys/SigningKeyParts.h"

namespace gongwen::keys {

namespace {

// The engine understands the path attributes; the module comes from the query "module-path".
struct Pkcs11Uri {
  std::string path;
  std::string modulePath;
};

Pkcs11Uri splitUri(const std::string& uri) {
  Pkcs11Uri parts;
  std::size_t query = uri.find('?');
  parts.path = uri.substr(0, query);
  if (query != std::string::npos) {
    std::string rest = uri.substr(query + 1);
    for (std::size_t start = 0; start <= rest.size();) {
      std::size_t end = rest.find('&', start);
      std::string attribute = rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (attribute.rfind("module-path=", 0) == 0) {
        parts.modulePath = attribute.substr(12);
      }
      if (end == std::string::npos) {
        break;
      }
      start = end + 1;
    }
  }
  return parts;
}

ENGINE* startEngine(const std::string& uri, const std::string& modulePath, const std::string& pin) {
  ENGINE* engine = ENGINE_by_id("pkcs11");
  if (engine == nullptr) {
    throw inputError("keys.pkcs11", uri + ": OpenSSL's pkcs11 engine is not available (" + openSslError() +
                                        "); install libengine-pkcs11-openssl");
  }
  bool configured =
      (modulePath.empty() || ENGINE_ctrl_cmd_string(engine, "MODULE_PATH", modulePath.c_str(), 0)) &&
      ENGINE_ctrl_cmd_string(engine, "PIN", pin.c_str(), 0);
  if (!configured || !ENGINE_init(engine)) {
    ENGINE_free(engine);
    throw inputError("keys.pkcs11", uri + ": cannot start the pkcs11 engine with module '" + modulePath +
                                        "' (" + openSslError() + ")");
  }
  return engine;
}

// Every queued OpenSSL error, oldest first (the engine queues the module's reason below its own).
std::string drainedErrors() {
  std::string reasons;
  while (unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    reasons += (reasons.empty() ? "" : "; ") + std::string(text);
  }
  return reasons.empty() ? "no detail from OpenSSL" : reasons;
}

}  // namespace

SigningKey loadPkcs11(const std::string& uri, const std::string& certificatePath, const SecretSource& pin) {
  Pkcs11Uri parsed = splitUri(uri);
  auto parts = std::make_unique<SigningKey::Parts>();
  readCertificateFile(certificatePath, *parts);
  parts->engine = startEngine(uri, parsed.modulePath, pin.read());
  parts->key = ENGINE_load_private_key(parts->engine, parsed.path.c_str(), nullptr, nullptr);
  if (parts->key == nullptr) {
    std::string reasons = drainedErrors();
    // The module's own reason (CKR_PIN_INCORRECT, CKR_PIN_LOCKED …) reaches the queue as text.
    if (reasons.find("PIN") != std::string::npos) {
      throw inputError("keys.pkcs11-pin", uri + ": the token refused the PIN (from " + pin.where() +
                                              "): " + reasons + "; check the PIN source");
    }
    throw inputError("keys.pkcs11", uri + ": cannot load the key (" + reasons +
                                        "); check token= and object=, and SOFTHSM2_CONF for SoftHSM");
  }
  if (!X509_check_private_key(parts->certificate, parts->key)) {
    openSslError();
    throw inputError("keys.certificate-mismatch",
                     certificatePath + ": this certificate is not the one of the token key " + uri);
  }
  return makeSigningKey(std::move(parts));
}

}  // namespace gongwen::keys
