# The iText 5 and PDFBox 2 signers and the iText checker of tests/signing/other_signers_test.cpp,
# compiled against Debian's jars (scripts/install-deps.sh installs them and the JDK). Without them
# the build goes on and those tests fail, naming what is missing: CI has them, so nothing may skip.
find_package(Java 11 COMPONENTS Development Runtime)
set(_other_signers_test ${CMAKE_CURRENT_SOURCE_DIR}/signing/other_signers_test.cpp)
set(_classpath "")
set(_missing "")
foreach(_jar itext5 bcprov bcpkix bcutil pdfbox2 fontbox2 commons-logging)
  find_file(GONGWEN_JAR_${_jar} ${_jar}.jar PATHS /usr/share/java NO_DEFAULT_PATH)
  if(GONGWEN_JAR_${_jar})
    list(APPEND _classpath ${GONGWEN_JAR_${_jar}})
  else()
    list(APPEND _missing ${_jar}.jar)
  endif()
endforeach()
if(NOT Java_JAVAC_EXECUTABLE OR NOT Java_JAVA_EXECUTABLE)
  list(APPEND _missing "a JDK (javac, java)")
endif()

if(_missing)
  string(REPLACE ";" ", " _missing "${_missing}")
  message(WARNING "other signers' tests will fail: missing ${_missing}; run scripts/install-deps.sh")
  set_source_files_properties(${_other_signers_test} PROPERTIES COMPILE_DEFINITIONS
    "GONGWEN_TEST_JAVA_MISSING=\"${_missing}; run scripts/install-deps.sh\"")
else()
  file(GLOB _java_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/signing/java/*.java)
  set(_classes ${CMAKE_CURRENT_BINARY_DIR}/other-signers)
  string(REPLACE ";" ":" _classpath "${_classpath}")
  add_custom_command(OUTPUT ${_classes}/compiled.stamp
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_classes}
    COMMAND ${Java_JAVAC_EXECUTABLE} -Xlint:all,-path -Werror -d ${_classes} -cp ${_classpath} ${_java_sources}
    COMMAND ${CMAKE_COMMAND} -E touch ${_classes}/compiled.stamp
    DEPENDS ${_java_sources}
    COMMENT "Compiling the iText and PDFBox test signers")
  add_custom_target(gongwen_other_signers DEPENDS ${_classes}/compiled.stamp)
  add_dependencies(gongwen_signing_tests gongwen_other_signers)
  set_source_files_properties(${_other_signers_test} PROPERTIES COMPILE_DEFINITIONS
    "GONGWEN_TEST_JAVA=\"${Java_JAVA_EXECUTABLE}\";GONGWEN_TEST_JAVA_CLASSPATH=\"${_classes}:${_classpath}\"")
endif()
