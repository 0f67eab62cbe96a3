#pragma once
// A throw-away RSA-2048 key with a self-signed certificate (CN 王建国, valid from an hour ago for a
// day), made once per process: the benchmarks' signer, independent of the test PKI script.

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace gongwen::testing {

struct SelfSignedKey {
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
};

inline const SelfSignedKey& selfSignedKey() {
  static const SelfSignedKey made = [] {
    SelfSignedKey c;
    c.key = EVP_RSA_gen(2048);
    c.certificate = X509_new();
    X509_set_version(c.certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(c.certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(c.certificate), -3600);
    X509_gmtime_adj(X509_getm_notAfter(c.certificate), 86400);
    X509_NAME* name = X509_get_subject_name(c.certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("王建国"),
                               -1, -1, 0);
    X509_set_issuer_name(c.certificate, name);
    X509_set_pubkey(c.certificate, c.key);
    X509_sign(c.certificate, c.key, EVP_sha256());
    return c;
  }();
  return made;
}

}  // namespace gongwen::testing
