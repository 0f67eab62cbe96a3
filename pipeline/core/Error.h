#pragma once
// Every failure the library reports is a gongwen::Error: a stable code, the exit code the CLI
// turns it into, and one message that names the file, the element or rule, and what to do.

#include <stdexcept>
#include <string>

namespace gongwen {

// The documented exit codes of the `gongwen` command (README, ARCHITECTURE.md).
enum class ExitCode : int {
  Ok = 0,
  Findings = 1,          // check found error-severity findings
  Usage = 2,             // bad command line
  InputInvalid = 3,      // a job, template, font configuration or PDF that cannot be used
  PolicyRefused = 4,     // the bureau's policy forbids the action
  SignatureInvalid = 5,  // verification failed
  System = 6,            // I/O or system failure
  ChainUnchecked = 7,    // verify: signatures intact and trusted, approval chain not checked (no policy)
};

class Error : public std::runtime_error {
 public:
  // code: a stable dotted id such as "job.schema" or "font.missing-glyph".
  Error(ExitCode exit, std::string code, const std::string& message)
      : std::runtime_error(message), exit_(exit), code_(std::move(code)) {}

  ExitCode exitCode() const noexcept { return exit_; }
  const std::string& code() const noexcept { return code_; }

 private:
  ExitCode exit_;
  std::string code_;
};

// Shorthands for the common categories, so call sites read as what went wrong.
inline Error inputError(std::string code, const std::string& message) {
  return Error(ExitCode::InputInvalid, std::move(code), message);
}
inline Error systemError(std::string code, const std::string& message) {
  return Error(ExitCode::System, std::move(code), message);
}
inline Error usageError(std::string code, const std::string& message) {
  return Error(ExitCode::Usage, std::move(code), message);
}
inline Error policyError(std::string code, const std::string& message) {
  return Error(ExitCode::PolicyRefused, std::move(code), message);
}

}  // namespace gongwen
