#pragma once
// One PostgreSQL server per test suite (starting one takes a second or two), a fresh database per
// test: ServerTest::url() names it.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tests/support/PostgresServer.h"

namespace gongwen::testing {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = PostgresServer::start(missing_); }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    if (!server_) GTEST_SKIP() << missing_;
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("t_") + test->test_suite_name() + "_" + test->name();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    url_ = server_->createDatabase(name);
  }

  const std::string& url() const { return url_; }
  PostgresServer& server() const { return *server_; }

 private:
  static inline std::unique_ptr<PostgresServer> server_;
  static inline std::string missing_;
  std::string url_;
};

}  // namespace gongwen::testing
