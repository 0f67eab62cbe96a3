#pragma once
// What a SigningKey owns, shared by the key sources in this folder (not part of the API).

#include <openssl/engine.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "signing/keys/SigningKey.h"

namespace gongwen::keys {

struct SigningKey::Parts {
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509) * chain = nullptr;
  // A token key is usable only while the engine that loaded it is initialised.
  ENGINE* engine = nullptr;
  ~Parts();
};

// A SigningKey from parts already checked by the source; takes ownership.
SigningKey makeSigningKey(std::unique_ptr<SigningKey::Parts> parts);

// Reads a credential's certificate file into `parts`: the key's certificate first, then the CA
// certificates that signatures carry for a verifier to link it to its anchor. Throws
// Error(InputInvalid, "keys.certificate") for a file without a certificate.
void readCertificateFile(const std::string& path, SigningKey::Parts& parts);

// The last OpenSSL error as text (and clears the queue), for messages.
std::string openSslError();

}  // namespace gongwen::keys
