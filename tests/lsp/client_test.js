// Drives `galley lsp` with the LSP client library editors use (vscode-jsonrpc): pull diagnostics,
// UTF-8 position negotiation, cancellation, malformed frames followed by a valid request, a
// draft's own .galley.yaml, and hover on a fact finding (its source) with an absolute note URI.
// Usage: node client_test.js PATH_TO_GALLEY. Exits 0 when every check passes, 1 otherwise,
// 77 (skipped) when the pinned client packages are not installed (run `npm ci` here).
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

let rpc;
let protocol;
try {
  rpc = require('vscode-jsonrpc/node');
  protocol = require('vscode-languageserver-protocol');
} catch (error) {
  console.log('SKIP: vscode-jsonrpc is not installed in tests/lsp (npm ci there; .ci/bootstrap.sh does it)');
  process.exit(77);
}

const galley = process.argv[2];
const uri = 'file:///drafts/note.md';
// "é" is 2 bytes, "–" 3, the curly quotes 3 each, the emoji 4: UTF-8 columns differ from UTF-16.
const text = '# Note\n\nCaf\u00e9 \u2013 \u201cyes\u201d \ud83d\ude00 the Secretary General spoke.\n';

function withTimeout(promise, ms, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);
}

async function main() {
  const child = spawn(galley, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout),
                                                 new rpc.StreamMessageWriter(child.stdin));
  const pushed = [];
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => pushed.push(params));
  connection.onError(() => {});  // the parse-error response to the broken frame has a null id
  connection.listen();

  const init = await withTimeout(connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] }, textDocument: { diagnostic: {} } },
    initializationOptions: { debounceMs: 3000 },
  }), 30000, 'initialize');
  assert.equal(init.capabilities.positionEncoding, 'utf-8');
  assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics advertised');
  assert.equal(init.capabilities.textDocumentSync.change, 2, 'incremental sync');
  await connection.sendNotification(protocol.InitializedNotification.type, {});

  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type,
                                    { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  // The first lint runs at once; the pull is answered with UTF-8 columns.
  const report = await withTimeout(connection.sendRequest(protocol.DocumentDiagnosticRequest.type, { textDocument: { uri } }),
                                   10000, 'pull diagnostics');
  assert.equal(report.kind, 'full');
  const title = report.items.find((d) => d.code === 'un-style.title-hyphenation');
  assert.ok(title, `title diagnostic in ${JSON.stringify(report.items)}`);
  const line = text.split('\n')[2];
  const byteColumn = Buffer.byteLength(line.slice(0, line.indexOf('Secretary')), 'utf8');
  assert.deepEqual(title.range.start, { line: 2, character: byteColumn });
  assert.equal(title.source, 'galley');
  assert.equal(pushed.length, 0, 'a pull client gets no pushed diagnostics');

  // An edit starts a 3 s debounce; a pull made now waits for it, and cancelling it answers -32800.
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } }, text: 'Memo' }],
  });
  const source = new rpc.CancellationTokenSource();
  const pending = connection.sendRequest(protocol.DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
  setTimeout(() => source.cancel(), 50);
  await assert.rejects(withTimeout(pending, 2000, 'cancelled pull'), (error) => error.code === -32800);

  // Malformed frames on the raw pipe: bad JSON, a bad header. Then a valid request is answered.
  child.stdin.write('Content-Length: 5\r\n\r\n{oops');
  child.stdin.write('Content-Length: twelve\r\n\r\n');
  const hover = await withTimeout(connection.sendRequest(protocol.HoverRequest.type,
                                  { textDocument: { uri }, position: { line: 2, character: byteColumn + 2 } }), 10000, 'hover');
  assert.ok(hover && hover.contents.value.includes('un-style.title-hyphenation'), JSON.stringify(hover));
  const unknown = connection.sendRequest('galley/noSuchMethod', {});
  await assert.rejects(unknown, (error) => error.code === -32601);

  // A draft in a folder whose .galley.yaml turns the title rule off and the fact rule to warning.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-lsp-client-'));
  try {
    fs.writeFileSync(path.join(folder, '.galley.yaml'),
                     'rules:\n  un-style.title-hyphenation: off\n  sco-un.fact: warning\n');
    const draftUri = pathToFileURL(path.join(folder, 'release.md')).href;
    const draft = '---\ntitle: Convention\ndate: 2017-03-14\n---\n\nThe Secretary General said the Shanghai Convention ' +
                  'on Combating Terrorism, Separatism and Extremism was signed in Moscow in 2001.\n';
    await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type,
                                      { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draft } });
    const own = await withTimeout(connection.sendRequest(protocol.DocumentDiagnosticRequest.type, { textDocument: { uri: draftUri } }),
                                  10000, 'pull diagnostics of the configured draft');
    assert.equal(own.items.find((d) => d.code === 'un-style.title-hyphenation'), undefined, 'title rule off by .galley.yaml');
    const fact = own.items.find((d) => d.code === 'sco-un.fact');
    assert.ok(fact, `fact diagnostic in ${JSON.stringify(own.items)}`);
    assert.equal(fact.severity, 2, 'warning, from .galley.yaml');
    const noteUri = fact.relatedInformation[0].location.uri;
    assert.match(noteUri, /^file:\/\/\/.*facts-documents\.yaml$/, 'the note is an absolute file URI');
    assert.ok(fs.existsSync(new URL(noteUri)), `${noteUri} exists`);
    const factHover = await withTimeout(connection.sendRequest(protocol.HoverRequest.type,
                                        { textDocument: { uri: draftUri }, position: fact.range.start }), 10000, 'fact hover');
    assert.match(factHover.contents.value, /Source: \[The World and Japan database[^\]]*\]\(https:\/\/worldjpn\.net\//,
                 factHover.contents.value);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  const code = await withTimeout(exited, 10000, 'exit');
  assert.equal(code, 0, 'exit status after shutdown');
  assert.match(stderr, /Content-Length/, 'the bad header was logged');
  connection.dispose();
  console.log('lsp node client: all checks passed');
}

main().catch((error) => {
  console.error('FAIL', error && error.stack ? error.stack : error);
  process.exit(1);
});
