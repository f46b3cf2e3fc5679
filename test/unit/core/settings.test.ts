import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODEBUILD_SETTINGS } from '../../../src/codebuild/settings';
import { readSettings, setting, type SettingsDeclaration, type SettingsSchema } from '../../../src/core/settings';
import { LOGS_SETTINGS } from '../../../src/logs/settings';
import { PIPELINES_SETTINGS, refreshSettingsOf } from '../../../src/pipelines/settings';
import { PROFILER_SETTINGS } from '../../../src/profiler/settings';
import { VALIDATION_SETTINGS } from '../../../src/validation/settings';

interface Contributed { default?: unknown; type?: string; enum?: unknown[]; minimum?: number; maximum?: number }

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Contributed> }[] };
};
const contributed: Record<string, Contributed> = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties)) as Record<string, Contributed>;

const DECLARATIONS: SettingsDeclaration<SettingsSchema>[] = [PIPELINES_SETTINGS, LOGS_SETTINGS, PROFILER_SETTINGS, VALIDATION_SETTINGS, CODEBUILD_SETTINGS];

describe('settings readers', () => {
  it('read raw values into typed ones and never throw', () => {
    const n = setting.integer(5, 1, 10);
    assert.deepEqual([n.read(3), n.read(3.9), n.read(0), n.read(99), n.read('7'), n.read(Number.NaN), n.read(undefined)], [3, 3, 1, 10, 5, 5, 5]);
    const b = setting.boolean(true);
    assert.deepEqual([b.read(false), b.read('false'), b.read(undefined)], [false, true, true]);
    const e = setting.oneOf(['render', 'strip'] as const, 'render');
    assert.deepEqual([e.read('strip'), e.read('STRIP'), e.read(1)], ['strip', 'render', 'render']);
    assert.equal(setting.string('').read('  dev  '), 'dev');
  });

  it('read a whole declaration through one getter', () => {
    const values = readSettings(PIPELINES_SETTINGS, (key) => ({ pageSize: 5000, 'refresh.activeIntervalSeconds': 10, 'refresh.activeMaxIntervalSeconds': 2 } as Record<string, unknown>)[key]);
    assert.equal(values.pageSize, 500);
    assert.deepEqual(values.accounts, []);
    const refresh = refreshSettingsOf(values);
    assert.equal(refresh.activeIntervalMs, 10_000);
    assert.equal(refresh.activeMaxIntervalMs, 10_000, 'the maximum is never below the first interval');
  });

  it('pipelines accounts and notifications drop malformed entries', () => {
    const values = readSettings(PIPELINES_SETTINGS, (key) => ({
      accounts: [{ profile: 'dev', region: 'us-east-1', label: 'Dev' }, { profile: 'x' }, 'junk', { profile: '', region: 'eu-west-1' }],
      notify: { failed: false, succeeded: 'no' },
    } as Record<string, unknown>)[key]);
    assert.deepEqual(values.accounts, [{ profile: 'dev', region: 'us-east-1', label: 'Dev' }]);
    assert.deepEqual(values.notify, { failed: false, succeeded: true, approval: true });
  });
});

describe('every declared setting is the one package.json contributes', () => {
  for (const declaration of DECLARATIONS) {
    it(`${declaration.section}.*`, () => {
      const declared = Object.keys(declaration.schema).map((k) => `${declaration.section}.${k}`).sort();
      const ofSection = Object.keys(contributed).filter((k) => k.startsWith(`${declaration.section}.`)).sort();
      assert.deepEqual(declared, ofSection, 'declared once, contributed once');
      for (const [key, reader] of Object.entries(declaration.schema)) {
        const c = contributed[`${declaration.section}.${key}`]!;
        assert.deepEqual(reader.read(c.default), reader.default, `${key}: the contributed default reads as the declared default`);
        if (c.minimum !== undefined) assert.equal(reader.read(c.minimum - 1), reader.read(c.minimum), `${key}: clamped at the contributed minimum`);
        if (c.maximum !== undefined) assert.equal(reader.read(c.maximum + 1), reader.read(c.maximum), `${key}: clamped at the contributed maximum`);
        for (const value of c.enum ?? []) assert.equal(reader.read(value), value, `${key}: accepts ${String(value)}`);
      }
    });
  }
});
