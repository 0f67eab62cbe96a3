#pragma once
// Every sample job rendered once per test suite by the real binary, at a fixed time: the fixture
// the end-to-end tests that read the samples back share.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

namespace gongwen::testing {

inline const std::vector<std::string> kFixedTime = {"SOURCE_DATE_EPOCH=1795000000"};

struct Rendered {
  std::string job;
  std::string pdf;
};

class RenderedSamples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    for (const auto& job : sampleJobs()) {
      const std::string out = dir_->file(std::filesystem::path(job).stem().string() + ".pdf");
      const auto r = run({gongwenBinary(), "render", job, "-o", out}, kFixedTime);
      ASSERT_EQ(r.exitCode, 0) << job << "\n" << r.err;
      samples_.push_back({job, out});
    }
    ASSERT_GE(samples_.size(), 8u) << "two samples per template, four templates";
  }
  static void TearDownTestSuite() {
    samples_.clear();
    dir_.reset();
  }

  // The sample with the most pages: the multi-page notice with an attachment.
  static const Rendered& longest() {
    const Rendered* best = &samples_.front();
    int most = 0;
    for (const auto& s : samples_) {
      const int n = PdfInspect(s.pdf).pages();
      if (n > most) most = n, best = &s;
    }
    return *best;
  }

  static const Rendered& sample(const std::string& stem) {
    for (const auto& s : samples_) {
      if (std::filesystem::path(s.job).stem() == stem) return s;
    }
    throw std::runtime_error("no sample " + stem);
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::vector<Rendered> samples_;
};

}  // namespace gongwen::testing
