#include "pipeline/batch/ProgressDisplay.h"

#include <string>

#include "pipeline/batch/BatchReport.h"

namespace gongwen::batch {

namespace {

constexpr int kBarWidth = 30;

std::string clock(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char text[48];
  std::snprintf(text, sizeof text, "%02ld:%02ld", s / 60, s % 60);
  return text;
}

}  // namespace

void ProgressDisplay::finished(const DocumentOutcome& outcome, std::size_t count, std::size_t total) {
  if (outcome.alreadyDone)
    ++skipped_;
  else
    ++counts_[outcome.record.state];
  if (!terminal_) {
    std::fputs(documentLine(outcome).c_str(), out_);
    std::fflush(out_);
    return;
  }
  std::fputs("\r\x1b[K", out_);
  if (outcome.record.state == DocumentState::Failed && !outcome.alreadyDone)
    std::fputs(documentLine(outcome).c_str(), out_);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? count / elapsed : 0;
  const int filled = total ? static_cast<int>(kBarWidth * count / total) : kBarWidth;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kBarWidth, '.');
  char rateText[32];
  std::snprintf(rateText, sizeof rateText, "%.1f", rate);
  const std::string line = "[" + bar + "] " + std::to_string(count) + "/" + std::to_string(total) +
                           "  done " + std::to_string(counts_[DocumentState::Done] + skipped_) +
                           "  waiting " + std::to_string(counts_[DocumentState::Waiting]) + "  failed " +
                           std::to_string(counts_[DocumentState::Failed]) + "  " + rateText + " docs/s  " +
                           (rate > 0 ? clock((total - count) / rate) : "--:--") + " left";
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
  barShown_ = true;
}

void ProgressDisplay::close() {
  if (barShown_) std::fputs("\n", out_);
  barShown_ = false;
}

}  // namespace gongwen::batch
