// libgongwen-postgres.so: pipeline/policy/ServerConnection.h over libpqxx.

#include <pqxx/pqxx>

#include "pipeline/policy/ServerConnection.h"

namespace gongwen::policy::server {

namespace {

template <typename PqxxTransaction>
class PqxxTransactionOf : public Transaction {
 public:
  explicit PqxxTransactionOf(pqxx::connection& connection) : work_(connection) {}

  std::vector<Row> exec(const std::string& sql, const std::vector<Value>& parameters) override {
    // libpqxx 6 sends a null const char* as NULL.
    std::vector<const char*> texts;
    texts.reserve(parameters.size());
    for (const Value& value : parameters) texts.push_back(value ? value->c_str() : nullptr);
    const pqxx::result result = parameters.empty()
                                    ? work_.exec(sql)
                                    : work_.exec_params(sql, pqxx::prepare::make_dynamic_params(texts));
    std::vector<Row> rows;
    rows.reserve(result.size());
    for (const pqxx::row& row : result) {
      std::vector<Value> fields;
      fields.reserve(row.size());
      for (const pqxx::field& field : row)
        fields.push_back(field.is_null() ? Value() : Value(std::string(field.c_str(), field.size())));
      rows.emplace_back(std::move(fields));
    }
    return rows;
  }

  std::string quote(const std::string& text) override { return work_.quote(text); }

  void commit() override { work_.commit(); }

 private:
  PqxxTransaction work_;
};

class PqxxConnection : public Connection {
 public:
  explicit PqxxConnection(const std::string& url) : connection_(url) {}

  std::unique_ptr<Transaction> begin(Mode mode) override {
    if (mode == Mode::ReadOnly)
      return std::make_unique<PqxxTransactionOf<pqxx::read_transaction>>(connection_);
    return std::make_unique<PqxxTransactionOf<pqxx::work>>(connection_);
  }

 private:
  pqxx::connection connection_;
};

class Factory : public ConnectionFactory {
 public:
  std::unique_ptr<Connection> connect(const std::string& url) const override {
    return std::make_unique<PqxxConnection>(url);
  }
};

}  // namespace

}  // namespace gongwen::policy::server

extern "C" __attribute__((visibility("default"))) const gongwen::policy::server::ConnectionFactory*
GONGWEN_POSTGRES_PLUGIN_ENTRY() {
  static const gongwen::policy::server::Factory factory;
  return &factory;
}
