#include "pipeline/core/Plugin.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <mutex>

#include "pipeline/core/Error.h"

namespace gongwen {

namespace {

// The directory of the running program as the kernel resolved it (symbolic links followed), so that
// a link to gongwen-core elsewhere still finds the plugins installed beside the real file.
std::string programDirectory() {
  char path[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return "";
  const std::string program(path, static_cast<std::size_t>(n));
  return program.substr(0, program.rfind('/'));
}

// `why` names the file (the loader's messages begin with it).
[[noreturn]] void missing(const std::string& why, const std::string& purpose) {
  throw systemError(
      "plugin.missing",
      why + "; " + purpose + " needs this plugin: install it beside gongwen-core, from the same build");
}

}  // namespace

void* pluginEntry(const std::string& fileName, const char* symbol, const std::string& purpose) {
  // dlopen and dlerror are thread-safe in glibc, but dlerror's message belongs to the calling thread
  // only until its next dl* call: one loader at a time keeps the reason with its failure.
  static std::mutex loading;
  const std::lock_guard<std::mutex> guard(loading);
  void* handle = dlopen(fileName.c_str(), RTLD_NOW | RTLD_NOLOAD);
  std::string where = fileName;
  if (handle == nullptr) {
    where = programDirectory() + "/" + fileName;
    // RTLD_LOCAL: the plugin's libraries never bind the symbols of anything loaded later.
    handle = dlopen(where.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      missing(why != nullptr ? why : where + ": cannot be loaded", purpose);
    }
  }
  void* entry = dlsym(handle, symbol);
  if (entry == nullptr)
    missing(where + ": has no " + symbol + ", so it is from another build of gongwen", purpose);
  return entry;
}

}  // namespace gongwen
