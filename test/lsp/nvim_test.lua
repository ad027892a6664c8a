-- Neovim 0.7 (Debian's), headless: starts bpfverify-lsp with
-- vim.lsp.start_client, opens a BPF source with a missing NULL check and
-- expects bpfverify's error on the dereference's line next to clangd's own
-- diagnostic; then adds the check in the buffer (Neovim sends an
-- incremental didChange) and expects the error to go away.
-- Driven by test/lsp/nvim_test.py, which passes its settings in BV_* variables.
local env = vim.env
local function say(s) io.stderr:write(s .. '\n') end
local function fail(s) say('FAIL ' .. s); vim.cmd('cquit 1') end
local bad_line = tonumber(env.BV_BAD_LINE) -- 0-based

local client_id = vim.lsp.start_client({
  name = 'bpfverify-lsp',
  cmd = { env.BV_PROXY, '--clangd=' .. env.BV_CLANGD, '--clang=' .. env.BV_CLANG,
          '--plugin=' .. env.BV_PLUGIN, '--debounce=150', '--log=error', '--background-index=false' },
  root_dir = env.BV_DIR,
})
if not client_id then fail('vim.lsp.start_client failed') end

vim.cmd('edit ' .. vim.fn.fnameescape(env.BV_FILE))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

local function ours()
  local r = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'bpfverify' then table.insert(r, d) end
  end
  return r
end
local function clangs()
  local r = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source ~= 'bpfverify' then table.insert(r, d) end
  end
  return r
end

local t0 = vim.loop.hrtime()
if not vim.wait(30000, function() return #ours() > 0 and #clangs() > 0 end, 20) then
  fail(string.format('no bpfverify and clangd diagnostics together within 30 s (bpfverify %d, clangd %d)',
                     #ours(), #clangs()))
end
say(string.format('diagnostics after %.2f s (from attach, including clangd start-up)',
                  (vim.loop.hrtime() - t0) / 1e9))
local d = ours()[1]
say('bpfverify: line ' .. (d.lnum + 1) .. ': ' .. d.message)
for _, c in ipairs(clangs()) do say('clangd: line ' .. (c.lnum + 1) .. ': ' .. c.message) end
if d.lnum ~= bad_line then fail('bpfverify diagnostic on line ' .. (d.lnum + 1) .. ', want ' .. (bad_line + 1)) end
if not d.message:find("map_value_or_null", 1, true) then fail('unexpected message ' .. d.message) end
if d.severity ~= vim.diagnostic.severity.ERROR then fail('not an error') end
say('ok   bpfverify error on the right line, next to clangd\'s diagnostics')

-- Hover still answers (synchronous request through the proxy).
local pos = { line = bad_line - 1, character = 16 }
local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = vim.lsp.util.make_text_document_params(buf), position = pos }, 20000)
local hovered = false
for _, r in pairs(res or {}) do
  if r.result and vim.inspect(r.result):find('bpf_map_lookup_elem', 1, true) then hovered = true end
end
if not hovered then fail('hover did not answer') end
say('ok   hover answers')

-- The fix, typed into the buffer.
vim.api.nvim_buf_set_lines(buf, bad_line, bad_line + 1, false,
  { '\tif (cnt)', '\t\t__sync_fetch_and_add(cnt, 1);' })
if not vim.wait(30000, function() return #ours() == 0 end, 20) then
  fail('bpfverify diagnostic still there 30 s after the fix')
end
say('ok   the fix clears it')
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qall!')
