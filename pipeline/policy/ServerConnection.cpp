#include "pipeline/policy/ServerConnection.h"

#include "pipeline/core/Plugin.h"

namespace gongwen::policy::server {

std::unique_ptr<Connection> openConnection(const std::string& url) {
  using Entry = const ConnectionFactory* (*)();
  static const ConnectionFactory* const factory = reinterpret_cast<Entry>(
      pluginEntry("libgongwen-postgres.so", GONGWEN_PLUGIN_ENTRY_NAME(GONGWEN_POSTGRES_PLUGIN_ENTRY),
                  "a postgresql:// registry"))();
  return factory->connect(url);
}

}  // namespace gongwen::policy::server
