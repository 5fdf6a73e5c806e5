#include "tools/CommandHelp.h"

#include "tools/CheckCommand.h"
#include "tools/TestCommand.h"

namespace galley::tools {

std::string mainHelp() {
  return "Usage: galley COMMAND [OPTIONS] [ARGS...]\n"
         "\n"
         "Galley lints and fact-checks official communiques (Markdown and plain text).\n"
         "\n"
         "Commands:\n"
         "  check PATH...        lint drafts (files, directories, '-' for stdin)\n"
         "  fix PATH...          apply the fixes Galley is sure of (--dry-run: show a diff)\n"
         "  lsp                  the language server for editors (stdio)\n"
         "  serve [FOLDER]       the review page in a browser, on this computer only\n"
         "  test [DIR...]        run every rule's self-tests and the annotated fixtures\n"
         "  dates TEXT           show the dates Galley understands in a text\n"
         "  init [DIR]           write a commented starter .galley.yaml\n"
         "  rules [PATH]         the rules that apply to PATH, with their severity and why\n"
         "  explain RULE         a rule's documentation, options and examples\n"
         "\n"
         "Options:\n"
         "  -h, --help           this help; 'galley COMMAND --help' for a command's options\n"
         "  --version            print the version\n"
         "\n"
         "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
         "2 usage, configuration or input error.\n";
}

std::string checkHelp() {
  return "Usage: galley check [OPTIONS] PATH...\n"
         "\n"
         "Lints each PATH: a file, a directory (walked for .md, .markdown and .txt files, sorted;\n"
         "hidden directories and node_modules skipped) or '-' for standard input. With no --rules\n"
         "the bundled packs apply. The nearest .galley.yaml above each file configures it.\n"
         "\n"
         "Options:\n" +
         formatOptions(checkOptions()) +
         "\n"
         "Inline suppressions, in HTML comments:\n"
         "  <!-- galley-disable [RULE...] -->  ...  <!-- galley-enable [RULE...] -->\n"
         "  <!-- galley-disable-next-line [RULE...] -->\n"
         "\n"
         "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
         "2 usage, configuration or input error (input errors win over findings).\n";
}

std::string testHelp() {
  return "Usage: galley test [OPTIONS] [DIR|FILE...]\n"
         "\n"
         "Runs the self-tests of every loaded rule and checks every fixture under the given\n"
         "directories (default: the bundled fixtures/; with --rules DIR, only that pack's rules\n"
         "and its DIR/fixtures/). A fixture states what it expects:\n"
         "  <!-- expect: pack.rule [col=N] [\"source text\"] -->  the next non-blank, non-comment\n"
         "                                                     line must get this diagnostic\n"
         "  <!-- ok: pack.rule -->                               ... and must not get this one\n"
         "  <!-- galley-fixture: clean -->  (or a file named clean*)  every rule on, nothing may fire\n"
         "Plain-text fixtures use a sidecar FILE.txt.expect with lines 'LINE[:COL] pack.rule',\n"
         "'LINE !pack.rule' or 'clean'. Only the rules a fixture names run on it; a fixture\n"
         "with no expectations is clean. Any unexpected diagnostic fails.\n"
         "\n"
         "Options:\n" +
         formatOptions(testOptions()) +
         "\n"
         "Exit status: 0 all passed, 1 something failed, 2 usage or configuration error.\n";
}

}  // namespace galley::tools
