#include "pipeline/archive/Digest.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pipeline/core/Sha256.h"
#include "signing/cms/OpenSslPtr.h"

namespace gongwen::archive {

FileDigest digestFile(const std::string& path, std::string& error) {
  FileDigest result;
  // A link or a FIFO planted in a bag is not a file of it: never followed, never waited on.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    error = errno == ELOOP ? "a symbolic link" : std::strerror(errno);
    return result;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "not a regular file";
    ::close(fd);
    return result;
  }
  const cms::EvpMdCtxPtr context(EVP_MD_CTX_new());
  EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      ::close(fd);
      return result;
    }
    if (n == 0) break;
    EVP_DigestUpdate(context.get(), buffer, static_cast<size_t>(n));
    result.size += static_cast<unsigned long long>(n);
  }
  ::close(fd);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  result.sha256 = lowerHex(digest, length);
  return result;
}

}  // namespace gongwen::archive
