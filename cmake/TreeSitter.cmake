# Builds galley_treesitter: the Markdown block and inline grammars plus the chosen runtime.
set(_md "${GALLEY_MD_GRAMMAR}")
add_library(galley_treesitter STATIC
  "${_md}/tree-sitter-markdown/src/parser.c"
  "${_md}/tree-sitter-markdown/src/scanner.c"
  "${_md}/tree-sitter-markdown-inline/src/parser.c"
  "${_md}/tree-sitter-markdown-inline/src/scanner.c")
# Third-party C: compiled without our warning flags, optimised even in Debug builds.
set_source_files_properties(
  "${_md}/tree-sitter-markdown/src/parser.c" "${_md}/tree-sitter-markdown/src/scanner.c"
  "${_md}/tree-sitter-markdown-inline/src/parser.c" "${_md}/tree-sitter-markdown-inline/src/scanner.c"
  PROPERTIES COMPILE_OPTIONS "-O2;-w")
# Both grammars have a src/tree_sitter/parser.h; each file finds its own through its directory.
set_target_properties(galley_treesitter PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)

if(GALLEY_TS_RUNTIME STREQUAL "vendored")
  set(_rt "${GALLEY_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib")
  if(NOT EXISTS "${_rt}/src/lib.c")
    message(FATAL_ERROR "vendored tree-sitter runtime not found at ${_rt}; run npm ci in third_party/")
  endif()
  target_sources(galley_treesitter PRIVATE "${_rt}/src/lib.c")
  set_source_files_properties("${_rt}/src/lib.c" PROPERTIES COMPILE_OPTIONS "-O2;-w")
  target_include_directories(galley_treesitter PRIVATE "${_rt}/src" PUBLIC "${_rt}/include")
  target_compile_definitions(galley_treesitter PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
else()
  pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)
  target_link_libraries(galley_treesitter PUBLIC PkgConfig::TREE_SITTER)
endif()
