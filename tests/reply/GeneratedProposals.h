#pragma once
// A proposals register of any size, made up for tests and the benchmark: both kinds, all three
// classes, both importances, lead and assisting units, answers with headings, commas, quotes and
// line breaks (so every row exercises the CSV quoting), received dates over month ends and a leap
// day. Ten rows can be spoiled, each in one column, in ten different ways.

#include <string>
#include <vector>

namespace gongwen::testing {

struct SpoiledRow {
  int index;           // 0-based data row; the register's row number is index + 2
  const char* column;  // the column the error must name
  const char* code;
};

// The ten ways, at the rows given (spread over the file).
inline const std::vector<SpoiledRow>& spoiledRows() {
  static const std::vector<SpoiledRow> rows = {
      {3, "答复", "proposal.answer-missing"},  {21, "类别", "proposal.kind"},
      {40, "办理类别", "proposal.outcome"},    {58, "重要程度", "proposal.importance"},
      {77, "收到日期", "proposal.date"},       {95, "收到日期", "proposal.date"},
      {114, "标题", "proposal.missing-glyph"}, {133, "姓名", "proposal.name-too-long"},
      {152, "届次", "proposal.session"},       {171, "主办协办", "proposal.units"},
  };
  return rows;
}

inline std::string csvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

inline std::string generatedProposalsCsv(int rows, bool spoil) {
  static const char* const kNames[] = {"王志强", "陈立新", "刘芳",        "张海燕",
                                       "李明",   "赵红英", "买买提·艾力", "欧阳晓东"};
  static const char* const kTopics[] = {"餐饮油烟污染治理", "黑臭水体治理",     "工地扬尘管控",
                                        "饮用水水源地保护", "医疗废物规范处置", "农村生活垃圾分类",
                                        "城区噪声污染治理"};
  static const char* const kDates[] = {"2026-01-31", "2026-02-28", "2026-06-30", "2026-08-31",
                                       "2026-09-29", "2026-10-31", "2026-12-31", "2028-02-29"};
  static const char* const kUnits[] = {"主办", "主办（协办：市水利局）",
                                       "主办（协办：市水利局、市城市管理局）",
                                       "协办（主办：市住房和城乡建设局）"};
  std::string csv =
      "\xEF\xBB\xBF类别,届次,编号,姓名,标题,主办协办,承办股室,收到日期,重要程度,办理类别,联系人,联系电话,"
      "答复\r\n";
  for (int i = 0; i < rows; ++i) {
    const bool deputy = i % 2 == 0;
    const std::string topic = kTopics[i % 7];
    std::vector<std::string> f = {deputy ? "人大代表建议" : "政协委员提案",
                                  deputy ? "十七届五次会议" : "十四届五次会议",
                                  std::to_string(100 + i),
                                  kNames[i % 8],
                                  "关于加强" + topic + "的" + (deputy ? "建议" : "提案"),
                                  kUnits[i % 4],
                                  i % 3 == 0 ? "业务股" : "政策法规室",
                                  kDates[i % 8],
                                  i % 5 == 0 ? "重要" : "一般",
                                  std::string(1, static_cast<char>('A' + i % 3)),
                                  "周晓燕",
                                  "0571-86003456",
                                  "一、工作进展\n我局对" + topic + "开展了专项检查，共检查单位" +
                                      std::to_string(30 + i) + "家，督促整改问题" +
                                      std::to_string(10 + i % 17) + "个。\n\n（一）“" + topic +
                                      "”专项行动\n专项行动已于2026年10月完成，相关经验正在推广。\n\n二、下一"
                                      "步工作\n我局将继续加强监管，按月通报进展，"
                                      "欢迎您继续监督。"};
    if (spoil) {
      for (const SpoiledRow& s : spoiledRows()) {
        if (s.index != i) continue;
        const std::string column = s.column;
        if (column == "答复") f[12] = " \n ";
        if (column == "类别") f[0] = "市民来信";
        if (column == "办理类别") f[9] = "D";
        if (column == "重要程度") f[8] = "紧急";
        if (column == "收到日期") f[7] = s.index == 77 ? "2026-02-30" : "2026/03/05";
        if (column == "标题") f[4] = "关于加强\xF0\x9F\x98\x80环境保护的建议";  // U+1F600, an emoji
        if (column == "姓名") f[3] = "阿卜杜热合曼·买买提明·艾则孜·吐尔逊·热合曼江·阿里";
        if (column == "届次") f[1] = "第十四届";
        if (column == "主办协办") f[5] = "牵头";
      }
    }
    for (std::size_t c = 0; c < f.size(); ++c) csv += (c ? "," : "") + csvField(f[c]);
    csv += "\r\n";
  }
  return csv;
}

}  // namespace gongwen::testing
