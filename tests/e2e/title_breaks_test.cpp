// Title breaks (GB/T 9704 7.3.1: 词意完整, 排列对称, 梯形或菱形) on 45 titles that are not the
// samples', each set as an attachment's title of one rendered job and read back by Poppler: the
// terms each must keep whole (organ names the job lists, 《…》 titles, numbers with their units,
// compound terms) stand on one line, no title is an hourglass, and 正梯形 or 菱形 outnumber 上长下短.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/core/AtomicFile.h"
#include "tests/e2e/NoticeJob.h"
#include "tests/support/PdfInspect.h"
#include "tests/support/TestSupport.h"

using namespace gongwen::testing;

namespace {

struct TitleCase {
  const char* title;
  std::vector<std::string> whole;
};

// Organ names the job lists (抄送), and so protects in its titles.
const char* const kOrgans =
    "江州市发展和改革委员会，江州市住房和城乡建设局，江州市交通运输局，江州经济技术开发区管理委员会，"
    "江州市东湖区人民政府，江州市西山区生态环境分局，江州市应急管理局，中共江州市生态环境局党组。";

const TitleCase kTitles[] = {
    {"江州市发展和改革委员会关于下达2027年度生态环境保护专项资金投资计划的通知",
     {"江州市发展和改革委员会", "2027年度", "生态环境保护", "专项资金"}},
    {"关于印发《江州市重污染天气应急预案》的通知", {"《江州市重污染天气应急预案》"}},
    {"江州市住房和城乡建设局关于开展城镇污水处理厂运行情况专项检查的通知",
     {"江州市住房和城乡建设局", "污水处理厂"}},
    {"江州市西山区生态环境分局关于报送第三季度重点排污单位自动监测数据的报告",
     {"江州市西山区生态环境分局", "第三季度", "重点排污单位", "自动监测"}},
    {"关于同意江州经济技术开发区管理委员会设立危险废物集中收集点的批复",
     {"江州经济技术开发区管理委员会", "危险废物"}},
    {"江州市生态环境局关于印发集中式饮用水水源地环境保护专项行动方案的通知",
     {"集中式饮用水水源地", "环境保护", "专项行动"}},
    {"江州市生态环境局关于进一步加强突发环境事件应急监测能力建设的意见", {"突发环境事件", "应急监测"}},
    {"江州市交通运输局关于申请拨付2026年度港口岸电设施建设补助资金的请示", {"江州市交通运输局", "2026年度"}},
    {"江州市应急管理局关于开展危险化学品企业安全生产大检查的通知", {"江州市应急管理局", "安全生产"}},
    {"关于江州市东湖区人民政府申请调整饮用水水源保护区范围的批复", {"江州市东湖区人民政府", "饮用水水源"}},
    {"江州市生态环境局关于2026年第二季度全市环境空气质量状况的通报", {"2026年", "第二季度"}},
    {"江州市生态环境局关于表彰2026年度生态环境保护工作先进集体和先进个人的决定",
     {"2026年度", "生态环境保护"}},
    {"关于做好中央生态环境保护督察反馈问题整改销号工作的通知", {"中央生态环境保护督察"}},
    {"江州市生态环境局关于组织开展重点排污单位排污许可执行情况检查的通知", {"重点排污单位", "排污许可"}},
    {"江州市生态环境局关于江州化工园区污水处理厂扩建工程环境影响报告书的批复",
     {"化工园区", "污水处理厂", "扩建工程", "环境影响报告书"}},
    {"江州市生态环境局关于加强全市生态环境系统党风廉政建设的通知", {"生态环境系统", "党风廉政建设"}},
    {"关于召开全市生态环境系统2027年工作会议暨党风廉政建设工作会议的通知",
     {"生态环境系统", "2027年", "党风廉政建设"}},
    {"江州市生态环境局关于对市人大十七届六次会议第45号建议的答复", {"人大", "十七届", "六次", "第45号"}},
    {"江州市生态环境局关于对市政协十四届六次会议第112号提案答复的函", {"十四届", "六次", "第112号"}},
    {"江州市生态环境局关于印发大气污染防治攻坚行动实施方案的通知", {"大气污染防治"}},
    {"关于印发江州市土壤污染防治和固体废物管理工作方案的通知", {"土壤污染防治", "固体废物"}},
    {"江州市生态环境局关于申请增加3个空气质量自动监测站点建设资金的请示", {"3个", "自动监测"}},
    {"江州市生态环境局关于调整局机关办公室和执法检查处职责分工的请示", {"办公室", "执法检查"}},
    {"江州市生态环境局关于开展第二次全国污染源普查成果应用工作的通知", {"第二次"}},
    {"江州市生态环境局关于开展重点企业温室气体排放报告核查工作的通知", {"温室气体"}},
    {"江州市生态环境局关于扎实推进碳达峰碳中和工作的实施意见", {"碳达峰", "碳中和"}},
    {"江州市生态环境局关于加强高新技术产业开发区生态环境监管的通知", {"高新技术产业开发区", "生态环境"}},
    {"江州市生态环境局关于全面落实河长制湖长制加强水污染防治工作的通知", {"水污染防治"}},
    {"江州市生态环境局关于2026年度生态环境行政执法统计情况的报告", {"2026年度", "行政执法"}},
    {"江州市生态环境局关于印发《江州市生态环境行政处罚裁量基准》的通知",
     {"《江州市生态环境行政处罚裁量基准》"}},
    {"关于江州高新区水务有限公司污水处理厂提标改造项目竣工环境保护验收的批复",
     {"有限公司", "污水处理厂", "提标改造", "环境保护"}},
    {"江州市生态环境局关于开展打击危险废物环境违法犯罪专项行动的通知", {"危险废物", "专项行动"}},
    {"江州市生态环境局关于报送2026年度党建工作和干部教育培训工作总结的报告",
     {"2026年度", "党建工作", "教育培训"}},
    {"江州市生态环境局关于优化营商环境提升行政许可审批服务质量的通知", {"营商环境", "行政许可"}},
    {"江州市生态环境局关于深入学习贯彻习近平新时代中国特色社会主义思想的通知",
     {"习近平新时代中国特色社会主义思想"}},
    {"江州市生态环境局关于开展服务乡村振兴农村生活污水治理专项督查的通知", {"乡村振兴"}},
    {"江州市生态环境局关于做好2027年元旦春节期间突发环境事件防范工作的通知", {"2027年", "突发环境事件"}},
    {"江州市生态环境局关于公开招聘2名环境监测专业技术人员的请示", {"2名"}},
    {"江州市生态环境局关于印发饮用水水源地环境风险隐患排查整治方案的通知",
     {"饮用水水源地", "风险隐患", "排查整治"}},
    {"中共江州市生态环境局党组关于加强全局干部队伍作风建设的意见",
     {"中共江州市生态环境局党组", "干部队伍", "作风建设"}},
    {"江州市生态环境局关于对江州经济技术开发区管理委员会环境违法行为处理意见的函",
     {"江州经济技术开发区管理委员会"}},
    {"江州市生态环境局关于开展工业园区污水集中处理设施专项排查的通知", {"工业园区"}},
    {"江州市生态环境局关于报送2026年第三季度生态环境信访工作情况的报告", {"2026年", "第三季度", "生态环境"}},
    {"江州市生态环境局江州市应急管理局关于联合开展化工园区环境安全隐患排查的通知",
     {"江州市生态环境局", "江州市应急管理局", "化工园区"}},
    {"江州市生态环境局关于推进生态文明建设示范区创建工作的通知", {"生态文明建设"}},
};

bool isHourglass(const std::vector<double>& widths) {
  size_t i = 1;
  while (i < widths.size() && widths[i] >= widths[i - 1] - 0.5) ++i;
  while (i < widths.size() && widths[i] <= widths[i - 1] + 0.5) ++i;
  return i < widths.size();
}

TEST(TitleBreaks, FortyFiveTitlesKeepTheirTermsWholeInATrapezoidOrDiamond) {
  TempDir dir;
  const std::string job = dir.file("titles.xml");
  const std::string pdfPath = dir.file("titles.pdf");
  std::vector<std::string> attachments;
  for (const TitleCase& c : kTitles) attachments.push_back(c.title);
  gongwen::writeFileAtomically(job,
                               noticeJob("江州市生态环境局关于公布标题排版示例的通知", attachments, kOrgans));
  const auto r = run({gongwenBinary(), "render", job, "-o", pdfPath});
  ASSERT_EQ(r.exitCode, 0) << r.err;

  PdfInspect pdf(pdfPath);
  std::vector<std::vector<TextLine>> titles;  // each attachment's title lines (二号), in order
  for (int page = 0; page < pdf.pages(); ++page) {
    std::vector<TextLine> lines;
    for (const TextLine& line : pdf.lines(page)) {
      if (std::abs(line.chars.front().fontSize - 22) < 0.5) lines.push_back(line);
    }
    // Page 1's own title is the job's, not one of the cases.
    if (page > 0 && !lines.empty()) titles.push_back(lines);
  }
  ASSERT_EQ(titles.size(), std::size(kTitles));

  int wellShaped = 0, topHeavy = 0, multiLine = 0;
  for (size_t i = 0; i < titles.size(); ++i) {
    std::string joined, shown;
    std::vector<double> widths;
    for (const TextLine& line : titles[i]) {
      joined += line.text();
      shown += line.text() + " / ";
      widths.push_back(line.right() - line.left());
    }
    ASSERT_EQ(joined, kTitles[i].title);
    for (const std::string& term : kTitles[i].whole) {
      bool whole = false;
      for (const TextLine& line : titles[i]) whole |= line.text().find(term) != std::string::npos;
      EXPECT_TRUE(whole) << "\"" << term << "\" is split: " << shown;
    }
    EXPECT_FALSE(isHourglass(widths)) << shown;
    if (widths.size() < 2) continue;
    ++multiLine;
    if (widths.front() > widths.back() + 0.5 && widths.front() >= widths[1] - 0.5)
      ++topHeavy;
    else
      ++wellShaped;
  }
  EXPECT_GE(multiLine, 40);
  EXPECT_GT(wellShaped, 2 * topHeavy) << "正梯形 and 菱形 are preferred to 上长下短";
}

// A name longer than a line of 二号 type cannot stay whole: the title is set all the same, and
// both check and render warn, naming the name.
TEST(TitleBreaks, ATitleThatMustBreakInsideANameIsSetAndBothCheckAndRenderWarn) {
  const std::string name = "江州市人大常委会选举任免联络工作委员会办公室综合科";
  TempDir dir;
  const std::string job = dir.file("long-name.xml");
  gongwen::writeFileAtomically(
      job, noticeJob("江州市生态环境局关于商请" + name + "协助调查的通知", {}, name + "。"));
  const auto checked = run({gongwenBinary(), "check", job});
  EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
  EXPECT_NE(checked.out.find("warning[title.break-inside-term]"), std::string::npos) << checked.out;
  EXPECT_NE(checked.out.find("“" + name + "”"), std::string::npos) << checked.out;
  EXPECT_NE(checked.out.find("(/job/title)"), std::string::npos) << checked.out;

  const auto rendered = run({gongwenBinary(), "render", job, "-o", dir.file("long-name.pdf")});
  EXPECT_EQ(rendered.exitCode, 0) << rendered.err;
  EXPECT_NE(rendered.err.find("warning[title.break-inside-term]"), std::string::npos) << rendered.err;

  // A title that can be set whole draws no warning.
  gongwen::writeFileAtomically(job, noticeJob("江州市生态环境局关于商请协助调查的通知", {}, name + "。"));
  const auto clean = run({gongwenBinary(), "check", job});
  EXPECT_EQ(clean.out.find("title."), std::string::npos) << clean.out;
}

}  // namespace
