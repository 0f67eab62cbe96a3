#include "pipeline/policy/SealRegisterLocation.h"

#include "pipeline/policy/ServerDatabase.h"
#include "pipeline/policy/ServerSealRegister.h"

namespace gongwen::policy {

std::unique_ptr<SealUseRegister> openSealRegister(const std::string& location, SealRegister::Access access) {
  if (server::isServerUrl(location)) return std::make_unique<ServerSealRegister>(location, access);
  return std::make_unique<SealRegister>(location, access);
}

}  // namespace gongwen::policy
