#pragma once
// A notice job written by the end-to-end tests that render text of their own.

#include <string>
#include <vector>

namespace gongwen::testing {

// A notice with `title`, each of `attachmentTitles` as an attachment, `copiesTo`, and
// `paragraphs` as its 正文.
inline std::string noticeJob(const std::string& title, const std::vector<std::string>& attachmentTitles,
                             const std::string& copiesTo,
                             const std::vector<std::string>& paragraphs = {"现将有关事项通知如下。"}) {
  std::string job =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<job template=\"notice\" approvalChain=\"bureau-document\">\n"
      "  <issuer>江州市生态环境局</issuer>\n"
      "  <docNumber>江州环发〔2026〕40号</docNumber>\n"
      "  <title>" +
      title +
      "</title>\n"
      "  <mainRecipients>各区生态环境分局：</mainRecipients>\n"
      "  <body>\n";
  for (const std::string& p : paragraphs) job += "    <p>" + p + "</p>\n";
  job += "  </body>\n";
  for (const std::string& a : attachmentTitles) {
    job += "  <attachment>\n    <title>" + a + "</title>\n    <p>示例正文。</p>\n  </attachment>\n";
  }
  job +=
      "  <signatory seal=\"administrative-seal\">江州市生态环境局</signatory>\n"
      "  <date>2026年11月27日</date>\n"
      "  <copiesTo>" +
      copiesTo +
      "</copiesTo>\n"
      "  <printer>江州市生态环境局办公室</printer>\n"
      "  <printDate>2026年11月27日</printDate>\n"
      "</job>\n";
  return job;
}

}  // namespace gongwen::testing
