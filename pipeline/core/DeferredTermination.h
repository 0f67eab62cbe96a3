#pragma once
// Holds SIGTERM, SIGINT, SIGHUP and SIGQUIT back while alive; one that arrives meanwhile is
// delivered when the object dies. Wraps writes that must not be cut short by a polite stop (the
// temporary file of an output, before its rename); SIGKILL is left to the order of the writes.

#include <signal.h>

namespace gongwen {

class DeferredTermination {
 public:
  DeferredTermination();
  ~DeferredTermination();
  DeferredTermination(const DeferredTermination&) = delete;
  DeferredTermination& operator=(const DeferredTermination&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace gongwen
