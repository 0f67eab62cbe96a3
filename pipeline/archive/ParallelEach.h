#pragma once
// Work on independent items (an audit's documents, an ingest's files to verify) on every core: opening
// a PDF in Poppler or verifying it costs far more than the bookkeeping around it. Whatever the
// registry records is done afterwards, in order, on the calling thread.

#include <cstddef>
#include <functional>

namespace gongwen::archive {

// Runs work(i) for every i in [0, count), taken in order, on as many threads as the machine has
// cores. A failure stops the others taking more work; once all have stopped, the exception of the
// lowest i that failed is rethrown here (what a run on one thread would have thrown, when items
// before it succeed).
void forEachInParallel(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace gongwen::archive
