// Loaded by VS Code as `extensionTestsPath`: runs every compiled host suite inside the real extension
// host and writes a machine-readable summary for the runner (console output is not reliably
// forwarded by every VS Code build).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

interface Summary { passed: number; failed: number; pending: number; failures: { title: string; error: string }[]; lines: string[] }

export function run(): Promise<void> {
  const summary: Summary = { passed: 0, failed: 0, pending: 0, failures: [], lines: [] };
  const resultsFile = process.env.CONVEYOR_TEST_RESULTS;
  const write = (): void => { if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2)); };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.CONVEYOR_HOST_GREP) mocha.grep(process.env.CONVEYOR_HOST_GREP);
  for (const file of findTests(__dirname).sort()) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write();
      if (failures > 0) reject(new Error(`${failures} host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => { summary.passed++; summary.lines.push(`  ✓ ${t.fullTitle()}`); write(); });
    runner.on('pending', (t) => { summary.pending++; summary.lines.push(`  - ${t.fullTitle()} (skipped)`); });
    runner.on('fail', (t, err: Error) => {
      summary.failed++;
      summary.failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
      summary.lines.push(`  ✗ ${t.fullTitle()}`);
      write();
    });
  });
}
