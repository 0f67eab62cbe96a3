#include "signing/verify/PrefixDigests.h"

#include <algorithm>
#include <iterator>

#include "pipeline/core/Sha256.h"

namespace gongwen::verify {

namespace {

// States are also kept at multiples of this along the way, so that a digest asked for after a longer
// one (signatures are not always checked in file order) re-hashes at most this much.
constexpr std::size_t kKeptEvery = 64 * 1024;

bool copyState(EVP_MD_CTX* to, const EVP_MD_CTX* from) { return EVP_MD_CTX_copy_ex(to, from) == 1; }

}  // namespace

cms::EvpMdCtxPtr PrefixDigests::stateAt(const EVP_MD* md, std::size_t end) {
  const int type = EVP_MD_get_type(md);
  cms::EvpMdCtxPtr state(EVP_MD_CTX_new());
  if (!state) return nullptr;
  std::size_t at = 0;
  auto kept = states_.upper_bound({type, end});
  if (kept != states_.begin() && std::prev(kept)->first.first == type) {
    --kept;
    if (!copyState(state.get(), kept->second.get())) return nullptr;
    at = kept->first.second;
  } else if (EVP_DigestInit_ex(state.get(), md, nullptr) != 1) {
    return nullptr;
  }
  while (at < end) {
    const std::size_t next = std::min(end, (at / kKeptEvery + 1) * kKeptEvery);
    if (EVP_DigestUpdate(state.get(), document_.data() + at, next - at) != 1) return nullptr;
    at = next;
    cms::EvpMdCtxPtr copy(EVP_MD_CTX_new());
    if (copy && copyState(copy.get(), state.get()))
      states_.emplace(std::make_pair(type, at), std::move(copy));
  }
  return state;
}

std::string PrefixDigests::digest(const EVP_MD* md, const std::vector<std::string_view>& parts) {
  const bool leading =
      !parts.empty() && parts.front().data() == document_.data() && parts.front().size() <= document_.size();
  cms::EvpMdCtxPtr state = leading ? stateAt(md, parts.front().size()) : cms::EvpMdCtxPtr(EVP_MD_CTX_new());
  if (!state || (!leading && EVP_DigestInit_ex(state.get(), md, nullptr) != 1)) return "";
  for (std::size_t i = leading ? 1 : 0; i < parts.size(); ++i) {
    if (EVP_DigestUpdate(state.get(), parts[i].data(), parts[i].size()) != 1) return "";
  }
  unsigned char value[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(state.get(), value, &length) != 1) return "";
  return std::string(reinterpret_cast<const char*>(value), length);
}

std::string PrefixDigests::sha256Hex(std::size_t end) {
  const std::string value = digest(EVP_sha256(), {document_.substr(0, end)});
  return lowerHex(reinterpret_cast<const unsigned char*>(value.data()), static_cast<unsigned>(value.size()));
}

}  // namespace gongwen::verify
