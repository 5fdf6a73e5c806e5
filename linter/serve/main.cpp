// galley-serve: the review page's program, run by `galley serve` (tools/ServeCommand.cpp).
#include "serve/ServeCommand.h"

int main(int argc, char** argv) { return galley::serve::runServeMain(argc, argv); }
