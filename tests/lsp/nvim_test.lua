-- Drives `galley lsp` from Neovim 0.7 (headless): diagnostics at the right positions, hover text,
-- a quick fix applied, and the diagnostic gone after the edit.
-- Environment: GALLEY_BINARY (the galley executable), GALLEY_NVIM_DRAFT (a scratch copy to edit).
-- Quits with status 0 when every check passes, 1 otherwise.

local function finish(ok, message)
  io.stdout:write((ok and 'PASS: ' or 'FAIL: ') .. message .. '\n')
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function run()
  local galley = assert(vim.env.GALLEY_BINARY, 'GALLEY_BINARY is not set')
  local draft = assert(vim.env.GALLEY_NVIM_DRAFT, 'GALLEY_NVIM_DRAFT is not set')
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'galley',
    cmd = { galley, 'lsp' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
    init_options = { debounceMs = 0 },
  })
  assert(client_id, 'the client did not start')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  local function titleDiagnostic()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.source == 'galley' and d.message:find('Secretary%-General') then return d end
    end
  end
  assert(vim.wait(30000, function() return titleDiagnostic() ~= nil end, 20), 'no title diagnostic arrived')
  local d = titleDiagnostic()
  local line = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
  local byteCol = line:find('Secretary General', 1, true) - 1
  -- Neovim stores byte columns; the server spoke UTF-16 and Neovim converted with the same line.
  assert(d.lnum == 2 and d.col == byteCol, ('diagnostic at %d:%d, expected 2:%d'):format(d.lnum, d.col, byteCol))
  assert(d.end_col == byteCol + #'Secretary General', 'wrong end column ' .. d.end_col)

  local client = vim.lsp.get_client_by_id(client_id)
  local utf16Col = vim.str_utfindex(line, byteCol)
  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 2, character = utf16Col + 2 },
  }, 10000, bufnr)
  assert(hover and hover.result and hover.result.contents.value:find('title%-hyphenation'), 'no hover text')

  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 2, character = 0 }, ['end'] = { line = 3, character = 0 } },
    context = { diagnostics = {} },
  }, 10000, bufnr)
  assert(actions and actions.result, 'no code actions')
  local fix
  for _, action in ipairs(actions.result) do
    if action.isPreferred and action.diagnostics and action.diagnostics[1].code == 'un-style.title-hyphenation' then fix = action end
  end
  assert(fix, 'no preferred quick fix for the title')
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  local fixed = vim.api.nvim_buf_get_lines(bufnr, 2, 3, false)[1]
  assert(fixed:find('the Secretary-General spoke', 1, true), 'the edit was not applied: ' .. fixed)
  assert(vim.wait(30000, function() return titleDiagnostic() == nil end, 20), 'the diagnostic stayed after the fix')
  vim.lsp.stop_client(client_id)
  return 'diagnostic at 3:' .. (byteCol + 1) .. ', hover, quick fix applied, diagnostic cleared'
end

local ok, result = pcall(run)
finish(ok, tostring(result))
