import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The architecture rules of eslint.config.mjs, proven to fail: each case lints a small source text as if it were
// a file at `at` (the files it imports are real) and compares the rule messages.
const ROOT = path.resolve(__dirname, '../../..');

interface Finding { rule: string | null; message: string }

let eslint: ESLint;

async function lint(at: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, at) });
  assert.ok(result, `no lint result for ${at}`);
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

function rulesOf(findings: Finding[]): (string | null)[] {
  return findings.map((f) => f.rule);
}

describe('tooling: ESLint enforces the architecture', function () {
  this.timeout(120_000);

  before(() => {
    eslint = new ESLint({
      cwd: ROOT,
      // The fixtures are not files of the TypeScript program, so the type-aware rules are off for them; the
      // boundary rules need no types.
      overrideConfig: [tseslint.configs.disableTypeChecked],
    });
  });

  it("refuses 'vscode' in a pure module and in a unit test, and allows it in an editor adapter", async () => {
    const code = "import * as vscode from 'vscode';\nexport const v = vscode.version;\n";
    const pure = await lint('src/pipelines/model/fixture.ts', code);
    assert.deepEqual(rulesOf(pure), ['no-restricted-imports']);
    assert.match(pure[0]!.message, /Only editor adapters import 'vscode'/);
    assert.deepEqual(rulesOf(await lint('src/core/fixture.ts', code)), ['no-restricted-imports']);
    assert.deepEqual(rulesOf(await lint('test/unit/pipelines/fixture.test.ts', code)), ['no-restricted-imports']);
    const typeOnly = "import type * as vscode from 'vscode';\nexport type U = vscode.Uri;\n";
    assert.deepEqual(rulesOf(await lint('src/logs/fixture.ts', typeOnly)), ['no-restricted-imports']);

    assert.deepEqual(await lint('src/pipelines/editor/fixture.ts', code), []);
    assert.deepEqual(await lint('src/editor/fixture.ts', code), []);
    assert.deepEqual(await lint('src/extension.ts', code), []);
  });

  it('refuses a feature importing another feature, statically, by type, dynamically, by require or by re-export', async () => {
    const imports = [
      "import * as buffer from '../../logs/buffer';\nexport const b = buffer;\n",
      "import type { LogEvent } from '../../logs/buffer';\nexport type E = LogEvent;\n",
      "export async function load(): Promise<unknown> { return import('../../logs/buffer'); }\n",
      "export type { LogEvent } from '../../logs/buffer';\n",
      // (no-require-imports reports this one too: a lazy require needs a reasoned disable.)
      "export const lazy = (): unknown => require('../../logs/buffer');\n",
    ];
    for (const code of imports) {
      const findings = (await lint('src/pipelines/model/fixture.ts', code))
        .filter((f) => f.rule !== '@typescript-eslint/no-require-imports');
      assert.deepEqual(rulesOf(findings), ['boundaries/dependencies'], code);
      assert.equal(findings[0]!.message,
        "Feature 'pipelines' imports feature 'logs': features talk by command id; shared code lives in src/core, "
        + 'src/aws or src/editor.');
    }
  });

  it('allows a feature its own folders and the shared layers (src/editor is not the feature\'s editor/)', async () => {
    const code = [
      "import { jitteredBackoff } from '../polling/backoff';",
      "import { createLogger } from '../../core/log';",
      "import { isRegionCode } from '../../aws/regions';",
      'export const all = [jitteredBackoff, createLogger, isRegionCode];',
      '',
    ].join('\n');
    assert.deepEqual(await lint('src/pipelines/model/fixture.ts', code), []);
    assert.deepEqual(await lint('src/logs/editor/fixture.ts', "import { createOutputLogger } from '../../editor/log';\nexport const l = createOutputLogger;\n"), []);
  });

  it('refuses a shared layer importing a feature', async () => {
    const findings = await lint('src/core/fixture.ts', "import * as buffer from '../logs/buffer';\nexport const b = buffer;\n");
    assert.deepEqual(rulesOf(findings), ['boundaries/dependencies']);
    assert.equal(findings[0]!.message, "Shared code (src/core, src/aws, src/editor) imports feature 'logs': "
      + 'shared code must not depend on a feature.');
  });

  it('refuses src importing test, bench or scripts', async () => {
    for (const [at, target] of [
      ['src/logs/fixture.ts', '../../test/host/waits'],
      ['src/core/fixture.ts', '../../bench/types'],
      ['src/extension.ts', '../test/host/waits'],
      ['src/extension.ts', '../scripts/lib/test-env.mjs'],
    ] as const) {
      const findings = await lint(at, `import * as t from '${target}';\nexport const x = t;\n`);
      assert.deepEqual(rulesOf(findings), ['boundaries/dependencies'], `${at} → ${target}`);
      assert.equal(findings[0]!.message, 'src never imports test/, bench/ or scripts/.');
    }
  });
});
