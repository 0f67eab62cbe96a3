#pragma once
// Chinese word boundaries inside a run of 汉字, as ICU's word BreakIterator finds them: the
// segmentation of least total cost over ICU's own "cjdict" dictionary. ICU's CJK break engine
// builds Unicode sets from property patterns when it is first needed (~7.5 M instructions, a fifth
// of a cold render); this reads the same dictionary without it.

#include <cstdint>
#include <string_view>

namespace gongwen::layout {

// Script=Han, the characters ICU's word rules chain into one run for its CJK dictionary.
bool isHanScript(char32_t c);

// Characters other than Han that send ICU's word iterator to a dictionary break engine (kana,
// Hangul syllables, Thai and the other complex-context scripts).
bool takesOtherDictionary(char32_t c);

// ORs `flag` into out[k] (0 < k < run.size()) at every word boundary ICU puts inside `run`, a
// maximal run of Script=Han code points. Returns false and marks nothing when the run is not in
// NFKC, which ICU normalises before segmenting: the caller must then ask ICU itself.
bool markHanWordBreaks(std::u32string_view run, uint8_t flag, uint8_t* out);

}  // namespace gongwen::layout
