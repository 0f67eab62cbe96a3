#include "pipeline/core/DeferredTermination.h"

#include <initializer_list>

namespace gongwen {

DeferredTermination::DeferredTermination() {
  sigset_t held;
  sigemptyset(&held);
  for (int signal : {SIGTERM, SIGINT, SIGHUP, SIGQUIT}) sigaddset(&held, signal);
  pthread_sigmask(SIG_BLOCK, &held, &previous_);
}

DeferredTermination::~DeferredTermination() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace gongwen
