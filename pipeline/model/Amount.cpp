#include "pipeline/model/Amount.h"

#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include <memory>

#include "pipeline/core/Error.h"

namespace gongwen::model {
namespace {

constexpr std::int64_t kFenPerYuan = 100;
// Below 10^12 元: the largest unit a voucher needs is 亿 (9999亿), and the bound keeps every sum and
// product of two valid amounts far from int64 overflow before it is checked.
constexpr std::int64_t kLimitFen = 1'000'000'000'000 * kFenPerYuan;

Error invalid(std::string_view text, const std::string& what) {
  return inputError("amount.invalid", "amount \"" + std::string(text) + "\" " + what +
                                          "; write it as figures like 1,001.10 or 1001.1 (at most two "
                                          "decimals, not negative, below 1,000,000,000,000)");
}

Error overflow(const std::string& what) {
  return inputError("amount.overflow",
                    what + " reaches 1,000,000,000,000 元 or more, beyond what a voucher can state");
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The digits of the 元 part, with the thousands separators checked and removed: either none at all
// or one before every group of three ("1,001", never "1,00,1" or "1001,000").
std::string yuanDigits(std::string_view text, std::string_view whole) {
  std::string digits;
  const std::size_t firstComma = whole.find(',');
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const bool commaHere = firstComma != std::string_view::npos && (whole.size() - i) % 4 == 0;
    if (commaHere != (whole[i] == ',') || (commaHere && i == 0)) {
      throw invalid(text, "has a misplaced thousands separator");
    }
    if (commaHere) continue;
    if (!isDigit(whole[i])) throw invalid(text, "is not a number");
    digits += whole[i];
  }
  if (digits.empty()) throw invalid(text, "has no figures before the decimal point");
  if (digits.size() > 1 && digits[0] == '0') throw invalid(text, "starts with a superfluous 0");
  return digits;
}

}  // namespace

Amount Amount::parse(std::string_view text) {
  if (text.empty()) throw invalid(text, "is empty");
  if (text[0] == '-') throw invalid(text, "is negative");
  const std::size_t point = text.find('.');
  const std::string digits = yuanDigits(text, text.substr(0, point));
  std::string_view decimals = point == std::string_view::npos ? "" : text.substr(point + 1);
  if (point != std::string_view::npos && decimals.empty()) throw invalid(text, "ends in a decimal point");
  if (decimals.size() > 2) throw invalid(text, "has more than two decimals (分 is the smallest unit)");
  for (char c : decimals) {
    if (!isDigit(c)) throw invalid(text, "is not a number");
  }
  if (digits.size() > 12) throw invalid(text, "is too large");
  std::int64_t fen = 0;
  for (char c : digits) fen = fen * 10 + (c - '0');
  fen *= kFenPerYuan;
  if (!decimals.empty()) fen += (decimals[0] - '0') * 10;
  if (decimals.size() == 2) fen += decimals[1] - '0';
  return Amount(fen);
}

std::string Amount::figures() const {
  const std::string yuan = std::to_string(fen_ / kFenPerYuan);
  std::string out;
  for (std::size_t i = 0; i < yuan.size(); ++i) {
    if (i > 0 && (yuan.size() - i) % 3 == 0) out += ',';
    out += yuan[i];
  }
  const std::int64_t cents = fen_ % kFenPerYuan;
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  out += static_cast<char>('0' + cents % 10);
  return out;
}

Amount operator+(Amount a, Amount b) {
  // Both operands are below kLimitFen (parse, operator* and operator+ keep them there), so the sum
  // cannot wrap before it is compared.
  const std::int64_t sum = a.fen_ + b.fen_;
  if (sum >= kLimitFen) throw overflow("the sum " + a.figures() + " + " + b.figures());
  return Amount(sum);
}

Amount operator*(Amount unitPrice, std::int64_t quantity) {
  if (quantity < 0) {
    throw inputError("amount.invalid", "quantity " + std::to_string(quantity) + " is negative");
  }
  if (quantity != 0 && unitPrice.fen_ > (kLimitFen - 1) / quantity) {
    throw overflow(unitPrice.figures() + " × " + std::to_string(quantity));
  }
  return Amount(unitPrice.fen_ * quantity);
}

namespace {

// ICU's zh %spellout-cardinal-financial rules, held once per thread (an ICU formatter is not safe
// to share between threads while it formats).
const icu::RuleBasedNumberFormat& financialSpellOut() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    if (U_SUCCESS(status)) f->setDefaultRuleSet(u"%spellout-cardinal-financial", status);
    if (U_FAILURE(status)) {
      throw systemError("icu.spellout", std::string("ICU has no Chinese financial spell-out rules (") +
                                            u_errorName(status) + "); check the ICU data package");
    }
    return f;
  }();
  return *format;
}

const char* const kDigitCapitals[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
const std::string kTen = "拾";
const std::string kZero = "零";
const std::string kYi = "亿";
// Every character of the spelled-out number is a three-byte UTF-8 sequence.
constexpr std::size_t kCharBytes = 3;

bool endsInNonZeroDigit(const std::string& s) {
  if (s.size() < kCharBytes) return false;
  for (int d = 1; d <= 9; ++d) {
    if (s.compare(s.size() - kCharBytes, kCharBytes, kDigitCapitals[d]) == 0) return true;
  }
  return false;
}

// The 元 part in capitals, as ICU spells it, corrected where ICU's zh rules depart from 大写金额:
// - ICU writes 10 as 拾 and 100,000 as 拾万 (the spoken 十万); 大写金额 writes the digit before 拾
//   (壹拾元, 壹拾万), so that nothing can be written in front of it. Every 拾 that does not follow
//   a digit gets its 壹.
// - After 亿, ICU writes 零 only when the rest is below 10,000 (壹亿零壹), not when the 万 group has
//   a leading gap (101,000,000 comes out 壹亿壹佰万). The 规范 (第五十二条 (四)) requires a 零 for
//   every gap of zeros between digits, so the 零 is added when the 千万 digit is 0 but the 万 group
//   is not.
std::string yuanInCapitals(std::int64_t yuan) {
  icu::UnicodeString spelled;
  financialSpellOut().format(static_cast<int64_t>(yuan), spelled);
  std::string icu;
  spelled.toUTF8String(icu);

  std::string out;
  for (std::size_t i = 0; i < icu.size(); i += kCharBytes) {
    if (icu.compare(i, kCharBytes, kTen) == 0 && !endsInNonZeroDigit(out)) out += kDigitCapitals[1];
    out.append(icu, i, kCharBytes);
  }
  const std::int64_t wanGroup = (yuan / 10'000) % 10'000;
  if (yuan >= 100'000'000 && wanGroup > 0 && wanGroup < 1'000) {
    const std::size_t yi = out.find(kYi) + kYi.size();
    if (out.compare(yi, kZero.size(), kZero) != 0) out.insert(yi, kZero);
  }
  return out;
}

}  // namespace

// The 元角分 conventions of 会计基础工作规范 第五十二条:
// - an amount that stops at 元 or 角 ends in 整; one with 分 does not (壹仟零壹元壹角整, 壹拾元零伍分);
// - a 0 between digits is written 零 — so a 0 角 between 元 and a 分 is 零 (壹拾元零伍分);
// - where the 元 digit is 0 and the 角 is not, the 规范 allows one 零 or none: we write none, the
//   元 already separating the parts (壹拾元伍角整, not 壹拾元零伍角整);
// - below one 元 there is no 元 part at all (伍分, 伍角整), as banks write 0.05; only nothing at
//   all is 零元整.
std::string capitalAmount(Amount amount) {
  if (amount.fen() < 0 || amount.fen() >= kLimitFen) {
    throw overflow("the amount of " + std::to_string(amount.fen()) + " 分");
  }
  const std::int64_t yuan = amount.fen() / kFenPerYuan;
  const int jiao = static_cast<int>(amount.fen() / 10 % 10);
  const int fen = static_cast<int>(amount.fen() % 10);
  if (amount.fen() == 0) return "零元整";

  std::string out;
  if (yuan > 0) out = yuanInCapitals(yuan) + "元";
  if (jiao > 0) {
    out += std::string(kDigitCapitals[jiao]) + "角";
  } else if (fen > 0 && yuan > 0) {
    out += kZero;
  }
  if (fen > 0) return out + kDigitCapitals[fen] + "分";
  return out + "整";
}

}  // namespace gongwen::model
