// The real parsers read what the editors wrote: for generated pre-existing files, after a login the
// tool's own parser (npm's `ini`, Python's configparser/tomllib/netrc/ElementTree, Java's Properties,
// the `yaml` package) sees the login's values, and every unrelated value is unchanged.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { applyEdits, type EditOp } from '../../../src/artifacts/config/edit';
import { EDITORS } from '../../../src/artifacts/config/formats';
import { FILES, TOKENS } from './config-generators';

const CASES = Number(process.env.CONVEYOR_ORACLE_CASES ?? 150);
const SEED = 20261122;

interface Case {
  format: string;
  before: string;
  after: string;
  expect: { address: readonly string[]; value: string }[];
}

function cases(name: string): Case[] {
  const spec = FILES[name];
  assert.ok(spec, name);
  const samples = fc.sample(fc.tuple(spec.text, TOKENS), { numRuns: CASES, seed: SEED });
  return samples.map(([text, [token]]) => {
    const ops: EditOp[] = spec.ops(token);
    const { text: after } = applyEdits(EDITORS[spec.format], text, ops);
    return { format: spec.format, before: text, after, expect: ops.map((o) => ({ address: o.address, value: o.value })) };
  });
}

function findPython(): string | undefined {
  for (const p of ['/usr/bin/python3', '/usr/local/bin/python3']) if (fs.existsSync(p)) return p;
  return undefined;
}

function pythonOracle(all: Case[]): { ok?: boolean; skip?: string; error?: string }[] {
  const python = findPython();
  assert.ok(python);
  const res = spawnSync(python, [path.join(__dirname, 'oracles', 'oracle.py')], { input: JSON.stringify(all), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(res.status, 0, res.stderr);
  return JSON.parse(res.stdout) as { ok?: boolean; skip?: string; error?: string }[];
}

function verdicts(name: string, all: Case[], results: { ok?: boolean; skip?: string; error?: string }[]): void {
  const failures = results.map((r, i) => ({ r, c: all[i] })).filter(({ r }) => r.error);
  const checked = results.filter((r) => r.ok).length;
  assert.deepEqual(failures.slice(0, 3).map(({ r, c }) => ({ error: r.error, before: c?.before, after: c?.after })), [], `${name}: ${failures.length} failures`);
  // Most generated files must be valid for the tool, or the check proves little.
  assert.ok(checked >= all.length / 2, `${name}: only ${checked} of ${all.length} generated files were valid for the real parser`);
}

describe('config editors: the real tools read what was written (oracles)', function () {
  this.timeout(120_000);

  describe('Python parsers', () => {
    before(function () {
      if (!findPython()) this.skip();
    });
    for (const name of ['pip.conf index-url', 'pip.conf extra-index-url', '.pypirc', 'pyproject.toml', '.netrc', 'settings.xml', 'NuGet.Config']) {
      it(`${name}: ${name.includes('toml') ? 'tomllib' : name.includes('netrc') ? 'netrc' : name.endsWith('xml') || name.endsWith('Config') ? 'ElementTree' : 'configparser'} agrees`, () => {
        const all = cases(name);
        verdicts(name, all, pythonOracle(all));
      });
    }
  });

  describe('npm\'s ini parser', () => {
    let decode: ((text: string) => Record<string, unknown>) | undefined;
    before(function () {
      try {
        const root = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- npm's own ini, at a path known only at run time
        const ini = require(path.join(root, 'npm', 'node_modules', 'ini')) as { decode(text: string): Record<string, unknown> };
        decode = (t) => ini.decode(t);
      } catch {
        this.skip(); // npm's bundled ini is not where `npm root -g` says
      }
    });
    for (const name of ['npmrc', 'npmrc (default registry)']) {
      it(`${name}: ini.decode agrees`, () => {
        const all = cases(name);
        const results = all.map((c) => {
          const b = (decode as (t: string) => Record<string, unknown>)(c.before);
          const a = (decode as (t: string) => Record<string, unknown>)(c.after);
          for (const e of c.expect) if (a[e.address[0] ?? ''] !== e.value) return { error: `${e.address[0]} = ${String(a[e.address[0] ?? ''])}` };
          for (const [k, v] of Object.entries(b)) {
            if (c.expect.some((e) => e.address[0] === k)) continue;
            if (JSON.stringify(a[k]) !== JSON.stringify(v)) return { error: `unrelated ${k} changed` };
          }
          return { ok: true };
        });
        verdicts(name, all, results);
      });
    }
  });

  describe('Java Properties (Gradle)', () => {
    before(function () {
      // Running a .java file directly needs a JDK (the jdk.compiler module), not just a JRE.
      const modules = spawnSync('java', ['--list-modules'], { encoding: 'utf8' });
      if (modules.status !== 0 || !/^jdk\.compiler@/m.test(modules.stdout)) this.skip();
    });
    it('gradle.properties: java.util.Properties agrees', () => {
      const all = cases('gradle.properties');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-props-'));
      try {
        all.forEach((c, i) => {
          fs.writeFileSync(path.join(dir, `${i}.before`), c.before, 'latin1');
          fs.writeFileSync(path.join(dir, `${i}.after`), c.after, 'latin1');
          fs.writeFileSync(path.join(dir, `${i}.expect`), c.expect.map((e) => `${e.address[0]}=${e.value}`).join('\n'), 'latin1');
        });
        const out = execFileSync('java', [path.join(__dirname, 'oracles', 'PropertiesOracle.java'), dir, String(all.length)], { encoding: 'utf8' });
        const results = (JSON.parse(out) as string[]).map((r) => (r === 'ok' ? { ok: true } : { error: r }));
        verdicts('gradle.properties', all, results);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('YAML (the yaml package, as a stand-in for Yarn\'s parser)', () => {
    for (const name of ['.yarnrc.yml (scope)', '.yarnrc.yml (default registry)']) {
      it(`${name}: parsed values`, () => {
        const all = cases(name);
        const results = all.map((c) => {
          const doc = parseYaml(c.after) as Record<string, unknown> | null;
          for (const e of c.expect) {
            let node: unknown = doc;
            for (const k of e.address) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[k] : undefined;
            if (JSON.stringify(node) !== JSON.stringify(parseYaml(e.value))) return { error: `${e.address.join('.')} = ${JSON.stringify(node)}` };
          }
          const before = parseYaml(c.before) as Record<string, unknown> | null;
          for (const [k, v] of Object.entries(before ?? {})) {
            if (c.expect.some((e) => e.address[0] === k)) continue;
            if (JSON.stringify(doc?.[k]) !== JSON.stringify(v)) return { error: `unrelated ${k} changed` };
          }
          return { ok: true };
        });
        verdicts(name, all, results);
      });
    }
  });

  it('registries.json: JSON.parse agrees', () => {
    const all = cases('registries.json');
    const results = all.map((c) => {
      const doc = JSON.parse(c.after) as Record<string, unknown>;
      for (const e of c.expect) {
        let node: unknown = doc;
        for (const k of e.address) node = (node as Record<string, unknown>)[k];
        if (JSON.stringify(node) !== e.value) return { error: `${e.address.join('.')} = ${JSON.stringify(node)}` };
      }
      const before = JSON.parse(c.before) as Record<string, unknown>;
      for (const [k, v] of Object.entries(before)) {
        if (k === 'registries' || k === 'authentication' || k === 'version') continue;
        if (JSON.stringify(doc[k]) !== JSON.stringify(v)) return { error: `unrelated ${k} changed` };
      }
      return { ok: true };
    });
    verdicts('registries.json', all, results);
  });
});
