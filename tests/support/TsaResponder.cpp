#include "tests/support/TsaResponder.h"

#include <openssl/pem.h>
#include <openssl/ts.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "tests/support/LoopbackSocket.h"

namespace gongwen::testing {

namespace {

template <typename T>
T* readPem(const std::string& path, T* (*reader)(FILE*, T**, pem_password_cb*, void*)) {
  FILE* file = std::fopen(path.c_str(), "r");
  if (file == nullptr) throw std::runtime_error("TsaResponder: cannot open " + path);
  T* value = reader(file, nullptr, nullptr, nullptr);
  std::fclose(file);
  if (value == nullptr) throw std::runtime_error("TsaResponder: cannot read PEM " + path);
  return value;
}

// Reads one HTTP request and returns its body ("" on a malformed request).
std::string readRequestBody(int connection) {
  std::string data;
  char buffer[4096];
  std::size_t headerEnd = std::string::npos;
  std::size_t contentLength = 0;
  while (true) {
    if (headerEnd == std::string::npos && (headerEnd = data.find("\r\n\r\n")) != std::string::npos) {
      const std::size_t at = data.find("Content-Length:");
      const std::size_t atLower = data.find("content-length:");
      const std::size_t found = at != std::string::npos ? at : atLower;
      if (found == std::string::npos || found > headerEnd) return {};
      contentLength = std::strtoul(data.c_str() + found + 15, nullptr, 10);
    }
    if (headerEnd != std::string::npos && data.size() >= headerEnd + 4 + contentLength)
      return data.substr(headerEnd + 4, contentLength);
    pollfd p{connection, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) return {};
    const ssize_t n = read(connection, buffer, sizeof buffer);
    if (n <= 0 || data.size() > (1u << 20)) return {};
    data.append(buffer, static_cast<std::size_t>(n));
  }
}

ASN1_INTEGER* nextSerial(TS_RESP_CTX*, void*) {
  static std::atomic<long> serial{1};
  ASN1_INTEGER* value = ASN1_INTEGER_new();
  ASN1_INTEGER_set(value, serial++);
  return value;
}

}  // namespace

TsaResponder::TsaResponder(const std::string& certificatePath, const std::string& keyPath)
    : certificatePath_(certificatePath), keyPath_(keyPath) {
  X509_free(readPem<X509>(certificatePath_, PEM_read_X509));  // fail now, not on the first request
  EVP_PKEY_free(readPem<EVP_PKEY>(keyPath_, PEM_read_PrivateKey));
  listener_ = listenOnLoopback(port_);
  thread_ = std::thread([this] { serve(); });
}

TsaResponder::~TsaResponder() {
  stopping_ = true;
  thread_.join();
  close(listener_);
}

std::string TsaResponder::url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/tsa"; }

void TsaResponder::serve() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int connection = accept(listener_, nullptr, nullptr);
    if (connection < 0) continue;
    answer(connection);
    close(connection);
  }
}

void TsaResponder::answer(int connection) {
  const std::string body = readRequestBody(connection);
  X509* certificate = readPem<X509>(certificatePath_, PEM_read_X509);
  EVP_PKEY* key = readPem<EVP_PKEY>(keyPath_, PEM_read_PrivateKey);
  TS_RESP_CTX* context = TS_RESP_CTX_new();
  ASN1_OBJECT* policy = OBJ_txt2obj("1.3.6.1.4.1.4146.2.3", 1);  // any OID serves a test TSA
  TS_RESP_CTX_set_signer_cert(context, certificate);
  TS_RESP_CTX_set_signer_key(context, key);
  TS_RESP_CTX_set_signer_digest(context, EVP_sha256());
  TS_RESP_CTX_set_def_policy(context, policy);
  TS_RESP_CTX_add_md(context, EVP_sha256());
  TS_RESP_CTX_set_serial_cb(context, nextSerial, nullptr);
  BIO* request = BIO_new_mem_buf(body.data(), static_cast<int>(body.size()));
  TS_RESP* response = TS_RESP_create_response(context, request);
  unsigned char* der = nullptr;
  const int length = response != nullptr ? i2d_TS_RESP(response, &der) : -1;
  if (response != nullptr &&
      ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response))) == 0)
    ++tokensIssued_;
  std::string reply;
  if (length > 0) {
    reply = "HTTP/1.0 200 OK\r\nContent-Type: application/timestamp-reply\r\nContent-Length: " +
            std::to_string(length) + "\r\nConnection: close\r\n\r\n" +
            std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
  } else {
    reply = "HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  }
  writeAll(connection, reply);
  OPENSSL_free(der);
  TS_RESP_free(response);
  BIO_free(request);
  ASN1_OBJECT_free(policy);
  TS_RESP_CTX_free(context);
  EVP_PKEY_free(key);
  X509_free(certificate);
}

}  // namespace gongwen::testing
