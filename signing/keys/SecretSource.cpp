// Passwords and PINs: from an environment variable, a file, or the terminal with echo off.

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>

#include "pipeline/core/Error.h"
#include "pipeline/core/InputFile.h"
#include "signing/keys/SigningKey.h"

namespace gongwen::keys {

namespace {

void dropLineEnd(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.pop_back();
  }
}

std::string askTerminal(const std::string& label) {
  int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0) {
    throw usageError("keys.secret-prompt", "no terminal to ask for " + label +
                                               " on; give --password-env NAME or --password-file FILE");
  }
  termios saved{};
  bool restore = tcgetattr(tty, &saved) == 0;
  if (restore) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(tty, TCSAFLUSH, &quiet);
  }
  std::string prompt = label + ": ";
  ssize_t ignored = write(tty, prompt.data(), prompt.size());
  std::string secret;
  char c = 0;
  while (read(tty, &c, 1) == 1 && c != '\n') {
    secret += c;
  }
  if (restore) {
    tcsetattr(tty, TCSAFLUSH, &saved);
  }
  ignored = write(tty, "\n", 1);
  (void)ignored;
  close(tty);
  dropLineEnd(secret);
  return secret;
}

}  // namespace

std::string SecretSource::read() const {
  switch (kind_) {
    case Kind::Environment: {
      const char* value = std::getenv(where_.c_str());
      if (value == nullptr) {
        throw usageError("keys.secret-missing", "environment variable " + where_ +
                                                    " is not set; export it with the password or PIN");
      }
      return value;
    }
    case Kind::File: {
      std::string secret = readInput(where_, InputKind::Secret);
      dropLineEnd(secret);
      return secret;
    }
    case Kind::Prompt:
      return askTerminal(where_);
  }
  return {};
}

}  // namespace gongwen::keys
