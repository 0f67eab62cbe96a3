#pragma once
// Validates a BagIt bag (RFC 8493) completely: bagit.txt declares a version and UTF-8;
// bag-info.txt parses and its Payload-Oxum matches the payload; manifest-sha256.txt and
// tagmanifest-sha256.txt parse, every line's path stays inside the bag and its checksum matches;
// every payload file under data/ is in the manifest and every manifest entry exists (no extra, no
// missing files); every tag file other than the tag manifest is in the tag manifest. Links, FIFOs
// and devices inside a bag are problems, never followed.
//
// Other parts may rely on: an empty result meaning the bag is valid; each problem naming the file
// (relative to the bag root, '' for the bag itself) and a stable code:
//   bag.missing        the bag directory, or a required tag file, or a file a manifest lists
//   bag.declaration    bagit.txt is not the two lines of a BagIt 0.97/1.0 declaration
//   bag.info           bag-info.txt does not parse, or Payload-Oxum is missing or wrong
//   bag.manifest       a manifest line does not parse or names a path outside the bag, twice, …
//   bag.checksum       a file's SHA-256 is not the one its manifest gives
//   bag.extra          a payload file no manifest lists, or a tag file the tag manifest does not
//   bag.unreadable     a file cannot be read, or is a link, FIFO or device
//   bag.registry       (with the registry's files) a file whose SHA-256 or size is not the one the
//                      registry recorded at ingest, or a file the registry lists that is missing
// Each file is read once, so that checking against the registry costs no second pass.

#include <map>
#include <string>
#include <vector>

#include "pipeline/archive/Digest.h"
#include "pipeline/archive/RegistryRecords.h"

namespace gongwen::archive {

struct BagProblem {
  std::string code;
  std::string file;
  std::string message;
};

std::vector<BagProblem> validateBag(const std::string& directory);

// The same, and every file of the bag against what the registry recorded for it (documents' files
// rows: the whole bag, tag files included): a bag rewritten consistently is caught too.
std::vector<BagProblem> validateBag(const std::string& directory, const std::vector<FileRecord>& registered);

// The same as the first, where the caller has just read and hashed some files of the bag (`read`, by
// path in the bag, as a manifest names them): those are not read again. The audit's fixity check
// reads every file of every replica first.
std::vector<BagProblem> validateBag(const std::string& directory,
                                    const std::map<std::string, FileDigest>& read);

}  // namespace gongwen::archive
