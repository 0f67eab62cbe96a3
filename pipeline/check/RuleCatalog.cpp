#include "pipeline/check/RuleCatalog.h"

#include <stdexcept>
#include <string>
#include <unordered_map>

namespace gongwen::check {

namespace {
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;
}  // namespace

const std::vector<RuleInfo>& ruleCatalog() {
  static const std::vector<RuleInfo> rules = {
      // 标点符号 (GB/T 15834-2011; 条例 第十一条)
      {"punct.halfwidth", E, "GB/T 15834-2011；条例第十一条", "中文语句中使用了半角（英文）标点",
       "今天,我们开会.", "改为对应的全角标点"},
      {"punct.ellipsis", E, "GB/T 15834-2011 省略号", "省略号应为两个“…”（六个点，占两个字位置）", "等等...",
       "改为“……”"},
      {"punct.dash", E, "GB/T 15834-2011 破折号", "破折号应为两个“—”（占两个字位置）", "这项工作--最重要",
       "改为“——”"},
      {"punct.doubled", E, "GB/T 15834-2011 5.1.2", "标点符号重复使用", "各单位，，要", "删去重复的标点"},
      {"punct.unbalanced", E, "GB/T 15834-2011 引号、括号、书名号", "引号、括号或书名号不配对",
       "《通知的学习", "—"},
      {"punct.nesting", E, "GB/T 15834-2011 引号、书名号（嵌套）",
       "嵌套错误：双引号里面用单引号，书名号里面用单书名号", "《关于《条例》的说明》", "—"},
      {"punct.space", E, "GB/T 9704-2012 附 B.3（公文不键入空格）",
       "中文之间、中文与数字或字母之间不应键入空格", "2026 年", "删去空格"},
      // 数字 (GB/T 15835-2011)
      {"number.fullwidth", E, "GB/T 15835-2011（阿拉伯数字用半角）", "阿拉伯数字和外文字母应使用半角字符",
       "２０２６年", "改为半角字符"},
      {"number.range", E, "GB/T 15835-2011（数值范围）", "表示数值范围时，两个数值的百分号或万、亿都应写出",
       "15～30%", "补写单位：15%～30%"},
      {"number.range-mark", W, "GB/T 15834-2011 连接号（浪纹线）", "表示数值范围应使用浪纹线“～”", "3~5天",
       "改为“～”"},
      {"number.approximate", E, "GB/T 15834-2011 顿号；GB/T 15835-2011 概数",
       "相邻两个数字连用表示概数时，中间不用顿号", "三、四个", "删去顿号"},
      {"number.zero", E, "GB/T 15835-2011（〇与零）", "年份等编号用“〇”，计数中的零用“零”", "二零二六年",
       "改为“〇”或“零”"},
      // 日期
      {"date.leading-zero", E, "GB/T 9704-2012 7.3.5.4；GB/T 15835-2011（日期）",
       "日期中的月、日不编虚位（不加前导“0”）", "2026年01月05日", "删去前导“0”"},
      {"date.invalid", E, "GB/T 9704-2012 7.3.5.4", "日期不存在（月份或日期超出日历）", "2026年2月30日", "—"},
      {"date.chinese-numerals", E, "GB/T 9704-2012 7.3.5.4、7.4.3", "成文日期和印发日期应使用阿拉伯数字",
       "二〇二六年十一月二十七日", "改为“2026年11月27日”"},
      {"date.form", E, "GB/T 9704-2012 7.3.5.4、7.4.3", "日期应写作“2026年11月27日”（年份写全）", "26年11月",
       "—"},
      // 发文字号
      {"docnum.brackets", E, "GB/T 9704-2012 7.2.5", "发文字号中的年份应使用六角括号“〔〕”",
       "国办发[2026]1号", "改为“〔〕”"},
      {"docnum.year", E, "GB/T 9704-2012 7.2.5", "发文字号中的年份应标全称（四位数字）", "国办发〔26〕1号",
       "—"},
      {"docnum.di", E, "GB/T 9704-2012 7.2.5", "发文字号的序号前不加“第”字", "国办发〔2026〕第1号",
       "删去“第”"},
      {"docnum.leading-zero", E, "GB/T 9704-2012 7.2.5", "发文字号的序号不编虚位（1不编为01）",
       "国办发〔2026〕001号", "删去前导“0”"},
      {"docnum.code-typo", E, "GB/T 9704-2012 7.2.5", "机关代字中的“发”字误写", "某政办法〔2026〕1号",
       "改为“发”"},
      {"docnum.form", E, "GB/T 9704-2012 7.2.5",
       "发文字号应由机关代字、〔年份〕、序号和“号”组成，如“国办发〔2026〕1号”", "国办发〔2026〕1", "—"},
      // 结构层次序数
      {"ordinal.form", E, "GB/T 9704-2012 7.3.3；GB/T 15834-2011 附录B",
       "结构层次序数写法不规范，应依次为“一、”“（一）”“1.”“（1）”", "1、加强领导", "改为规范写法"},
      {"ordinal.sequence", W, "GB/T 9704-2012 7.3.3", "同一层次的序数不连续", "一、… 三、…", "—"},
      {"ordinal.level", W, "GB/T 9704-2012 7.3.3", "结构层次越级或顺序颠倒（应为一、→（一）→1.→（1））",
       "一、… 1.…（一）…", "—"},
      // 要素格式
      {"structure.heading-period", E, "GB/T 9704-2012 7.3.3；GB/T 15834-2011 附录B",
       "独立成行的标题末尾不加句号", "一、总体要求。", "删去句号"},
      {"structure.repeated-word", W, "条例第十九条（校核文字）", "词语重复，可能是误输入", "会议决定决定",
       "—"},
      {"structure.main-recipient-colon", E, "GB/T 9704-2012 7.3.2", "主送机关最后一个机关名称后标全角冒号",
       "各区县人民政府", "补全角冒号“：”"},
      {"structure.copies-to-period", E, "GB/T 9704-2012 7.4.2", "抄送机关最后一个机关名称后标句号",
       "抄送：市委办公室，市政府办公室", "末尾改为“。”"},
      {"structure.attachment-punct", E, "GB/T 9704-2012 7.3.4", "附件名称后不加标点符号",
       "附件：1. 实施方案。", "删去末尾标点"},
      {"structure.attachment-mismatch", E, "GB/T 9704-2012 7.3.4、7.3.7", "附件说明与附件的序号或名称不一致",
       "附件：1. 实施方案 …… 附件1 工作方案", "—"},
      {"structure.note-brackets", E, "GB/T 9704-2012 7.3.6", "附注应加全角圆括号“（）”", "此件公开发布",
       "加“（）”"},
      {"structure.title-kind", E, "条例第九条（七）", "标题应由发文机关、事由和文种组成，文种与模板不符",
       "关于开展检查的报告（模板为通知）", "—"},
      // 排版（render 与 check 排出标题后报告）
      {"title.break-inside-term", W, "GB/T 9704-2012 7.3.1", "标题回行应词意完整，排不下时拆开了名称或词语",
       "江州市生态环境局关于……污水处理 / 厂……的批复", "—"},
      {"title.shape", W, "GB/T 9704-2012 7.3.1", "标题中有长于一行的词，回行无法保持词意完整并排成梯形或菱形",
       "超过一行的外文名称", "—"},
      // 规定与制度
      {"policy.classification-mark", E, "GB/T 9704-2012 7.2.2", "密级和保密期限之间应用“★”隔开", "秘密*1年",
       "改为“★”"},
      {"policy.classification-level", E, "条例第九条（二）", "密级只能是“绝密”“机密”“秘密”", "内部", "—"},
      {"policy.classification-period", E, "保密法（绝密30年、机密20年、秘密10年）",
       "保密期限应以阿拉伯数字标注且不超过法定最长期限", "秘密★15年", "—"},
      {"policy.copy-number", E, "GB/T 9704-2012 7.2.1；条例第九条（一）", "涉密公文应标注6位阿拉伯数字份号",
       "份号17", "补足6位"},
      {"policy.urgency", E, "条例第九条（三）", "公文紧急程度只能标注“特急”或“加急”", "紧急", "—"},
      {"policy.request-recipient", E, "条例第十五条", "请示应当一文一事，只主送一个上级机关",
       "主送：市政府、市财政局：", "—"},
      {"policy.request-signer", E, "条例第九条（六）", "上行文应当标注签发人姓名", "请示无签发人", "—"},
      // 命令（令）格式
      {"decree.number-missing", E, "GB/T 9704-2012 10.2", "令应在发文机关标志下标注令号",
       "江州市生态环境局令（无令号）", "—"},
      {"decree.number", E, "GB/T 9704-2012 10.2", "令号应写作“第”＋阿拉伯数字＋“号”", "第〇三号", "—"},
      {"decree.signer-missing", E, "GB/T 9704-2012 7.3.5.3、10.2", "令应标注签发人职务并加盖签名章",
       "令无签发人职务", "—"},
      {"decree.signature-seal", E, "GB/T 9704-2012 7.3.5.3", "签发人职务后应加盖签发人签名章",
       "局长（无签名章）", "—"},
      // 表单（请假条、报销凭证）
      {"leave.date-order", E, "制度汇编 请假", "请假的截止日期早于起始日期", "2026年12月3日至2026年12月1日",
       "—"},
      {"leave.days", E, "制度汇编 请假（按日历日计，可请半天）",
       "请假天数与起止日期不符：天数应为起止日历日数，或少半天、一天（首尾各半天）", "12月1日至12月3日，1天",
       "—"},
      {"leave.coverage", E, "制度汇编 请假（法定假期）",
       "公休假、探亲假、婚假、产假、丧假须写明请假期间的工作安排（coverage）", "婚假，无工作安排", "—"},
      {"voucher.item-amount", E, "会计基础工作规范 第五十一条", "报销项目的金额应等于数量乘以单价",
       "2 × 35.00 = 75.00", "—"},
      {"voucher.total", E, "会计基础工作规范 第五十一条", "报销凭证的合计金额应等于各项金额之和",
       "70.00 + 30.00，合计 110.00", "—"},
      {"voucher.capitals", E, "会计基础工作规范 第五十二条", "大写金额与小写合计金额不一致",
       "1,001.10 写作 壹仟零壹元整", "—"},
      // 检查本身
      {"check.too-many", E, "gongwen 的限制（README 输入限制）",
       "问题过多，此后的文字未检查；请先改正以上问题再检查", "每行都有问题的长文本", "—"},
  };
  return rules;
}

const RuleInfo& ruleInfo(std::string_view id) {
  static const std::unordered_map<std::string_view, const RuleInfo*> byId = [] {
    std::unordered_map<std::string_view, const RuleInfo*> m;
    for (const auto& r : ruleCatalog()) m.emplace(r.id, &r);
    return m;
  }();
  const auto it = byId.find(id);
  if (it == byId.end()) throw std::logic_error("unknown check rule " + std::string(id));
  return *it->second;
}

std::string ruleTable() {
  std::string out = "| id | severity | clause | example | fix |\n|---|---|---|---|---|\n";
  for (const auto& r : ruleCatalog()) {
    out += "| " + std::string(r.id) + " | " + severityName(r.severity) + " | " + std::string(r.clause) +
           " | `" + std::string(r.example) + "` | " + std::string(r.fix) + " |\n";
  }
  return out;
}

const char* severityName(Severity s) { return s == Severity::Error ? "error" : "warning"; }

}  // namespace gongwen::check
