#pragma once
// Opens the seal-use register a location names: a postgresql:// URL (ServerSealRegister.h) or the
// path of an SQLite register (SealRegister.h). For `--registry` on the commands that seal or verify.

#include <memory>
#include <string>

#include "pipeline/policy/SealRegister.h"

namespace gongwen::policy {

std::unique_ptr<SealUseRegister> openSealRegister(const std::string& location, SealRegister::Access access);

}  // namespace gongwen::policy
