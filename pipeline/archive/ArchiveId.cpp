#include "pipeline/archive/ArchiveId.h"

#include <cctype>
#include <cstdio>

namespace gongwen::archive {

std::string archiveId(std::time_t archivedAt, long long sequence) {
  std::tm day{};
  gmtime_r(&archivedAt, &day);
  char id[32];
  std::snprintf(id, sizeof id, "%04d-%06lld", day.tm_year + 1900, sequence);
  return id;
}

bool isArchiveId(const std::string& text) {
  if (text.size() < 11 || text.size() > 24 || text[4] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace gongwen::archive
