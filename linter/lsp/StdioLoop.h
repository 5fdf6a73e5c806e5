// The server's message loop over two file descriptors (stdin/stdout for `galley lsp`).
#pragma once

#include "lsp/Server.h"

namespace galley::lsp {

// Reads framed messages from `inFd`, hands them to a Server built from `options`, writes its
// messages framed to `outFd`, and lints when debounces pass. Framing problems are logged to
// `logFd` and skipped. Returns when `exit` arrives (0 after `shutdown`, else 1) or the input
// ends (1: the client went away without shutting down; a truncated last message is logged).
int runStdioLoop(const ServerOptions& options, int inFd, int outFd, int logFd);

}  // namespace galley::lsp
