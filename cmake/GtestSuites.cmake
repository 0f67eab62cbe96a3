# Script mode (cmake -P), run after a test program is built: registers one ctest test per GoogleTest
# suite of TEST_EXECUTABLE (--gtest_filter=Suite.*) in CTEST_FILE, labelled LABEL, with COST.
#
# gtest_discover_tests would register one test per test, each run in a process of its own; the
# suites make their expensive fixtures (signed samples, the test PKI's policy, a PostgreSQL server,
# a rendered batch) once per process in SetUpTestSuite or function statics, so under per-test
# processes every test made them again.
execute_process(COMMAND "${TEST_EXECUTABLE}" --gtest_list_tests OUTPUT_VARIABLE listing
                RESULT_VARIABLE status TIMEOUT 60)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${TEST_EXECUTABLE} --gtest_list_tests failed (${status}):\n${listing}")
endif()
# Suite lines start in the first column and end in '.' (a typed suite adds "  # TypeParam = …");
# the tests under them are indented.
string(REGEX MATCHALL "\n[A-Za-z_][A-Za-z0-9_/]*\\." suites "\n${listing}")
set(script "")
foreach(line IN LISTS suites)
  string(REGEX REPLACE "^\n(.*)\\.$" "\\1" suite "${line}")
  string(APPEND script "add_test([=[${suite}]=] \"${TEST_EXECUTABLE}\" [=[--gtest_filter=${suite}.*]=])\n"
         "set_tests_properties([=[${suite}]=] PROPERTIES LABELS ${LABEL} COST ${COST})\n")
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
