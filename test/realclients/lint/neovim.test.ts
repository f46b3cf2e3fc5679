// Neovim's built-in LSP client (Debian's neovim, headless, a minimal config) runs the language server on
// a broken buildspec; the diagnostics Neovim holds are read back from it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCE_SERVER } from '../../unit/server/lsp-client';
import { cleanEnv, findTool, run } from '../harness';
import { BROKEN_BUILDSPEC, writeTranscript } from './lint-fixtures';

/** The whole client configuration a Neovim user writes (0.7's API; the README shows 0.11's). */
const INIT_LUA = `
vim.cmd('filetype on')
vim.api.nvim_create_autocmd('FileType', { pattern = { 'yaml', 'json' }, callback = function(args)
  local id = vim.lsp.start_client({
    name = 'conveyor',
    cmd = vim.fn.json_decode(os.getenv('CONVEYOR_LSP_CMD')),
    root_dir = vim.fn.getcwd(),
    settings = { conveyor = { validation = { rules = { ['buildspec/ecr-get-login-removed'] = 'information' } } } },
    -- 0.7 neither advertises workspace/configuration nor pushes settings itself (nvim-lspconfig does this).
    on_init = function(client) client.notify('workspace/didChangeConfiguration', { settings = client.config.settings }) end,
  })
  vim.lsp.buf_attach_client(args.buf, id)
end })
`;

/** Waits (polling Neovim's own state) for both diagnostics, the second with its configured severity, then writes them as JSON and quits. */
const READ_BACK_LUA = `
local function settled()
  local ds = vim.diagnostic.get(0)
  return #ds >= 2 and (ds[1].severity == vim.diagnostic.severity.INFO or ds[2].severity == vim.diagnostic.severity.INFO)
end
local ok = vim.wait(90000, settled, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.code, message = d.message, source = d.source })
end
table.sort(out, function(a, b) return a.lnum < b.lnum end)
local f = io.open(os.getenv('CONVEYOR_OUT'), 'w')
f:write(vim.fn.json_encode({ ok = ok, diagnostics = out }))
f:close()
vim.cmd('qa!')
`;

describe('Neovim\'s LSP client with conveyor-language-server', function () {
  this.timeout(300_000);
  let nvim: string;
  const dir = mkdtempSync(join(tmpdir(), 'conveyor-nvim-'));

  before(function () {
    const found = findTool('nvim');
    if (!found) this.skip();
    nvim = found;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the broken buildspec\'s problems, with the rule severities from its settings', async () => {
    const home = join(dir, 'home');
    const project = join(dir, 'project');
    mkdirSync(home);
    mkdirSync(project);
    writeFileSync(join(dir, 'init.lua'), INIT_LUA);
    writeFileSync(join(dir, 'read-back.lua'), READ_BACK_LUA);
    const text = `${BROKEN_BUILDSPEC}      - $(aws ecr get-login --no-include-email --region us-east-1)\n`;
    writeFileSync(join(project, 'buildspec.yml'), text);
    const out = join(dir, 'diagnostics.json');
    const env = cleanEnv(home, { CONVEYOR_LSP_CMD: JSON.stringify(SOURCE_SERVER), CONVEYOR_OUT: out });
    const args = ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), 'buildspec.yml', '-c', `luafile ${join(dir, 'read-back.lua')}`];
    const r = await run(nvim, args, { cwd: project, env, timeoutMs: 240_000 });
    assert.equal(r.code, 0, r.output);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: { lnum: number; col: number; severity: number; code: string; message: string; source: string }[] };
    writeTranscript('neovim-diagnostics.json', [JSON.stringify(result, null, 2)]);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(result.diagnostics.map((d) => [d.lnum, d.col, d.severity, d.code, d.source]), [
      [2, 2, 1, 'schema/unknown-key', 'conveyor'],
      [5, 10, 3, 'buildspec/ecr-get-login-removed', 'conveyor'],
    ]);
    assert.match(result.diagnostics[0]?.message ?? '', /Unknown key 'biuld' in phases\. Did you mean 'build'\?/);
  });
});
