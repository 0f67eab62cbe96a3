#define OPENSSL_SUPPRESS_DEPRECATED  // ENGINE_finish/ENGINE_free: the pkcs11 engine is an ENGINE

#include "signing/keys/SigningKey.h"

#include <openssl/err.h>

#include <new>

#include "pipeline/core/Error.h"
#include "signing/cms/PemCertificates.h"
#include "signing/keys/SigningKeyParts.h"

namespace gongwen::keys {

SigningKey::Parts::~Parts() {
  EVP_PKEY_free(key);
  X509_free(certificate);
  sk_X509_pop_free(chain, X509_free);
  if (engine != nullptr) {
    ENGINE_finish(engine);
    ENGINE_free(engine);
  }
}

SigningKey::SigningKey(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {
  if (parts_->chain == nullptr) {
    parts_->chain = sk_X509_new_null();
  }
}
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey makeSigningKey(std::unique_ptr<SigningKey::Parts> parts) { return SigningKey(std::move(parts)); }

EVP_PKEY* SigningKey::privateKey() const { return parts_->key; }
X509* SigningKey::certificate() const { return parts_->certificate; }
STACK_OF(X509) * SigningKey::chain() const { return parts_->chain; }
int SigningKey::keyBits() const { return EVP_PKEY_get_bits(parts_->key); }

KeyAlgorithm SigningKey::algorithm() const {
  EVP_PKEY* key = parts_->key;
  if (EVP_PKEY_is_a(key, "RSA")) {
    return KeyAlgorithm::Rsa;
  }
  if (EVP_PKEY_is_a(key, "SM2")) {
    return KeyAlgorithm::Sm2;
  }
  // OpenSSL may load an SM2 key as a plain EC key on the SM2 curve.
  char group[64] = {0};
  size_t length = 0;
  if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1 && std::string(group) == "SM2") {
    return KeyAlgorithm::Sm2;
  }
  return KeyAlgorithm::Ecdsa;
}

const char* toString(KeyAlgorithm algorithm) {
  switch (algorithm) {
    case KeyAlgorithm::Rsa:
      return "RSA";
    case KeyAlgorithm::Ecdsa:
      return "ECDSA";
    case KeyAlgorithm::Sm2:
      return "SM2";
  }
  return "?";
}

void readCertificateFile(const std::string& path, SigningKey::Parts& parts) {
  std::vector<cms::X509Ptr> certificates = cms::readPemCertificates(path);
  if (certificates.empty()) throw inputError("keys.certificate", path + ": not a PEM certificate");
  parts.certificate = certificates.front().release();
  parts.chain = sk_X509_new_null();
  for (size_t i = 1; i < certificates.size(); ++i) {
    if (parts.chain == nullptr || sk_X509_push(parts.chain, certificates[i].get()) <= 0)
      throw std::bad_alloc();
    certificates[i].release();
  }
}

std::string openSslError() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) {
    return "no detail from OpenSSL";
  }
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

SigningKey loadSigningKey(const policy::Credential& credential, const SecretSource& secret) {
  if (credential.onToken()) {
    return loadPkcs11(credential.key.location, credential.certificatePath, secret);
  }
  return loadPkcs12(credential.key.location, credential.certificatePath, secret);
}

}  // namespace gongwen::keys
