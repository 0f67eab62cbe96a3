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
#include <map>
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
  // The SHA-256 (lowercase hex) of payload files the caller has hashed already, by path under data/:
  // not hashed again (a signed PDF is a third of a megabyte).
  std::map<std::string, std::string> payloadSha256;
};

struct BagImage {
  std::vector<BagFile> files;  // payload first, then bagit.txt, bag-info.txt and the two manifests
};

// The complete bag in memory: the payload's bytes are moved into it. `baggingDate` gives Bagging-Date
// (UTC day).
BagImage makeBag(BagContents contents, std::time_t baggingDate);

// Creates `directory` (which must not exist) and writes every file of `image` into it. Nothing is
// flushed here (a large file's write-back is started, not waited for): a writer of many bags makes
// them durable at once with syncFilesystem() on each replica root before it renames them into place
// (one flush for a batch instead of one fsync a file). `ownerOnly` (a classified document's bag): files 0600
// and directories 0700 whatever the umask, as its PDF is. Throws Error(System, "archive.write") naming the
// file.
void writeBagImage(const BagImage& image, const std::string& directory, bool ownerOnly = false);

// syncfs(2) of the filesystem `path` is on: every file and directory written there so far is on
// disk when it returns (Linux reports write-back errors since 5.8). Throws like writeBagImage.
void syncFilesystem(const std::string& path);

// fsync of a directory, so that a rename or a new entry in it is durable.
void syncDirectory(const std::string& directory);

}  // namespace gongwen::archive
