#pragma once
// Under AddressSanitizer and UndefinedBehaviorSanitizer every run costs several times what it costs
// in the release build. A test whose size is only about volume (how many jobs a batch holds, how
// many times a run is killed, how many random damages are tried) is smaller there: the sanitizers
// see every path with fewer repeats, and the release run keeps the full size.

namespace gongwen::testing {

// Whether this build runs under AddressSanitizer (also for bounds its shadow memory and quarantine
// change), as the compiler says: GCC defines __SANITIZE_ADDRESS__, clang has the feature test.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// `full` in the release build, `sanitized` under the sanitizers.
constexpr int testScale(int full, int sanitized) { return kSanitized ? sanitized : full; }

}  // namespace gongwen::testing
