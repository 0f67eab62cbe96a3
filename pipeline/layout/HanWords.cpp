#include "pipeline/layout/HanWords.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/Error.h"

namespace gongwen::layout {
namespace {

// The dictionary file's layout (ICU's dictionarydata.h, format "Dict" 1): after the data header,
// int32 indexes whose first is the byte offset of the trie and whose fifth is the trie's type.
constexpr int kTrieOffsetIndex = 0;
constexpr int kTrieTypeIndex = 4;
constexpr int32_t kTrieTypeMask = 7;
constexpr int32_t kTrieTypeUChars = 1;
constexpr int32_t kTrieHasValues = 8;

// The segmentation's constants, as ICU's CjkBreakEngine has them: a word is at most 20 UTF-16
// units long, and a character no dictionary word starts with costs 255 as a word of its own.
constexpr int32_t kMaxWordUnits = 20;
constexpr uint32_t kUnknownCharacterCost = 255;

UBool isDictionaryFormat(void*, const char*, const char*, const UDataInfo* info) {
  return info->size >= sizeof(UDataInfo) && info->isBigEndian == U_IS_BIG_ENDIAN &&
         info->charsetFamily == U_CHARSET_FAMILY && std::memcmp(info->dataFormat, "Dict", 4) == 0 &&
         info->formatVersion[0] == 1;
}

struct DataCloser {
  void operator()(UDataMemory* data) const { udata_close(data); }
};

class CjDictionary {
 public:
  CjDictionary() {
    UErrorCode status = U_ZERO_ERROR;
    file_.reset(udata_openChoice(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict",
                                 &isDictionaryFormat, nullptr, &status));
    if (U_FAILURE(status) || !file_) fail(u_errorName(status));
    const auto* indexes = static_cast<const int32_t*>(udata_getMemory(file_.get()));
    const int32_t type = indexes[kTrieTypeIndex];
    if ((type & kTrieTypeMask) != kTrieTypeUChars || !(type & kTrieHasValues)) fail("unexpected trie type");
    trie_ =
        reinterpret_cast<const char16_t*>(reinterpret_cast<const char*>(indexes) + indexes[kTrieOffsetIndex]);
  }

  const char16_t* trie() const { return trie_; }

 private:
  [[noreturn]] static void fail(const std::string& why) {
    throw systemError("layout.icu", "cannot open ICU's Chinese word dictionary (cjdict): " + why +
                                        "; check the ICU data package (libicu) is installed");
  }

  std::unique_ptr<UDataMemory, DataCloser> file_;
  const char16_t* trie_ = nullptr;
};

// Loaded once per process; the trie is read-only, each lookup walks it with its own cursor.
const char16_t* cjDictionary() {
  static const CjDictionary dictionary;
  return dictionary.trie();
}

bool isNfkc(std::u32string_view run) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return false;
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(run.data()),
                                                                 static_cast<int32_t>(run.size()));
  const bool normalised = nfkc->isNormalized(utf16, status);
  return U_SUCCESS(status) && normalised;
}

}  // namespace

bool isHanScript(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN;
}

bool takesOtherDictionary(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(cp, &status);
  return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         u_getIntPropertyValue(cp, UCHAR_WORD_BREAK) == U_WB_KATAKANA ||
         u_getIntPropertyValue(cp, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT ||
         (cp >= 0xAC00 && cp <= 0xD7A3);
}

bool markHanWordBreaks(std::u32string_view run, uint8_t flag, uint8_t* out) {
  if (!isNfkc(run)) return false;
  const char16_t* dictionary = cjDictionary();
  const size_t n = run.size();
  // cost[k]: the least cost of segmenting run[0, k); from[k]: where the last word of it starts.
  std::vector<uint32_t> cost(n + 1, std::numeric_limits<uint32_t>::max());
  std::vector<size_t> from(n + 1, 0);
  cost[0] = 0;
  const auto offer = [&](size_t start, size_t end, uint32_t wordCost) {
    // Strictly less: of equal costs the first found stays, as in ICU.
    if (cost[start] + wordCost < cost[end]) {
      cost[end] = cost[start] + wordCost;
      from[end] = start;
    }
  };
  for (size_t start = 0; start < n; ++start) {
    if (cost[start] == std::numeric_limits<uint32_t>::max()) continue;
    icu::UCharsTrie trie(dictionary);
    bool oneCharacterWord = false;
    int32_t units = 0;
    for (size_t end = start + 1; end <= n; ++end) {
      // ICU feeds the trie whole code points (a supplementary one never matches a UTF-16 unit).
      const auto c = static_cast<int32_t>(run[end - 1]);
      const UStringTrieResult result = end == start + 1 ? trie.first(c) : trie.next(c);
      units += U16_LENGTH(c);
      if (USTRINGTRIE_HAS_VALUE(result)) {
        offer(start, end, static_cast<uint32_t>(trie.getValue()));
        oneCharacterWord = oneCharacterWord || end == start + 1;
        if (result == USTRINGTRIE_FINAL_VALUE) break;
      } else if (result == USTRINGTRIE_NO_MATCH) {
        break;
      }
      if (units >= kMaxWordUnits) break;
    }
    if (!oneCharacterWord) offer(start, start + 1, kUnknownCharacterCost);
  }
  for (size_t k = from[n]; k > 0; k = from[k]) out[k] |= flag;
  return true;
}

}  // namespace gongwen::layout
