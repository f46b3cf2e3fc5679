// Slow tier: generated projects must really work. For each answer set: generate, install from the npm
// registry (one shared install), tsc --noEmit, cdk synth (offline), check the pipeline in the
// template against the answers, and run the project's own jest tests. Python projects are compiled
// with py_compile and must declare the same pipeline as their TypeScript twin, which is synthesized.
//   node --import tsx scripts/lib/mocha-run.mjs scaffold-e2e 1800000 test/scaffold-e2e
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizeAnswers, type ProjectAnswers } from '../../src/scaffold/answers';
import { generateProject } from '../../src/scaffold/generate/index';
import { answerSets, twin } from '../unit/scaffold/support/answer-sets';
import { declaredStructureOf } from '../unit/scaffold/support/declared-structure';
import { checkPipeline, readAssembly } from './support/pipeline-template';
import { ensureSharedDeps, unionOf } from './support/shared-deps';

const log = (line: string): void => { process.stdout.write(`      [e2e] ${line}\n`); };

/** The environment tools run in: no real AWS credentials or endpoints, no update checks, no telemetry. */
function toolEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_')));
  return { ...env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true', AWS_EC2_METADATA_DISABLED: 'true', CI: 'true', FORCE_COLOR: '0' };
}

function run(cwd: string, command: string, args: string[], what: string): string {
  const started = Date.now();
  const res = spawnSync(command, args, { cwd, encoding: 'utf8', env: toolEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 });
  const output = `${res.stdout ?? ''}\n${res.stderr ?? ''}`;
  assert.equal(res.status, 0, `${what} failed (${res.status ?? res.signal}) in ${cwd}:\n${output.slice(-6000)}`);
  log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return output;
}

function write(folder: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(folder, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}

describe('scaffold e2e: generated CDK pipeline projects', function () {
  this.timeout(30 * 60_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-scaffold-e2e-'));
  const sets = answerSets(root);
  let nodeModules = '';

  before(() => {
    const typescriptProjects = Object.values(sets).flatMap((a) => [a, twin(a)]).filter((a) => a.language === 'typescript');
    const packages = typescriptProjects.map((a) => JSON.parse(generateProject(a).files['package.json'] ?? '{}') as Record<string, Record<string, string>>);
    nodeModules = ensureSharedDeps(unionOf(packages), log);
  });

  after(() => {
    if (!process.env.CONVEYOR_KEEP_E2E) fs.rmSync(root, { recursive: true, force: true });
  });

  /** Generates, installs (link), type-checks, synthesizes and checks a TypeScript project. */
  function buildTypeScript(answers: ProjectAnswers, runJest: boolean): void {
    const project = generateProject(answers);
    const dir = answers.targetFolder;
    write(dir, project.files);
    fs.symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
    const bin = (tool: string): string => path.join(dir, 'node_modules', '.bin', tool);
    run(dir, bin('tsc'), ['--noEmit', '-p', '.'], 'tsc --noEmit');
    const synth = run(dir, bin('cdk'), ['synth', '--quiet', '--no-notices', '--no-version-reporting'], 'cdk synth');
    assert.doesNotMatch(synth, /\[Error at|AwsSolutions-\w+:/, 'synth reports no errors (cdk-nag included)');
    const assembly = readAssembly(path.join(dir, 'cdk.out'));
    const stages = checkPipeline(assembly, project.plan.stackId, normalizeAnswers(answers));
    log(`pipeline stages: ${stages.join(' → ')}`);
    // The source text declares what was synthesized (ties the declared-structure reader to reality).
    const declared = declaredStructureOf(project.files);
    assert.deepEqual(declared.deployments.map((d) => d.name), stages.filter((s) => !['Source', 'Build', 'UpdatePipeline', 'Assets', 'UnitTests'].includes(s)));
    if (runJest) {
      const out = run(dir, bin('jest'), ['--ci', '--colors=false'], 'jest');
      assert.match(out, /Tests:\s+\d+ passed, \d+ total/);
      assert.doesNotMatch(out, /failed/);
    }
  }

  for (const [name, answers] of Object.entries(sets)) {
    if (answers.language === 'typescript') {
      it(`${name}: installs, type-checks, synthesizes the answered pipeline and passes its jest tests`, () => {
        buildTypeScript(answers, true);
      });
    } else {
      it(`${name}: compiles, and declares the same pipeline as its TypeScript twin, which synthesizes`, () => {
        const project = generateProject(answers);
        write(answers.targetFolder, project.files);
        const pyFiles = Object.keys(project.files).filter((f) => f.endsWith('.py'));
        run(answers.targetFolder, 'python3', ['-m', 'py_compile', ...pyFiles], 'py_compile');
        const tsTwin = twin(answers);
        const tsDeclared = declaredStructureOf(generateProject(tsTwin).files);
        const pyDeclared = declaredStructureOf(project.files);
        const { synthCommands: pySynth, ...pyRest } = pyDeclared;
        const { synthCommands: _tsSynth, ...tsRest } = tsDeclared;
        assert.deepEqual(pyRest, tsRest, 'Python and TypeScript declare the same pipeline');
        assert.deepEqual(pySynth, answers.synthCommands);
        buildTypeScript(tsTwin, false);
      });
    }
  }
});
