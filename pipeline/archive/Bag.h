#pragma once
// BagIt bags (RFC 8493) as the archive writes them: bagit.txt (version 1.0, UTF-8), bag-info.txt
// (Bagging-Date, Payload-Oxum, Bag-Software-Agent, External-Identifier = the archive id, and any
// further labels given), the payload under data/, manifest-sha256.txt over the payload and
// tagmanifest-sha256.txt over the three tag files. Lines end in LF; manifest paths use '/' and
// percent-encode CR, LF and '%' as the RFC says.
//
// Other parts may rely on: makeBag() being deterministic for the same contents and date (a repair
// compares bytes); BagImage::files listing every file of the bag (tag files included) with its
// SHA-256, which is what the registry's files table holds; writeBagImage() writing nothing outside
// the directory it is given.

#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace gongwen::archive {

struct BagFile {
  std::string path;  // relative to the bag root, '/'-separated: data/document.pdf, bagit.txt …
  std::string bytes;
  std::string sha256;
};

struct BagContents {
  std::string archiveId;
  std::vector<std::pair<std::string, std::string>> payload;  // path under data/, bytes
  std::vector<std::pair<std::string, std::string>> info;     // further bag-info.txt labels, in order
};

struct BagImage {
  std::vector<BagFile> files;  // payload first, then bagit.txt, bag-info.txt and the two manifests
};

// The complete bag in memory. `baggingDate` gives Bagging-Date (UTC day).
BagImage makeBag(const BagContents& contents, std::time_t baggingDate);

// Creates `directory` (which must not exist) and writes every file of `image` into it, each flushed
// to disk with fsync, then the directories. Throws Error(System, "archive.write") naming the file.
void writeBagImage(const BagImage& image, const std::string& directory);

// fsync of a directory, so that a rename or a new entry in it is durable.
void syncDirectory(const std::string& directory);

}  // namespace gongwen::archive
