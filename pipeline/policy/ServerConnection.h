#pragma once
// A connection to the PostgreSQL server database (ServerDatabase.h), as the stores use it: statements
// with text parameters in transactions, rows of text. libpqxx, libpq and what they bring (Kerberos,
// LDAP, GnuTLS …) live in the plugin libgongwen-postgres.so (pipeline/plugins/postgres/), loaded on
// first use (pipeline/core/Plugin.h), so that only the commands given a postgresql:// registry pay for
// loading them. Failures of the server or the connection are std::exceptions whose message is the
// server's or libpq's reason (may echo the URL: see server::reason).

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

// The plugin's entry point; its name changes with this interface, so that a plugin of another build
// is refused.
#define GONGWEN_POSTGRES_PLUGIN_ENTRY gongwen_postgres_plugin_v1

namespace gongwen::policy::server {

// A statement's parameter or a row's field: text, or NULL (the server reads a parameter's text as
// its column's type).
using Value = std::optional<std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> fields) : fields_(std::move(fields)) {}
  bool isNull(std::size_t column) const { return !fields_.at(column); }
  const std::string& text(std::size_t column) const {
    const Value& field = fields_.at(column);
    if (!field)
      throw std::runtime_error("column " + std::to_string(column) + " is NULL where text is needed");
    return *field;
  }
  long long integer(std::size_t column) const { return std::stoll(text(column)); }
  // Every field in column order, for a caller that reads rows of statements it does not know.
  const std::vector<Value>& fields() const { return fields_; }

 private:
  std::vector<Value> fields_;
};

class Transaction {
 public:
  virtual ~Transaction() = default;
  // Runs `sql` with $1, $2 … bound to `parameters`; the rows it returns.
  virtual std::vector<Row> exec(const std::string& sql, const std::vector<Value>& parameters = {}) = 0;
  // `text` as an SQL string literal.
  virtual std::string quote(const std::string& text) = 0;
  // Without it the transaction is rolled back when destroyed.
  virtual void commit() = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  enum class Mode { ReadOnly, ReadWrite };
  // One transaction at a time per connection.
  virtual std::unique_ptr<Transaction> begin(Mode mode) = 0;
};

// What the plugin provides.
class ConnectionFactory {
 public:
  virtual std::unique_ptr<Connection> connect(const std::string& url) const = 0;

 protected:
  ~ConnectionFactory() = default;
};

// Throws Error(System, "plugin.missing") when the plugin cannot be loaded, and the plugin's
// std::exception when the server cannot be reached.
std::unique_ptr<Connection> openConnection(const std::string& url);

// The parameters of a statement, in order: text as it is, integers in decimal, an empty optional as
// NULL.
inline Value parameter(const std::string& text) { return text; }
inline Value parameter(const char* text) { return std::string(text); }
inline Value parameter(long long number) { return std::to_string(number); }
inline Value parameter(int number) { return std::to_string(number); }
inline Value parameter(const std::optional<std::string>& text) { return text; }
template <typename... Args>
std::vector<Value> parameters(const Args&... args) {
  return {parameter(args)...};
}

}  // namespace gongwen::policy::server
