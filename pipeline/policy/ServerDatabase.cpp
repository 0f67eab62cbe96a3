#include "pipeline/policy/ServerDatabase.h"

#include "pipeline/core/Error.h"

namespace gongwen::policy::server {

namespace {

const char* const kTriggerActions[] = {"update", "delete", "truncate"};
// Compared on every check: a function replaced by one that lets rows through is as bad as no trigger.
const char* const kRefusal =
    " BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP; END ";

std::string triggerName(const std::string& table, const std::string& action) {
  return table + "_append_only_" + action;
}

// Replaces every occurrence of `secret` in `text`.
std::string without(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
    text.replace(at, secret.size(), "***");
  return text;
}

// The password of the URL's user-info (user:PASSWORD@host), empty when there is none.
std::string userInfoPassword(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const std::size_t start = scheme + 3;
  const std::size_t end = url.find_first_of("/?", start);
  const std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  const std::size_t at = authority.rfind('@');
  if (at == std::string::npos) return "";
  const std::size_t colon = authority.find(':');
  if (colon == std::string::npos || colon > at) return "";
  return authority.substr(colon + 1, at - colon - 1);
}

// The values of password=… query parameters.
std::vector<std::string> queryPasswords(const std::string& url) {
  std::vector<std::string> passwords;
  const std::size_t query = url.find('?');
  if (query == std::string::npos) return passwords;
  for (std::size_t at = url.find("password=", query); at != std::string::npos;
       at = url.find("password=", at + 1)) {
    const std::size_t start = at + 9;
    passwords.push_back(url.substr(start, url.find('&', start) - start));
  }
  return passwords;
}

std::string redactSecrets(std::string text, const std::string& url) {
  text = without(text, userInfoPassword(url));
  for (const std::string& password : queryPasswords(url)) text = without(text, password);
  return text;
}

}  // namespace

bool isServerUrl(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string redactedUrl(const std::string& url) { return redactSecrets(url, url); }

void refuseInlinePassword(const std::string& url) {
  if (!userInfoPassword(url).empty() || !queryPasswords(url).empty())
    throw usageError(
        "usage.registry-password",
        redactedUrl(url) +
            ": the --registry URL carries a password, which every user of the machine can read on "
            "the command line; give it in PGPASSWORD or a PGPASSFILE instead");
}

std::string reason(const std::exception& error, const std::string& url) {
  // libpq's messages run over lines ("… failed: Connection refused\n\tIs the server running …");
  // an error is printed as one line.
  std::string message;
  for (char c : redactSecrets(error.what(), url)) {
    const bool space = c == '\n' || c == '\t' || c == ' ';
    if (!space) {
      message += c;
    } else if (!message.empty() && message.back() != ' ') {
      message += ' ';
    }
  }
  while (!message.empty() && message.back() == ' ') message.pop_back();
  return message;
}

std::unique_ptr<Connection> connect(const std::string& url, const std::string& code,
                                    const std::string& what) {
  try {
    return openConnection(url);
  } catch (const Error&) {
    throw;  // the plugin is missing: its own message says what to do
  } catch (const std::exception& e) {
    throw systemError(code, redactedUrl(url) + ": cannot connect to the " + what + ": " + reason(e, url) +
                                "; check the --registry URL, that the server runs, and the password "
                                "(PGPASSWORD or PGPASSFILE)");
  }
}

void lock(Transaction& work, Lock key) {
  work.exec("SELECT pg_advisory_xact_lock(" + std::to_string(static_cast<long long>(key)) + ")");
}

bool tableExists(Transaction& work, const std::string& table) {
  return !work.exec("SELECT to_regclass(" + work.quote(table) + ")").at(0).isNull(0);
}

std::vector<std::string> appendOnlyStatements(Transaction& work, const std::string& table) {
  std::vector<std::string> statements;
  if (work.exec("SELECT to_regprocedure('gongwen_append_only()')").at(0).isNull(0)) {
    statements.push_back(
        std::string("CREATE FUNCTION gongwen_append_only() RETURNS trigger LANGUAGE plpgsql AS $$") +
        kRefusal + "$$");
  }
  for (const std::string action : kTriggerActions) {
    const bool perRow = action != "truncate";
    statements.push_back("CREATE TRIGGER " + triggerName(table, action) + " BEFORE " + action + " ON " +
                         table + (perRow ? " FOR EACH ROW" : " FOR EACH STATEMENT") +
                         " EXECUTE FUNCTION gongwen_append_only()");
  }
  return statements;
}

std::vector<std::string> missingAppendOnlyTriggers(Transaction& work, const std::string& table) {
  std::vector<std::string> missing;
  for (const std::string action : kTriggerActions) {
    const std::string name = triggerName(table, action);
    const std::vector<Row> found = work.exec(
        "SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = to_regclass(" +
        work.quote(table) + ") AND t.tgname = " + work.quote(name) +
        " AND t.tgenabled <> 'D' AND p.proname = 'gongwen_append_only' AND p.prosrc = " +
        work.quote(kRefusal));
    if (found.empty()) missing.push_back(name);
  }
  return missing;
}

}  // namespace gongwen::policy::server
