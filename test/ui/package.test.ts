import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openConveyor, openWorkbench, pickQuickItem, runCommand, screenshot, type Workbench } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

describe('UI: the packaged .vsix', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let vsix: string;
  before(async () => {
    vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-vsix-')), 'conveyor.vsix');
    // Package from a copy so the repository's dist/ (and a running watch build) are untouched.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-pkg-'));
    for (const entry of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'src', 'packages', 'media', 'schemas', 'scripts', 'tsconfig.json']) {
      if (fs.existsSync(path.join(ROOT, entry))) fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: copy, stdio: 'ignore' });
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix],
      { cwd: copy, stdio: 'ignore' });
    fs.rmSync(copy, { recursive: true, force: true });
    wb = await openWorkbench({ name: 'package', emulator: false, vsix, settings: { 'conveyor.aws.endpointUrl': '' } });
  });
  after(async () => { await wb?.close(); });

  it('installs with code-server --install-extension and runs its commands', async () => {
    // 2.35 MiB with the language server for Node and for the web worker, the language client and the web build (the
    // linter CLI is not shipped: it is the conveyor-lint package's); over 40 % of it is the README's screenshots.
    assert.ok(fs.statSync(vsix).size < 2.5 * 1024 * 1024, `the .vsix stays lean (${fs.statSync(vsix).size} bytes)`);
    await openConveyor(wb.page);
    await runCommand(wb.page, 'Conveyor: Select Region');
    await pickQuickItem(wb.page, 'eu-north-1');
    await wb.page.waitForFunction(() => document.querySelector('.statusbar')?.textContent?.includes('· eu-north-1'));
    await screenshot(wb.page, 'package-installed');
  });
});
