#pragma once
// How a verification report is printed: text for people, JSON for programs.

#include <string>

#include "signing/verify/VerificationReport.h"

namespace gongwen::verify {

std::string formatText(const Report& report);
std::string formatJson(const Report& report);

}  // namespace gongwen::verify
