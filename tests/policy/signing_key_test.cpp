#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pkcs12.h>

#include "signing/cms/OpenSslPtr.h"
#include "signing/keys/SigningKey.h"
#include "tests/policy/PolicyTestData.h"

namespace gongwen::testing {
namespace {

using keys::KeyAlgorithm;
using keys::SecretSource;
using keys::SigningKey;

const SecretSource kPassword = SecretSource::fromEnvironment("GONGWEN_TEST_PASSWORD");
const SecretSource kPin = SecretSource::fromEnvironment("GONGWEN_TEST_PIN");
const char* const kModule = "?module-path=/usr/lib/softhsm/libsofthsm2.so";

std::string commonName(X509* certificate) {
  char name[256] = {0};
  X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, name, sizeof name);
  return name;
}

// A real signature with the loaded key, checked against the certificate's public key.
bool signsVerifiably(const SigningKey& key) {
  const std::string data = "江州市生态环境局关于印发制度汇编的通知";
  const cms::EvpMdCtxPtr sign(EVP_MD_CTX_new());
  std::vector<unsigned char> signature(1024);
  size_t length = signature.size();
  if (EVP_DigestSignInit(sign.get(), nullptr, EVP_sha256(), nullptr, key.privateKey()) != 1 ||
      EVP_DigestSign(sign.get(), signature.data(), &length,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    return false;
  }
  const cms::EvpMdCtxPtr verify(EVP_MD_CTX_new());
  return EVP_DigestVerifyInit(verify.get(), nullptr, EVP_sha256(), nullptr,
                              X509_get0_pubkey(key.certificate())) == 1 &&
         EVP_DigestVerify(verify.get(), signature.data(), length,
                          reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

std::string bytesOf(const ASN1_OCTET_STRING* string) {
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(string)),
                     static_cast<std::size_t>(ASN1_STRING_length(string)));
}

// The DER file `der` with one byte of `part` (which it holds once) changed: the `fromEnd`-th from
// the part's end, xor 0xff.
std::string tampered(const std::string& der, const std::string& part, std::size_t fromEnd) {
  const std::size_t at = der.find(part);
  EXPECT_NE(at, std::string::npos);
  EXPECT_EQ(der.find(part, at + 1), std::string::npos) << "the part is in the file once";
  std::string changed = der;
  changed[at + part.size() - fromEnd] ^= '\xff';
  return changed;
}

PKCS12* parsedPkcs12(const std::string& der) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  return d2i_PKCS12(nullptr, &cursor, static_cast<long>(der.size()));
}

// The encrypted contents of the shrouded key bag in a PKCS#12 file's plain safe, where OpenSSL puts it.
std::string encryptedKeyOf(const std::string& der) {
  std::string encrypted;
  PKCS12* p12 = parsedPkcs12(der);
  STACK_OF(PKCS7)* safes = p12 != nullptr ? PKCS12_unpack_authsafes(p12) : nullptr;
  for (int i = 0; i < sk_PKCS7_num(safes); ++i) {
    PKCS7* safe = sk_PKCS7_value(safes, i);
    STACK_OF(PKCS12_SAFEBAG)* bags =
        OBJ_obj2nid(safe->type) == NID_pkcs7_data ? PKCS12_unpack_p7data(safe) : nullptr;
    for (int j = 0; j < sk_PKCS12_SAFEBAG_num(bags); ++j) {
      const PKCS12_SAFEBAG* bag = sk_PKCS12_SAFEBAG_value(bags, j);
      if (PKCS12_SAFEBAG_get_nid(bag) != NID_pkcs8ShroudedKeyBag) continue;
      const ASN1_OCTET_STRING* contents = nullptr;
      X509_SIG_get0(PKCS12_SAFEBAG_get0_pkcs8(bag), nullptr, &contents);
      encrypted = bytesOf(contents);
    }
    sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
  }
  sk_PKCS7_pop_free(safes, PKCS7_free);
  PKCS12_free(p12);
  EXPECT_FALSE(encrypted.empty()) << "no shrouded key bag in the plain safe";
  return encrypted;
}

// The MAC value of a PKCS#12 file.
std::string macOf(const std::string& der) {
  PKCS12* p12 = parsedPkcs12(der);
  const ASN1_OCTET_STRING* mac = nullptr;
  if (p12 != nullptr) PKCS12_get0_mac(&mac, nullptr, nullptr, nullptr, p12);
  std::string value = mac != nullptr ? bytesOf(mac) : "";
  PKCS12_free(p12);
  return value;
}

// A PKCS#12 file holding `key` in a shrouded key bag, as OpenSSL writes one (with its MAC).
std::string pkcs12Holding(EVP_PKEY* key, const std::string& password) {
  STACK_OF(PKCS12_SAFEBAG)* bags = nullptr;
  STACK_OF(PKCS7)* safes = nullptr;
  PKCS12* p12 = nullptr;
  if (PKCS12_add_key(&bags, key, 0, 2048, NID_aes_256_cbc, password.c_str()) != nullptr &&
      PKCS12_add_safe(&safes, bags, -1, 0, nullptr) == 1)
    p12 = PKCS12_add_safes(safes, 0);
  if (p12 != nullptr && PKCS12_set_mac(p12, password.c_str(), -1, nullptr, 0, 2048, EVP_sha256()) != 1) {
    PKCS12_free(p12);
    p12 = nullptr;
  }
  unsigned char* der = nullptr;
  const int length = p12 != nullptr ? i2d_PKCS12(p12, &der) : 0;
  std::string file =
      length > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(length)) : "";
  OPENSSL_free(der);
  PKCS12_free(p12);
  sk_PKCS7_pop_free(safes, PKCS7_free);
  sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
  EXPECT_FALSE(file.empty()) << "test setup: cannot write the PKCS#12 file";
  return file;
}

// `key` (an EC key) with another secret beside the same public point: what a damaged key bag can
// decode to.
EVP_PKEY* withAnotherSecret(EVP_PKEY* key) {
  char group[64] = "";
  std::size_t groupLength = 0;
  unsigned char point[256];
  std::size_t pointLength = 0;
  BIGNUM* secret = nullptr;
  EVP_PKEY* changed = nullptr;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &groupLength) ==
          1 &&
      EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &pointLength) == 1 &&
      EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &secret) == 1 && BN_add_word(secret, 1) == 1) {
    OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_utf8_string(build, OSSL_PKEY_PARAM_GROUP_NAME, group, groupLength);
    OSSL_PARAM_BLD_push_octet_string(build, OSSL_PKEY_PARAM_PUB_KEY, point, pointLength);
    OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_PRIV_KEY, secret);
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(build);
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr);
    if (EVP_PKEY_fromdata_init(context) != 1 ||
        EVP_PKEY_fromdata(context, &changed, EVP_PKEY_KEYPAIR, params) != 1)
      changed = nullptr;
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(build);
  }
  BN_free(secret);
  EXPECT_NE(changed, nullptr) << "test setup: cannot make the changed key";
  return changed;
}

class SigningKeyTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(pki.ok()) << "make-test-pki.sh failed: " << pki.failure(); }
  const TestPki& pki = TestPki::instance();
  std::unique_ptr<FileLock> token = pki.lockToken();
};

TEST_F(SigningKeyTest, Pkcs12WithPasswordFromEnvironmentGivesKeyCertificateAndChain) {
  // The chain is what the certificate file carries after the key's certificate.
  TempDir dir;
  writeFileAtomically(dir.file("with-chain.crt"),
                      readFile(pki.pki("juzhang.crt")) + readFile(pki.pki("root.crt")));
  SigningKey key = keys::loadPkcs12(pki.pki("juzhang.p12"), dir.file("with-chain.crt"), kPassword);
  EXPECT_EQ(key.algorithm(), KeyAlgorithm::Rsa);
  EXPECT_EQ(key.keyBits(), 2048);
  EXPECT_EQ(commonName(key.certificate()), "王建国");
  ASSERT_EQ(sk_X509_num(key.chain()), 1);
  EXPECT_EQ(commonName(sk_X509_value(key.chain(), 0)), "江州市生态环境局测试根CA");
  EXPECT_TRUE(signsVerifiably(key));
  EXPECT_EQ(sk_X509_num(keys::loadPkcs12(pki.pki("juzhang.p12"), pki.pki("juzhang.crt"), kPassword).chain()),
            0);
}

TEST_F(SigningKeyTest, Pkcs12WithPasswordFromFile) {
  SigningKey key = keys::loadPkcs12(pki.pki("shuji.p12"), pki.pki("shuji.crt"),
                                    SecretSource::fromFile(pki.pki("password.txt")));
  EXPECT_EQ(key.algorithm(), KeyAlgorithm::Rsa);
  EXPECT_EQ(key.keyBits(), 3072);
  EXPECT_EQ(commonName(key.certificate()), "李红梅");
}

TEST_F(SigningKeyTest, EcdsaAndSm2KeysAreRecognised) {
  SigningKey ecdsa = keys::loadPkcs12(pki.pki("fenguan-zhang.p12"), pki.pki("fenguan-zhang.crt"), kPassword);
  EXPECT_EQ(ecdsa.algorithm(), KeyAlgorithm::Ecdsa);
  EXPECT_EQ(ecdsa.keyBits(), 256);
  EXPECT_TRUE(signsVerifiably(ecdsa));
  SigningKey sm2 =
      keys::loadPkcs12(pki.pki("fenguan-zhang-sm2.p12"), pki.pki("fenguan-zhang-sm2.crt"), kPassword);
  EXPECT_EQ(sm2.algorithm(), KeyAlgorithm::Sm2);
  EXPECT_STREQ(keys::toString(sm2.algorithm()), "SM2");
}

TEST_F(SigningKeyTest, WrongPasswordIsAClearError) {
  TempDir dir;
  writeFileAtomically(dir.file("wrong.txt"), "not-the-password\n");
  std::string message;
  EXPECT_EQ(errorCode(
                [&] {
                  keys::loadPkcs12(pki.pki("juzhang.p12"), pki.pki("juzhang.crt"),
                                   SecretSource::fromFile(dir.file("wrong.txt")));
                },
                &message),
            "keys.pkcs12-password");
  EXPECT_NE(message.find("wrong password"), std::string::npos) << message;
  EXPECT_NE(message.find("juzhang.p12"), std::string::npos) << message;
  EXPECT_EQ(message.find("not-the-password"), std::string::npos) << "the secret never appears in a message";
}

TEST_F(SigningKeyTest, MissingPasswordSourceIsAUsageError) {
  EXPECT_EQ(errorCode([&] {
              keys::loadPkcs12(pki.pki("juzhang.p12"), pki.pki("juzhang.crt"),
                               SecretSource::fromEnvironment("GONGWEN_TEST_UNSET_VARIABLE"));
            }),
            "keys.secret-missing");
  EXPECT_EQ(errorCode([&] {
              keys::loadPkcs12(pki.pki("juzhang.p12"), pki.pki("juzhang.crt"),
                               SecretSource::fromFile(pki.pki("absent")));
            }),
            "io.read");
}

TEST_F(SigningKeyTest, NotAPkcs12FileIsRefused) {
  EXPECT_EQ(errorCode([&] { keys::loadPkcs12(pki.pki("root.crt"), pki.pki("juzhang.crt"), kPassword); }),
            "keys.pkcs12");
}

TEST_F(SigningKeyTest, KeyGeneratedInsideTheTokenSignsThroughThePkcs11Engine) {
  SigningKey rsa = keys::loadPkcs11(std::string("pkcs11:token=gongwen;object=juzhang") + kModule,
                                    pki.pki("juzhang-token.crt"), SecretSource::fromFile(pki.pki("pin.txt")));
  EXPECT_EQ(rsa.algorithm(), KeyAlgorithm::Rsa);
  EXPECT_EQ(commonName(rsa.certificate()), "王建国");
  EXPECT_TRUE(signsVerifiably(rsa));
  SigningKey ec = keys::loadPkcs11(std::string("pkcs11:token=gongwen;object=bangong") + kModule,
                                   pki.pki("bangong-token.crt"), kPin);
  EXPECT_EQ(ec.algorithm(), KeyAlgorithm::Ecdsa);
  EXPECT_TRUE(signsVerifiably(ec));
}

TEST_F(SigningKeyTest, TokenCredentialOfThePolicyLoads) {
  policy::Policy bureau = policy::loadPolicy(pki.policyPath());
  const policy::Credential& token =
      policy::selectCredential(bureau.findSeal("party-seal")->credentials, "token", "党组公章");
  SigningKey key = keys::loadSigningKey(token, kPin);
  EXPECT_EQ(commonName(key.certificate()), "中共江州市生态环境局党组");
  EXPECT_TRUE(signsVerifiably(key));
  SigningKey software = keys::loadSigningKey(bureau.findPerson("guzhang")->credentials.front(), kPassword);
  EXPECT_EQ(commonName(software.certificate()), "周文斌");
}

TEST_F(SigningKeyTest, WrongPinIsAClearError) {
  TempDir dir;
  writeFileAtomically(dir.file("pin"), "999999\n");
  std::string message;
  EXPECT_EQ(errorCode(
                [&] {
                  // A token no other test logs into: a token once logged into stays so for the process.
                  keys::loadPkcs11(std::string("pkcs11:token=gongwen-pin-test;object=pin-test") + kModule,
                                   pki.pki("shuji-token.crt"), SecretSource::fromFile(dir.file("pin")));
                },
                &message),
            "keys.pkcs11-pin");
  EXPECT_NE(message.find("refused the PIN"), std::string::npos) << message;
}

TEST_F(SigningKeyTest, MissingTokenObjectOrForeignCertificateIsRefused) {
  EXPECT_EQ(errorCode([&] {
              keys::loadPkcs11(std::string("pkcs11:token=gongwen;object=nobody") + kModule,
                               pki.pki("shuji-token.crt"), kPin);
            }),
            "keys.pkcs11");
  EXPECT_EQ(errorCode([&] {
              keys::loadPkcs11(std::string("pkcs11:token=gongwen;object=shuji") + kModule,
                               pki.pki("juzhang-token.crt"), kPin);
            }),
            "keys.certificate-mismatch");
}

TEST_F(SigningKeyTest, CertificateOutsideItsValidityIsRefusedByPolicy) {
  std::time_t now = std::time(nullptr);
  SigningKey expired =
      keys::loadPkcs12(pki.pki("bangong-expired.p12"), pki.pki("bangong-expired.crt"), kPassword);
  std::string message;
  EXPECT_EQ(errorCode([&] { keys::checkCertificateValidity(expired.certificate(), now, "陈静"); }, &message),
            "policy.certificate-validity");
  EXPECT_NE(message.find("expired"), std::string::npos) << message;
  EXPECT_NE(message.find("陈静"), std::string::npos) << message;
  SigningKey early =
      keys::loadPkcs12(pki.pki("bangong-not-yet-valid.p12"), pki.pki("bangong-not-yet-valid.crt"), kPassword);
  EXPECT_EQ(errorCode([&] { keys::checkCertificateValidity(early.certificate(), now, "陈静"); }, &message),
            "policy.certificate-validity");
  EXPECT_NE(message.find("not yet valid"), std::string::npos) << message;
  SigningKey valid = keys::loadPkcs12(pki.pki("bangong.p12"), pki.pki("bangong.crt"), kPassword);
  EXPECT_NO_THROW(keys::checkCertificateValidity(valid.certificate(), now, "陈静"));
  EXPECT_EQ(errorCode([&] {
              keys::checkCertificateValidity(valid.certificate(), now + 20L * 365 * 86400, "陈静");
            }),
            "policy.certificate-validity");
}

TEST_F(SigningKeyTest, MovedKeyKeepsOwnership) {
  SigningKey first = keys::loadPkcs12(pki.pki("dangan.p12"), pki.pki("dangan.crt"), kPassword);
  SigningKey second = std::move(first);
  EXPECT_EQ(commonName(second.certificate()), "林芳");
  EXPECT_TRUE(signsVerifiably(second));
}

TEST_F(SigningKeyTest, CertificateComesFromTheCertificateFileAndMustBeTheKeys) {
  // shuji's key with juzhang's certificate: the file the policy names decides, and refuses.
  std::string message;
  EXPECT_EQ(
      errorCode([&] { keys::loadPkcs12(pki.pki("shuji.p12"), pki.pki("juzhang.crt"), kPassword); }, &message),
      "policy.certificate-mismatch");
  EXPECT_NE(message.find("juzhang.crt"), std::string::npos) << message;
  EXPECT_EQ(errorCode([&] { keys::loadPkcs12(pki.pki("shuji.p12"), pki.pki("shuji.p12"), kPassword); }),
            "keys.certificate");
}

TEST_F(SigningKeyTest, TheFilesMacIsNotNeededTheKeyIsCheckedAgainstTheCertificate) {
  // The MAC guards nothing the signer uses: the key is checked against the policy's certificate.
  TempDir dir;
  const std::string original = readFile(pki.pki("bangong.p12"));
  writeFileAtomically(dir.file("other-mac.p12"), tampered(original, macOf(original), 1));
  SigningKey key = keys::loadPkcs12(dir.file("other-mac.p12"), pki.pki("bangong.crt"), kPassword);
  EXPECT_TRUE(signsVerifiably(key));
}

TEST_F(SigningKeyTest, TamperedKeyBagIsRefusedAsAWrongPasswordOrADamagedFile) {
  TempDir dir;
  const std::string original = readFile(pki.pki("bangong.p12"));
  // The last byte of the last-but-one cipher block: it changes the padding's last byte, which no
  // longer decrypts.
  writeFileAtomically(dir.file("tampered.p12"), tampered(original, encryptedKeyOf(original), 17));
  std::string message;
  EXPECT_EQ(errorCode([&] { keys::loadPkcs12(dir.file("tampered.p12"), pki.pki("bangong.crt"), kPassword); },
                      &message),
            "keys.pkcs12-password");
  EXPECT_NE(message.find("wrong password"), std::string::npos) << message;
  EXPECT_NE(message.find("damaged"), std::string::npos) << message;
}

TEST_F(SigningKeyTest, KeyWhosePrivateHalfIsNotItsPublicHalfIsRefused) {
  // Before, this key passed the certificate check and made signatures that verify with nothing.
  TempDir dir;
  const std::string password = kPassword.read();
  for (const char* name : {"bangong", "bangong-sm2"}) {
    SigningKey good =
        keys::loadPkcs12(pki.pki(std::string(name) + ".p12"), pki.pki(std::string(name) + ".crt"), kPassword);
    EVP_PKEY* damaged = withAnotherSecret(good.privateKey());
    ASSERT_NE(damaged, nullptr);
    writeFileAtomically(dir.file(std::string(name) + "-damaged.p12"), pkcs12Holding(damaged, password));
    writeFileAtomically(dir.file(std::string(name) + "-intact.p12"),
                        pkcs12Holding(good.privateKey(), password));
    EVP_PKEY_free(damaged);
    std::string message;
    EXPECT_EQ(errorCode(
                  [&] {
                    keys::loadPkcs12(dir.file(std::string(name) + "-damaged.p12"),
                                     pki.pki(std::string(name) + ".crt"), kPassword);
                  },
                  &message),
              "keys.pkcs12")
        << name;
    EXPECT_NE(message.find("damaged"), std::string::npos) << message;
    EXPECT_NO_THROW(keys::loadPkcs12(dir.file(std::string(name) + "-intact.p12"),
                                     pki.pki(std::string(name) + ".crt"), kPassword))
        << name;
  }
}

TEST_F(SigningKeyTest, KeyInAnEncryptedSafeIsFound) {
  // Some tools put the key with the certificates into the encrypted safe.
  SigningKey source = keys::loadPkcs12(pki.pki("bangong.p12"), pki.pki("bangong.crt"), kPassword);
  const std::string password = kPassword.read();
  STACK_OF(PKCS12_SAFEBAG)* bags = nullptr;
  ASSERT_NE(PKCS12_add_key(&bags, source.privateKey(), 0, 0, -1, nullptr), nullptr);
  STACK_OF(PKCS7)* safes = nullptr;
  ASSERT_EQ(PKCS12_add_safe(&safes, bags, NID_aes_256_cbc, 2048, password.c_str()), 1);
  PKCS12* p12 = PKCS12_add_safes(safes, 0);
  ASSERT_NE(p12, nullptr);
  unsigned char* der = nullptr;
  const int length = i2d_PKCS12(p12, &der);
  TempDir dir;
  writeFileAtomically(dir.file("key-in-encrypted-safe.p12"),
                      std::string(reinterpret_cast<char*>(der), length));
  OPENSSL_free(der);
  PKCS12_free(p12);
  sk_PKCS7_pop_free(safes, PKCS7_free);
  sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
  SigningKey key = keys::loadPkcs12(dir.file("key-in-encrypted-safe.p12"), pki.pki("bangong.crt"), kPassword);
  EXPECT_TRUE(signsVerifiably(key));
  writeFileAtomically(dir.file("wrong.txt"), "not-the-password\n");
  EXPECT_EQ(errorCode([&] {
              keys::loadPkcs12(dir.file("key-in-encrypted-safe.p12"), pki.pki("bangong.crt"),
                               SecretSource::fromFile(dir.file("wrong.txt")));
            }),
            "keys.pkcs12-password");
}

}  // namespace
}  // namespace gongwen::testing
