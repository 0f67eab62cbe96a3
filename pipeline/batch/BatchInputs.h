#pragma once
// What a batch works on, from the INPUTs it is given: job files, folders searched recursively for
// jobs (*.xml whose root element is <job>) and proposals registers (*.csv, and *.xml whose root is
// <proposals>), which the reply producer turns into letter jobs. Anything else in a folder — the
// policy, a keyring, templates, images — is passed over; a file named on the command line that is
// neither is a usage error.

#include <cstddef>
#include <string>
#include <vector>

namespace gongwen::batch {

struct BatchInput {
  enum class Kind { Job, Proposals };
  Kind kind = Kind::Job;
  std::string path;
  // The path relative to the INPUT it was found under (the file name for a file given itself): the
  // shard key, the same on every machine that mounts the input folder.
  std::string relativePath;
};

// In the order given, each folder's files sorted by path. Throws Error(Usage, "usage.batch-input")
// naming an INPUT that does not exist or a file that is neither a job nor proposals.
std::vector<BatchInput> collectInputs(const std::vector<std::string>& inputs);

// --shard K/N: K in 1..N. Throws Error(Usage, "usage.shard") for anything else.
struct Shard {
  std::size_t index = 1;
  std::size_t count = 1;
  bool takes(const std::string& relativePath) const;  // a stable 1/N share by hash of the path
};
Shard parseShard(const std::string& text);

}  // namespace gongwen::batch
