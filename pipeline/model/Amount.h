#pragma once
// Money as exact decimals (分, i.e. 1/100 元, in a 64-bit integer), never floating point, and its
// two written forms: figures ("1,001.10") and Chinese capitals (大写金额, 壹仟零壹元壹角整) by the
// 会计基础工作规范 rules. Used by vouchers (render and check) and anything else that prints money.

#include <cstdint>
#include <string>
#include <string_view>

namespace gongwen::model {

class Amount {
 public:
  Amount() = default;
  static Amount fromFen(std::int64_t fen) { return Amount(fen); }
  // "1001.1", "1,001.10", "1001", "0.05"; at most two decimals, non-negative, below 10^12 元.
  // Throws Error(InputInvalid, "amount.invalid") saying what is wrong with `text`.
  static Amount parse(std::string_view text);

  std::int64_t fen() const { return fen_; }
  std::string figures() const;  // "1,001.10": thousands separators, always two decimals

  friend bool operator==(Amount a, Amount b) { return a.fen_ == b.fen_; }
  friend bool operator!=(Amount a, Amount b) { return a.fen_ != b.fen_; }
  // Both throw Error(InputInvalid, "amount.overflow") when the result reaches 10^12 元, and * throws
  // "amount.invalid" for a negative quantity.
  friend Amount operator+(Amount a, Amount b);
  friend Amount operator*(Amount unitPrice, std::int64_t quantity);

 private:
  explicit Amount(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

// 大写金额, generated with ICU's rule-based number format (financial spell-out) plus the 元角分,
// 零 and 整 conventions: 1,001.10 -> 壹仟零壹元壹角整; 0.05 -> 伍分; 10.00 -> 壹拾元整.
std::string capitalAmount(Amount amount);

}  // namespace gongwen::model
