#include "pipeline/archive/ParallelEach.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace gongwen::archive {

void forEachInParallel(std::size_t count, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::size_t firstFailed = count;
  std::exception_ptr firstFailure;
  std::mutex failureMutex;
  const auto worker = [&] {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failureMutex);
        if (i < firstFailed) {
          firstFailed = i;
          firstFailure = std::current_exception();
        }
        failed = true;
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), count);
  std::vector<std::thread> helpers;
  try {
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(worker);
  } catch (const std::system_error&) {
    // No more threads to be had: those started, and this one, do the work.
  }
  worker();
  for (std::thread& helper : helpers) helper.join();
  if (firstFailure) std::rethrow_exception(firstFailure);
}

}  // namespace gongwen::archive
