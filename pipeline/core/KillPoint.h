#pragma once
// Crash injection for the kill tests (tests/signing/sign_kill_test.cpp, ltv_test.cpp): the places
// where a crash could split a seal from its register row or leave half an output call
// killPointForTests("step"). When the environment variable GONGWEN_TEST_KILL_AT is "step",
// "step#N" (its Nth time) or either with ":TERM", the process sends itself SIGKILL (or SIGTERM)
// there. Unset, it costs one getenv.

namespace gongwen {

void killPointForTests(const char* step);

}  // namespace gongwen
