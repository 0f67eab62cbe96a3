#pragma once
// Archive ids: the year the document was archived and its registry sequence number (documents.seq,
// the 室编件号), zero-padded to six digits: 2026-000001. Stable (never reassigned: a sequence number
// is taken by exactly one registered document), sortable, and safe as a directory name.

#include <ctime>
#include <string>

namespace gongwen::archive {

std::string archiveId(std::time_t archivedAt, long long sequence);

// Whether `text` has the form of an archive id: four digits, '-', six or more digits.
bool isArchiveId(const std::string& text);

}  // namespace gongwen::archive
