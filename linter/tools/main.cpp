// galley: the command-line front end. Everything lives in the tools library; this only forwards.
#include "tools/Cli.h"

int main(int argc, char** argv) { return galley::tools::runCli(argc, argv); }
