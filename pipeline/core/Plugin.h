#pragma once
// Parts of gongwen that need large libraries few commands use (Poppler for the archive's reading of
// PDFs, libpqxx for the PostgreSQL stores) live in plugins: shared libraries installed beside
// gongwen-core and loaded on first use, so that every other command starts without loading and
// binding some thirty libraries it never calls.

#include <string>

// The name of an entry point given as a macro (the plugin's interface header defines it), as a string.
#define GONGWEN_PLUGIN_ENTRY_NAME(entry) GONGWEN_PLUGIN_ENTRY_TEXT(entry)
#define GONGWEN_PLUGIN_ENTRY_TEXT(entry) #entry

namespace gongwen {

// The entry point `symbol` of the plugin `fileName` (e.g. "libgongwen-poppler.so"): the plugin
// already in the process (a program linked with it) or the one in the directory of the running
// program, loaded once. An entry point's name carries its interface's version, so a plugin from
// another build of gongwen is refused rather than called. Throws Error(System, "plugin.missing")
// naming the file, what needs it (`purpose`) and the loader's reason.
void* pluginEntry(const std::string& fileName, const char* symbol, const std::string& purpose);

}  // namespace gongwen
