// PKCS#12 key source: key + certificate + CA chain from one password-protected file.

#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "signing/cms/OpenSslPtr.h"
#include "signing/keys/SigningKeyParts.h"

namespace gongwen::keys {

SigningKey loadPkcs12(const std::string& path, const SecretSource& password) {
  std::string bytes = readInput(path, InputKind::KeyStore);
  const auto* cursor = reinterpret_cast<const unsigned char*>(bytes.data());
  const cms::Pkcs12Ptr p12(d2i_PKCS12(nullptr, &cursor, static_cast<long>(bytes.size())));
  if (!p12) {
    throw inputError("keys.pkcs12", path + ": not a PKCS#12 file (" + openSslError() + ")");
  }
  std::string secret = password.read();
  auto parts = std::make_unique<SigningKey::Parts>();
  // PKCS12_parse checks the MAC itself; checking it first as well cost a cold `sign` 7 % more
  // (the MAC key is derived by thousands of hash iterations). Its failure still says which it was.
  if (!PKCS12_parse(p12.get(), secret.c_str(), &parts->key, &parts->certificate, &parts->chain)) {
    const unsigned long reason = ERR_peek_last_error();
    const std::string detail = openSslError();
    if (ERR_GET_LIB(reason) == ERR_LIB_PKCS12 && ERR_GET_REASON(reason) == PKCS12_R_MAC_VERIFY_FAILURE) {
      throw inputError("keys.pkcs12-password", path + ": wrong password for this PKCS#12 file (from " +
                                                   password.where() + "); check the password source");
    }
    throw inputError("keys.pkcs12", path + ": cannot read the PKCS#12 contents (" + detail + ")");
  }
  if (parts->key == nullptr || parts->certificate == nullptr) {
    throw inputError("keys.pkcs12", path + ": the PKCS#12 file must hold a private key and its certificate");
  }
  if (!X509_check_private_key(parts->certificate, parts->key)) {
    openSslError();
    throw inputError("keys.certificate-mismatch",
                     path + ": the certificate in this PKCS#12 file is not the key's");
  }
  return makeSigningKey(std::move(parts));
}

}  // namespace gongwen::keys
