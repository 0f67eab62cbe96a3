#pragma once
// Reads the proposals register: a UTF-8 CSV under exactly the header
//   类别,届次,编号,姓名,标题,主办协办,承办股室,收到日期,重要程度,办理类别,联系人,联系电话,答复
// or, for a file named *.xml, XML valid against schemas/proposals.xsd. Both are held to the
// proposals register's input limit.

#include <string>
#include <vector>

#include "pipeline/reply/Proposal.h"

namespace gongwen::reply {

// Every row, as text. Throws Error(InputInvalid, ...) for a file that cannot be read as a register at
// all: "proposals.header" (naming the header expected and the one found), "csv.syntax",
// "proposals.xml" / "proposals.schema" / "proposals.doctype"; Error(System, "io.read").
std::vector<ProposalRecord> readProposals(const std::string& path);

// The header row, comma separated.
std::string proposalsHeader();

}  // namespace gongwen::reply
