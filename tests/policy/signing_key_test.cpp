#include <gtest/gtest.h>
#include <openssl/evp.h>

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

class SigningKeyTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(pki.ok()) << "make-test-pki.sh failed: " << pki.failure(); }
  const TestPki& pki = TestPki::instance();
  std::unique_ptr<FileLock> token = pki.lockToken();
};

TEST_F(SigningKeyTest, Pkcs12WithPasswordFromEnvironmentGivesKeyCertificateAndChain) {
  SigningKey key = keys::loadPkcs12(pki.pki("juzhang.p12"), kPassword);
  EXPECT_EQ(key.algorithm(), KeyAlgorithm::Rsa);
  EXPECT_EQ(key.keyBits(), 2048);
  EXPECT_EQ(commonName(key.certificate()), "王建国");
  ASSERT_EQ(sk_X509_num(key.chain()), 1);
  EXPECT_EQ(commonName(sk_X509_value(key.chain(), 0)), "江州市生态环境局测试根CA");
  EXPECT_TRUE(signsVerifiably(key));
}

TEST_F(SigningKeyTest, Pkcs12WithPasswordFromFile) {
  SigningKey key = keys::loadPkcs12(pki.pki("shuji.p12"), SecretSource::fromFile(pki.pki("password.txt")));
  EXPECT_EQ(key.algorithm(), KeyAlgorithm::Rsa);
  EXPECT_EQ(key.keyBits(), 3072);
  EXPECT_EQ(commonName(key.certificate()), "李红梅");
}

TEST_F(SigningKeyTest, EcdsaAndSm2KeysAreRecognised) {
  SigningKey ecdsa = keys::loadPkcs12(pki.pki("fenguan-zhang.p12"), kPassword);
  EXPECT_EQ(ecdsa.algorithm(), KeyAlgorithm::Ecdsa);
  EXPECT_EQ(ecdsa.keyBits(), 256);
  EXPECT_TRUE(signsVerifiably(ecdsa));
  SigningKey sm2 = keys::loadPkcs12(pki.pki("fenguan-zhang-sm2.p12"), kPassword);
  EXPECT_EQ(sm2.algorithm(), KeyAlgorithm::Sm2);
  EXPECT_STREQ(keys::toString(sm2.algorithm()), "SM2");
}

TEST_F(SigningKeyTest, WrongPasswordIsAClearError) {
  TempDir dir;
  writeFileAtomically(dir.file("wrong.txt"), "not-the-password\n");
  std::string message;
  EXPECT_EQ(
      errorCode(
          [&] { keys::loadPkcs12(pki.pki("juzhang.p12"), SecretSource::fromFile(dir.file("wrong.txt"))); },
          &message),
      "keys.pkcs12-password");
  EXPECT_NE(message.find("wrong password"), std::string::npos) << message;
  EXPECT_NE(message.find("juzhang.p12"), std::string::npos) << message;
  EXPECT_EQ(message.find("not-the-password"), std::string::npos) << "the secret never appears in a message";
}

TEST_F(SigningKeyTest, MissingPasswordSourceIsAUsageError) {
  EXPECT_EQ(errorCode([&] {
              keys::loadPkcs12(pki.pki("juzhang.p12"),
                               SecretSource::fromEnvironment("GONGWEN_TEST_UNSET_VARIABLE"));
            }),
            "keys.secret-missing");
  EXPECT_EQ(
      errorCode([&] { keys::loadPkcs12(pki.pki("juzhang.p12"), SecretSource::fromFile(pki.pki("absent"))); }),
      "io.read");
}

TEST_F(SigningKeyTest, NotAPkcs12FileIsRefused) {
  EXPECT_EQ(errorCode([&] { keys::loadPkcs12(pki.pki("root.crt"), kPassword); }), "keys.pkcs12");
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
  SigningKey expired = keys::loadPkcs12(pki.pki("bangong-expired.p12"), kPassword);
  std::string message;
  EXPECT_EQ(errorCode([&] { keys::checkCertificateValidity(expired.certificate(), now, "陈静"); }, &message),
            "policy.certificate-validity");
  EXPECT_NE(message.find("expired"), std::string::npos) << message;
  EXPECT_NE(message.find("陈静"), std::string::npos) << message;
  SigningKey early = keys::loadPkcs12(pki.pki("bangong-not-yet-valid.p12"), kPassword);
  EXPECT_EQ(errorCode([&] { keys::checkCertificateValidity(early.certificate(), now, "陈静"); }, &message),
            "policy.certificate-validity");
  EXPECT_NE(message.find("not yet valid"), std::string::npos) << message;
  SigningKey valid = keys::loadPkcs12(pki.pki("bangong.p12"), kPassword);
  EXPECT_NO_THROW(keys::checkCertificateValidity(valid.certificate(), now, "陈静"));
  EXPECT_EQ(errorCode([&] {
              keys::checkCertificateValidity(valid.certificate(), now + 20L * 365 * 86400, "陈静");
            }),
            "policy.certificate-validity");
}

TEST_F(SigningKeyTest, MovedKeyKeepsOwnership) {
  SigningKey first = keys::loadPkcs12(pki.pki("dangan.p12"), kPassword);
  SigningKey second = std::move(first);
  EXPECT_EQ(commonName(second.certificate()), "林芳");
  EXPECT_TRUE(signsVerifiably(second));
}

}  // namespace
}  // namespace gongwen::testing
