#pragma once
// Key sources for signing: a key in a PKCS#12 file or on a PKCS#11 token (pkcs11: URI, through
// OpenSSL's pkcs11 engine), its certificate in the file the policy names. RSA-2048/3072, ECDSA
// P-256 and SM2.
// Passwords and PINs come from an environment variable, a file or a terminal prompt — never argv.
//
// Contract for signing (S):
//   auto secret = keys::SecretSource::fromEnvironment("GONGWEN_PASSWORD");  // from --password-env
//   keys::SigningKey key = keys::loadSigningKey(authorisation.credentials->front(), secret);
//   keys::checkCertificateValidity(key.certificate(), now, person.name);  // throws before signing
//   key.privateKey(), key.certificate(), key.chain() are owned by `key` (do not free).

#include <ctime>
#include <memory>
#include <string>

#include <openssl/x509.h>

#include "pipeline/policy/Policy.h"

namespace gongwen::keys {

// Where a password or PIN comes from. Reading it never echoes and never logs it.
class SecretSource {
 public:
  enum class Kind { Environment, File, Prompt };
  static SecretSource fromEnvironment(std::string variable) {
    return {Kind::Environment, std::move(variable)};
  }
  static SecretSource fromFile(std::string path) { return {Kind::File, std::move(path)}; }
  // Asks on /dev/tty with echo off; `label` says what is asked for (e.g. 王建国 的证书口令).
  static SecretSource prompt(std::string label) { return {Kind::Prompt, std::move(label)}; }

  Kind kind() const { return kind_; }
  const std::string& where() const { return where_; }

  // The secret. A file's trailing newline is dropped. Throws Error(Usage, "keys.secret-missing")
  // for an unset variable, Error(System, "io.read") for an unreadable file, and
  // Error(Usage, "keys.secret-prompt") when there is no terminal to ask on.
  std::string read() const;

 private:
  SecretSource(Kind kind, std::string where) : kind_(kind), where_(std::move(where)) {}
  Kind kind_;
  std::string where_;
};

enum class KeyAlgorithm { Rsa, Ecdsa, Sm2 };
const char* toString(KeyAlgorithm algorithm);  // "RSA", "ECDSA", "SM2"

// A loaded private key with its certificate and the CA certificates that came with it. Owns
// everything it hands out; movable, not copyable.
class SigningKey {
 public:
  SigningKey(SigningKey&&) noexcept;
  SigningKey& operator=(SigningKey&&) noexcept;
  ~SigningKey();

  EVP_PKEY* privateKey() const;
  X509* certificate() const;
  STACK_OF(X509) * chain() const;  // never null; may be empty
  KeyAlgorithm algorithm() const;
  int keyBits() const;  // 2048, 3072, 256

  // Internal: what a key owns, defined in SigningKeyParts.h for the key sources.
  struct Parts;

 private:
  explicit SigningKey(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
  friend SigningKey makeSigningKey(std::unique_ptr<Parts> parts);
};

// Loads the key of a PKCS#12 file, with its certificate and the CA certificates to send along from
// `certificatePath` (PEM: the key's certificate first), the file the policy names; the PKCS#12
// file's own certificates are not read. Throws Error(InputInvalid, "keys.pkcs12-password") for a
// wrong password or a damaged key, "keys.pkcs12" for an unreadable or keyless file,
// "keys.certificate" for a certificate file without a certificate, and Error(PolicyRefused,
// "policy.certificate-mismatch") when the key is not the certificate's.
SigningKey loadPkcs12(const std::string& path, const std::string& certificatePath,
                      const SecretSource& password);

// Loads the key named by a pkcs11: URI through the pkcs11 engine, with its certificate and the CA
// certificates to send along from a PEM file (the key's certificate first). The URI may carry the
// module as a query attribute ("?module-path=/usr/lib/softhsm/libsofthsm2.so"); without one the
// engine's default module is used. Throws Error(InputInvalid, "keys.pkcs11-pin") for a refused PIN,
// "keys.pkcs11" for a missing engine, token or key, and "keys.certificate-mismatch" when the
// certificate is not the key's.
// Known limit: the engine keeps a token logged in for the rest of the process once a PIN was
// accepted, so a later load from the same token in the same process does not re-check the PIN.
SigningKey loadPkcs11(const std::string& uri, const std::string& certificatePath, const SecretSource& pin);

// Dispatches on the credential's key kind.
SigningKey loadSigningKey(const policy::Credential& credential, const SecretSource& secret);

// Throws Error(PolicyRefused, "policy.certificate-validity") when `at` is before notBefore or after
// notAfter, naming the holder and the validity period.
void checkCertificateValidity(X509* certificate, std::time_t at, const std::string& holder);

}  // namespace gongwen::keys
