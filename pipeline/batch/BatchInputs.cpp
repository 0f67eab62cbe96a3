#include "pipeline/batch/BatchInputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "pipeline/archive/Digest.h"
#include "pipeline/check/FileKind.h"
#include "pipeline/core/Error.h"

namespace gongwen::batch {

namespace {

namespace fs = std::filesystem;

// The root element from the file's first few KiB (rootElementName skips declarations and comments).
std::string rootOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string start(8192, '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  start.resize(static_cast<std::size_t>(in.gcount()));
  return check::rootElementName(start);
}

std::optional<BatchInput::Kind> kindOf(const fs::path& file) {
  const std::string extension = file.extension().string();
  if (extension == ".csv") return BatchInput::Kind::Proposals;
  if (extension != ".xml") return std::nullopt;
  const std::string root = rootOf(file);
  if (root == "job") return BatchInput::Kind::Job;
  if (root == "proposals") return BatchInput::Kind::Proposals;
  return std::nullopt;
}

}  // namespace

std::vector<BatchInput> collectInputs(const std::vector<std::string>& inputs) {
  std::vector<BatchInput> found;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (auto it =
               fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
      if (ec) throw usageError("usage.batch-input", input + ": cannot read the folder: " + ec.message());
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files)
        if (auto kind = kindOf(file))
          found.push_back({*kind, file.string(), file.lexically_relative(input).generic_string()});
    } else if (fs::is_regular_file(status)) {
      const auto kind = kindOf(input);
      if (!kind)
        throw usageError("usage.batch-input",
                         input +
                             ": neither a job (an XML file whose root is <job>) nor a "
                             "proposals register (*.csv, or XML whose root is <proposals>)");
      found.push_back({*kind, input, fs::path(input).filename().string()});
    } else {
      throw usageError("usage.batch-input", input + ": no such file or folder");
    }
  }
  return found;
}

bool Shard::takes(const std::string& relativePath) const {
  if (count <= 1) return true;
  const std::string digest = archive::sha256Hex(relativePath);
  const unsigned long long value = std::stoull(digest.substr(0, 15), nullptr, 16);
  return value % count == index - 1;
}

Shard parseShard(const std::string& text) {
  const std::size_t slash = text.find('/');
  Shard shard;
  try {
    std::size_t used = 0;
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    shard.index = std::stoul(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("index");
    shard.count = std::stoul(text.substr(slash + 1), &used);
    if (used != text.size() - slash - 1) throw std::invalid_argument("count");
  } catch (const std::exception&) {
    shard.count = 0;
  }
  if (shard.count == 0 || shard.index < 1 || shard.index > shard.count)
    throw usageError("usage.shard", "--shard " + text + ": give K/N with 1 <= K <= N, e.g. --shard 2/4");
  return shard;
}

}  // namespace gongwen::batch
