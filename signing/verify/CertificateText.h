#pragma once
// What reports say of a certificate: its subject as text and the end of its validity.

#include <openssl/x509.h>

#include <ctime>
#include <string>

namespace gongwen::verify {

// The subject as RFC 2253 text, UTF-8 kept readable.
std::string subjectOf(X509* certificate);

// notAfter as a time_t (0 when unreadable).
std::time_t notAfter(const X509* certificate);

}  // namespace gongwen::verify
