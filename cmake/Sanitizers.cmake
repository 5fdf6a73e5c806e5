# Instrumented builds (clang only), applied to every target defined after this file is included:
#   GALLEY_SANITIZE=ON  AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer, any
#                       finding fatal (-fno-sanitize-recover=all): the test suite runs under them.
#   GALLEY_FUZZ=ON      the same plus libFuzzer's coverage instrumentation, and the fuzz/ targets.
#                       The unit tests still build and run in such a tree (the coverage hooks are
#                       no-ops outside libFuzzer), so one instrumented tree serves both CI stages.
option(GALLEY_SANITIZE "Build everything with ASan, LSan and UBSan (clang)" OFF)
option(GALLEY_FUZZ "Build the libFuzzer targets in fuzz/, everything instrumented (clang)" OFF)
# A long fuzz run explores faster without AddressSanitizer (3-10x more executions per second); what
# it finds is then replayed through an ASan tree (.ci/fuzz.sh --long does both).
option(GALLEY_FUZZ_ASAN "With GALLEY_FUZZ: AddressSanitizer too (OFF: UBSan and coverage only)" ON)

if(GALLEY_SANITIZE OR GALLEY_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "GALLEY_SANITIZE and GALLEY_FUZZ need clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14 "
                        "-DCMAKE_C_COMPILER=clang-14; Debian packages clang-14 and libclang-rt-14-dev)")
  endif()
  set(galley_checked address,undefined)
  if(GALLEY_FUZZ AND NOT GALLEY_FUZZ_ASAN AND NOT GALLEY_SANITIZE)
    set(galley_checked undefined)
  endif()
  add_compile_options(-fsanitize=${galley_checked} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${galley_checked})
  if(GALLEY_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
endif()

# The grammars' generated parser.c files are state tables in a few huge functions: instrumenting
# them costs minutes of compile time and finds nothing the runtime and scanners would not. Their
# scanners (hand-written C) and the tree-sitter runtime stay instrumented. The runtime keeps its
# sanitizers and edge coverage but not libFuzzer's comparison tracing: its parse loop compares
# parser states byte by byte, and tracing those comparisons took a third of a draft target's time
# (perf) while guiding mutations towards nothing a draft means. Deferred to the end of the
# directory, after cmake/TreeSitter.cmake has set these files' own options.
if(GALLEY_SANITIZE OR GALLEY_FUZZ)
  function(galley_uninstrument_generated_parsers)
    foreach(grammar tree-sitter-markdown tree-sitter-markdown-inline)
      set_property(SOURCE "${GALLEY_MD_GRAMMAR}/${grammar}/src/parser.c" APPEND PROPERTY COMPILE_OPTIONS
                   -fno-sanitize=all)
    endforeach()
    if(GALLEY_FUZZ AND GALLEY_TS_RUNTIME STREQUAL "vendored")
      set_property(SOURCE "${GALLEY_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib/src/lib.c" APPEND
                   PROPERTY COMPILE_OPTIONS -fno-sanitize-coverage=trace-cmp)
    endif()
  endfunction()
  cmake_language(DEFER CALL galley_uninstrument_generated_parsers)
endif()
