#include "pipeline/reply/LetterWording.h"

namespace gongwen::reply {
namespace {

// Placeholders: {session} 市十七届人大五次会议, {number} 126, {word} 建议/提案, {title} without 《》,
// {member} 王志强代表 / 李敏委员, {units} who leads and who assists, {lead} the lead unit's full name.
constexpr LetterWording kLead{
    "关于对{session}第{number}号{word}答复的函",
    "{member}：",
    "您在{session}期间提出的第{number}号{word}《{title}》收悉。该{word}由{units}"
    "。我局高度重视，认真研究办理，"
    "现将办理情况答复如下：",
    "感谢您对我局工作的关心和支持，欢迎继续提出宝贵意见。",
    true,
};

constexpr LetterWording kAssisting{
    "关于对{session}第{number}号{word}协办意见的函",
    "{lead}：",
    "{member}在{session}期间提出的第{number}号{word}《{title}》由你单位主办、我局协办。我局认真研究，"
    "现将协办意见函告如下：",
    "以上意见，请在答复{member}时一并研究采纳。",
    false,
};

}  // namespace

const LetterWording& letterWording(UnitRole role) { return role == UnitRole::Assisting ? kAssisting : kLead; }

std::string filledIn(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open; (open = text.find('{', at)) != std::string::npos;) {
    const std::size_t close = text.find('}', open);
    out += text.substr(at, open - at);
    out += values.at(text.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  return out + text.substr(at);
}

}  // namespace gongwen::reply
