// PKCS#12 key source: the private key from a password-protected file; its certificate, and the CA
// certificates sent with signatures, from the certificate file the policy names.
//
// Only the key's bag is decrypted, and the file's MAC is not checked. Each of the three is a
// password-based key derivation of thousands of hash iterations (OpenSSL 3 encrypts the
// certificates too); PKCS12_parse, which runs all three, was 47 % of a cold `sign`'s
// instructions. Nothing else in the file is used: the certificate is the policy's own file, and
// the key is used only once it proved to be that certificate's key, so a file changed by someone
// without the password can at worst fail to sign — the MAC would add nothing but a derivation. A
// wrong password, or a key bag altered on disk, fails the decryption, or gives a key that is not
// the certificate's or whose two halves disagree, and is refused.

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/proverr.h>

#include <memory>
#include <optional>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "signing/cms/OpenSslPtr.h"
#include "signing/keys/SigningKeyParts.h"

namespace gongwen::keys {

namespace {

using SafesPtr = std::unique_ptr<STACK_OF(PKCS7), void (*)(STACK_OF(PKCS7)*)>;
using BagsPtr = std::unique_ptr<STACK_OF(PKCS12_SAFEBAG), void (*)(STACK_OF(PKCS12_SAFEBAG)*)>;
using KeyInfoPtr = cms::OpenSslPtr<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>;

void freeSafes(STACK_OF(PKCS7) * safes) { sk_PKCS7_pop_free(safes, PKCS7_free); }
void freeBags(STACK_OF(PKCS12_SAFEBAG) * bags) { sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free); }

// Whether the errors a failed decryption queued say "not this password": the padding did not come
// out, or the plain text is not what it should be. Anything else (an algorithm this OpenSSL lacks)
// is said as it is, in `detail`. Clears the queue.
bool failedForThePassword(std::string& detail) {
  bool wrongPassword = false;
  char text[256] = "no detail from OpenSSL";
  if (const unsigned long first = ERR_peek_error()) ERR_error_string_n(first, text, sizeof text);
  detail = text;
  while (const unsigned long reason = ERR_get_error()) {
    const int library = ERR_GET_LIB(reason);
    const int code = ERR_GET_REASON(reason);
    wrongPassword = wrongPassword || (library == ERR_LIB_PROV && code == PROV_R_BAD_DECRYPT) ||
                    (library == ERR_LIB_EVP && code == EVP_R_BAD_DECRYPT) ||
                    (library == ERR_LIB_PKCS12 &&
                     (code == PKCS12_R_PKCS12_CIPHERFINAL_ERROR || code == PKCS12_R_DECODE_ERROR)) ||
                    library == ERR_LIB_ASN1;
  }
  return wrongPassword;
}

class KeyBagReader {
 public:
  KeyBagReader(const std::string& path, const SecretSource& password) : path_(path), password_(password) {}

  // The first key bag among `bags` and the bags nested in them, or null.
  EVP_PKEY* keyIn(const STACK_OF(PKCS12_SAFEBAG) * bags) {
    for (int i = 0; i < sk_PKCS12_SAFEBAG_num(bags); ++i) {
      const PKCS12_SAFEBAG* bag = sk_PKCS12_SAFEBAG_value(bags, i);
      switch (PKCS12_SAFEBAG_get_nid(bag)) {
        case NID_keyBag:
          return decoded(PKCS12_SAFEBAG_get0_p8inf(bag));
        case NID_pkcs8ShroudedKeyBag:
          return decoded(KeyInfoPtr(decrypted(bag)).get());
        case NID_safeContentsBag:
          if (EVP_PKEY* key = keyIn(PKCS12_SAFEBAG_get0_safes(bag))) return key;
          break;
        default:
          break;
      }
    }
    return nullptr;
  }

  // The contents of an encrypted safe (OpenSSL's default for the certificates; some tools put the
  // key there too).
  BagsPtr decryptedSafe(PKCS7* safe) {
    const std::string& secret = this->secret();
    BagsPtr bags(PKCS12_unpack_p7encdata(safe, secret.data(), static_cast<int>(secret.size())), freeBags);
    if (!bags) refuseDecryption();
    return bags;
  }

 private:
  PKCS8_PRIV_KEY_INFO* decrypted(const PKCS12_SAFEBAG* bag) {
    const std::string& secret = this->secret();
    PKCS8_PRIV_KEY_INFO* info = PKCS12_decrypt_skey(bag, secret.data(), static_cast<int>(secret.size()));
    if (info == nullptr) refuseDecryption();
    return info;
  }

  EVP_PKEY* decoded(const PKCS8_PRIV_KEY_INFO* info) {
    EVP_PKEY* key = info != nullptr ? EVP_PKCS82PKEY(info) : nullptr;
    if (key == nullptr)
      throw inputError("keys.pkcs12", path_ + ": the private key in this PKCS#12 file cannot be read (" +
                                          openSslError() + ")");
    return key;
  }

  // Read when first needed: a file without encrypted bags asks for no password.
  const std::string& secret() {
    if (!secret_) secret_ = password_.read();
    return *secret_;
  }

  [[noreturn]] void refuseDecryption() {
    std::string detail;
    if (failedForThePassword(detail))
      throw inputError("keys.pkcs12-password", path_ + ": wrong password for this PKCS#12 file (from " +
                                                   password_.where() +
                                                   "), or the file is damaged; check the password source");
    throw inputError("keys.pkcs12", path_ + ": cannot decrypt the PKCS#12 contents (" + detail + ")");
  }

  const std::string& path_;
  const SecretSource& password_;
  std::optional<std::string> secret_;
};

// Without the MAC, a key bag damaged on disk can still decode: an EC key carries its public point
// beside its secret, so the one can match the certificate while the other makes signatures that
// verify with nothing. An RSA key needs no check: OpenSSL checks every RSA signature against the
// public key and makes it again from the private exponent when the CRT factors disagree.
bool privateHalfGivesPublicHalf(EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "RSA")) return true;
  const cms::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free> context(EVP_PKEY_CTX_new(key, nullptr));
  const bool consistent = context && EVP_PKEY_pairwise_check(context.get()) == 1;
  ERR_clear_error();
  return consistent;
}

// The key of a PKCS#12 file: from its plain safes first, which cost nothing to open, then from
// its encrypted ones.
EVP_PKEY* privateKeyOf(PKCS12* p12, const std::string& path, const SecretSource& password) {
  SafesPtr safes(PKCS12_unpack_authsafes(p12), freeSafes);
  if (!safes)
    throw inputError("keys.pkcs12", path + ": cannot read the PKCS#12 contents (" + openSslError() +
                                        "); only password integrity is supported");
  KeyBagReader reader(path, password);
  for (int i = 0; i < sk_PKCS7_num(safes.get()); ++i) {
    PKCS7* safe = sk_PKCS7_value(safes.get(), i);
    if (OBJ_obj2nid(safe->type) != NID_pkcs7_data) continue;
    BagsPtr bags(PKCS12_unpack_p7data(safe), freeBags);
    if (!bags)
      throw inputError("keys.pkcs12", path + ": cannot read the PKCS#12 contents (" + openSslError() + ")");
    if (EVP_PKEY* key = reader.keyIn(bags.get())) return key;
  }
  for (int i = 0; i < sk_PKCS7_num(safes.get()); ++i) {
    PKCS7* safe = sk_PKCS7_value(safes.get(), i);
    if (OBJ_obj2nid(safe->type) != NID_pkcs7_encrypted) continue;
    if (EVP_PKEY* key = reader.keyIn(reader.decryptedSafe(safe).get())) return key;
  }
  throw inputError("keys.pkcs12", path + ": the PKCS#12 file holds no private key");
}

}  // namespace

SigningKey loadPkcs12(const std::string& path, const std::string& certificatePath,
                      const SecretSource& password) {
  const std::string bytes = readInput(path, InputKind::KeyStore);
  const auto* cursor = reinterpret_cast<const unsigned char*>(bytes.data());
  cms::Pkcs12Ptr p12(d2i_PKCS12(nullptr, &cursor, static_cast<long>(bytes.size())));
  if (!p12) throw inputError("keys.pkcs12", path + ": not a PKCS#12 file (" + openSslError() + ")");
  auto parts = std::make_unique<SigningKey::Parts>();
  readCertificateFile(certificatePath, *parts);
  parts->key = privateKeyOf(p12.get(), path, password);
  if (!X509_check_private_key(parts->certificate, parts->key)) {
    openSslError();
    throw policyError("policy.certificate-mismatch",
                      path + ": the key in this PKCS#12 file is not the key of " + certificatePath +
                          ", the certificate the policy names");
  }
  if (!privateHalfGivesPublicHalf(parts->key))
    throw inputError("keys.pkcs12", path +
                                        ": the private key in this PKCS#12 file is damaged (its private "
                                        "half is not its public half's); restore the file from its backup");
  return makeSigningKey(std::move(parts));
}

}  // namespace gongwen::keys
