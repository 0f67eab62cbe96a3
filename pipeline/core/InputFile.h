#pragma once
// Every file gongwen reads is opened here, once, and judged on the open descriptor before a byte
// is read: a directory, device or socket is refused, and so is a file larger than the limit for
// its kind, so that `check /dev/zero` or a 1 GB "PDF" fails at once instead of exhausting memory.
// The limits are far above what an office produces; the commands' --max-input-size raises the
// limit of their main input.

#include <cstddef>
#include <cstdint>
#include <string>

namespace gongwen {

enum class InputKind {
  Job,           // job XML
  Template,      // template XML
  FontConfig,    // font configuration XML
  Policy,        // the bureau's policy XML
  Text,          // plain text for `check`
  Pdf,           // PDF to sign or verify
  Secret,        // password or PIN file
  Certificate,   // PEM certificate
  KeyStore,      // PKCS#12 file
  SealImage,     // PNG of a seal
  RegisterHead,  // the seal-use register's head file (SEQUENCE ROW-HASH)
  Proposals,     // the proposals register (CSV or XML) that `reply` answers
  Keyring,       // the credentials a `batch` run may sign with
  Crl,           // a certificate revocation list the policy names
};

// What the kind is called in messages ("job", "plain text", "PDF" …).
const char* inputKindName(InputKind kind);

// The limit in force for `kind`, in bytes: the documented default unless setInputLimit changed it.
std::uint64_t inputLimit(InputKind kind);
void setInputLimit(InputKind kind, std::uint64_t bytes);

// "300000", "300K", "64M", "2G" (powers of 1024). Throws Error(Usage, "usage") naming `option`.
std::uint64_t parseByteSize(const std::string& text, const std::string& option);

// An open input whose type and size have been judged. Throws Error(System, "io.read") when it
// cannot be opened or is not a regular file (a password file may also be a pipe, so that
// `--password-file <(pass show …)` works; it is read up to the limit), and
// Error(InputInvalid, "input.too-large") when it is larger than the limit for its kind.
class InputFile {
 public:
  InputFile(const std::string& path, InputKind kind);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // Up to `capacity` bytes into `buffer`; 0 at the end. Throws like the constructor.
  std::size_t read(char* buffer, std::size_t capacity);
  std::string readAll();

  const std::string& path() const { return path_; }

 private:
  [[noreturn]] void refuseTooLarge(std::uint64_t size, bool sizeKnown) const;

  std::string path_;
  InputKind kind_;
  int fd_ = -1;
  bool pipe_ = false;           // a FIFO (a password file only), read as its writer sends
  std::uint64_t size_ = 0;      // of a regular file, from fstat
  std::uint64_t consumed_ = 0;  // bytes read so far, checked against the limit for pipes
};

// The whole content of an input of `kind`.
std::string readInput(const std::string& path, InputKind kind);

}  // namespace gongwen
