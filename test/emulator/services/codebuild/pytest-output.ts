// What `pytest --junitxml … --tb=native` prints for a suite of TestCaseSpecs, so a build's log tells
// the same story as its test report: the same cases, failures and tracebacks.
import { ansi, type OutputContext } from './command-output';
import type { TestCaseSpec } from './report-suites';

const { reset, red, green, yellow, bold } = ansi;

export function pytestRun(cases: readonly TestCaseSpec[], failing: boolean) {
  return (ctx: OutputContext): string[] => {
    const files = new Map<string, string>();
    for (const c of cases) {
      const file = `${c.prefix.split('.').slice(0, 2).join('/')}.py`;
      const mark = c.skipped ? `${yellow}s${reset}` : failing && c.failure ? `${red}${c.failure.status === 'ERROR' ? 'E' : 'F'}${reset}` : `${green}.${reset}`;
      files.set(file, (files.get(file) ?? '') + mark);
    }
    const failed = failing ? cases.filter((c) => c.failure?.status === 'FAILED') : [];
    const errors = failing ? cases.filter((c) => c.failure?.status === 'ERROR') : [];
    const skipped = cases.filter((c) => c.skipped).length;
    const passed = cases.length - failed.length - errors.length - skipped;
    const lines = [
      `${bold}============================= test session starts ==============================${reset}`,
      'platform linux -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0',
      `rootdir: ${ctx.srcDir}`,
      'plugins: cov-5.0.0',
      `collected ${cases.length} items`,
      '',
      ...[...files].map(([file, marks]) => `${file} ${marks}`),
      '',
    ];
    if (failing) {
      lines.push('=================================== FAILURES ===================================');
      for (const c of [...failed, ...errors]) {
        lines.push(`${red}${bold}_____ ${c.prefix.split('.').slice(2).join('.')}.${c.name} _____${reset}`, ...c.failure!.message(ctx.srcDir).split('\n').slice(1), '');
      }
    }
    lines.push(`- generated xml file: ${ctx.srcDir}/reports/junit.xml -`);
    const parts = [failed.length ? `${failed.length} failed` : '', errors.length ? `${errors.length} error` : '', `${passed} passed`, skipped ? `${skipped} skipped` : ''].filter(Boolean);
    const colour = failing ? red : green;
    lines.push(`${colour}======================= ${parts.join(', ')} in ${(ctx.rng.int(30, 90) / 10).toFixed(2)}s =======================${reset}`);
    return lines;
  };
}
