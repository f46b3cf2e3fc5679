import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import ts from 'typescript';
import { DEFAULT_OPTIONS, allStages, normalizeAnswers, type DeploymentAnswer, type ProjectAnswers } from '../../../src/scaffold/answers';
import { InvalidAnswersError, conflictingFiles, generateProject } from '../../../src/scaffold/generate/index';
import { bootstrapTargets, planPipeline } from '../../../src/scaffold/generate/plan';
import { VERSIONS } from '../../../src/scaffold/generate/versions';
import { answerSets, twin } from './support/answer-sets';
import { declaredStructureOf, type DeclaredStructure } from './support/declared-structure';

function syntaxErrors(path: string, text: string): string[] {
  const out = ts.transpileModule(text, { fileName: path, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
  return (out.diagnostics ?? []).map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Python's own parser on every .py file; one interpreter for the whole batch. */
function pythonSyntaxErrors(files: Record<string, string>): string[] {
  const sources = Object.fromEntries(Object.entries(files).filter(([p]) => p.endsWith('.py')));
  const script = 'import ast,json,sys\nerrs=[]\nfor p,s in json.load(sys.stdin).items():\n  try: ast.parse(s, p)\n  except SyntaxError as e: errs.append(f"{p}:{e.lineno}: {e.msg}")\nprint(json.dumps(errs))';
  const res = spawnSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout) as string[];
}

/** The parts of a declared structure both languages must agree on (synth commands differ by design). */
function languageNeutral(s: DeclaredStructure): Omit<DeclaredStructure, 'synthCommands'> {
  const { synthCommands: _commands, ...rest } = s;
  return rest;
}

describe('scaffold generator', () => {
  const sets = answerSets();

  it('writes the expected files for each language', () => {
    const tsProject = generateProject(sets.singleAccount as ProjectAnswers);
    assert.deepEqual(Object.keys(tsProject.files).sort(), [
      '.gitignore', 'README.md', 'bin/app.ts', 'cdk.json', 'jest.config.js', 'lambda/index.js', 'lib/app-stage.ts',
      'lib/pipeline-stack.ts', 'lib/service-stack.ts', 'package.json', 'test/app-stage.test.ts', 'test/pipeline-stack.test.ts', 'tsconfig.json',
    ]);
    assert.equal(tsProject.entry, 'lib/pipeline-stack.ts');
    assert.equal(tsProject.installCommand, 'npm install');
    const pyProject = generateProject(sets.python as ProjectAnswers);
    assert.deepEqual(Object.keys(pyProject.files).sort(), [
      '.gitignore', 'README.md', 'app.py', 'cdk.json', 'lambda/index.js', 'python_app/__init__.py', 'python_app/app_stage.py',
      'python_app/pipeline_stack.py', 'python_app/service_stack.py', 'requirements-dev.txt', 'requirements.txt',
      'tests/__init__.py', 'tests/test_app_stage.py', 'tests/test_pipeline_stack.py',
    ]);
    assert.equal(pyProject.entry, 'python_app/pipeline_stack.py');
    assert.match(pyProject.installCommand, /pip install -r requirements\.txt -r requirements-dev\.txt/);
  });

  it('pins the verified dependency versions', () => {
    const pkg = JSON.parse(generateProject(sets.crossAccountApprovals as ProjectAnswers).files['package.json'] ?? '{}') as {
      dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string>;
    };
    assert.equal(pkg.dependencies['aws-cdk-lib'], VERSIONS.awsCdkLib);
    assert.equal(pkg.dependencies['cdk-nag'], VERSIONS.cdkNag);
    assert.equal(pkg.devDependencies['aws-cdk'], VERSIONS.awsCdkCli);
    assert.equal(pkg.devDependencies['jest-junit'], VERSIONS.jestJunit);
    assert.match(pkg.scripts['test:ci'] ?? '', /jest-junit/);
    const single = JSON.parse(generateProject(sets.singleAccount as ProjectAnswers).files['package.json'] ?? '{}') as typeof pkg;
    assert.equal(single.dependencies['cdk-nag'], undefined, 'cdk-nag only when chosen');
    assert.equal(single.devDependencies['jest-junit'], undefined, 'jest-junit only with the unit-test step');
    const req = generateProject(sets.python as ProjectAnswers).files['requirements.txt'] ?? '';
    assert.match(req, new RegExp(`aws-cdk-lib==${VERSIONS.awsCdkLib.replace(/\./g, '\\.')}`));
    assert.match(req, /cdk-nag==/);
  });

  it('declares exactly the answered pipeline, in both languages alike', () => {
    for (const [name, answers] of Object.entries(sets)) {
      for (const variant of [answers, twin(answers)]) {
        const project = generateProject(variant);
        const declared = declaredStructureOf(project.files);
        const a = normalizeAnswers(variant);
        assert.deepEqual(declared.pipelineEnv, a.pipeline, name);
        assert.equal(declared.source.kind, a.source.kind, name);
        assert.deepEqual(declared.synthCommands, a.synthCommands, name);
        assert.equal(declared.pipeline.crossAccountKeys, String(a.options.crossAccountKeys), name);
        assert.equal(declared.pipeline.selfMutation, String(a.options.selfMutation), name);
        assert.equal(declared.pipeline.pipelineType, a.options.pipelineTypeV2 ? 'V2' : 'V1', name);
        assert.equal(declared.cdkNag, a.options.cdkNag, name);
        assert.equal(Boolean(declared.unitTests), a.options.unitTests, name);
        assert.deepEqual(declared.deployments.map((d) => ({ kind: d.kind, name: d.name, approval: Boolean(d.approval), stages: d.stages })),
          a.deployments.map((d: DeploymentAnswer) => d.kind === 'stage'
            ? { kind: 'stage', name: d.stage.name, approval: d.approval, stages: [d.stage] }
            : { kind: 'wave', name: d.name, approval: d.approval, stages: d.stages }), name);
      }
      assert.deepEqual(languageNeutral(declaredStructureOf(generateProject(answers).files)),
        languageNeutral(declaredStructureOf(generateProject(twin(answers)).files)), `${name}: TypeScript and Python differ`);
    }
  });

  it('generates syntactically valid TypeScript and Python for the answer sets', () => {
    for (const [name, answers] of Object.entries(sets)) {
      for (const variant of [answers, twin(answers)]) {
        const { files } = generateProject(variant);
        const errors = Object.entries(files).filter(([p]) => p.endsWith('.ts')).flatMap(([p, text]) => syntaxErrors(p, text));
        assert.deepEqual(errors, [], name);
        assert.deepEqual(pythonSyntaxErrors(files), [], name);
        for (const [p, text] of Object.entries(files)) if (p.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), `${name} ${p}`);
      }
    }
  });

  it('keeps odd but valid input inside string literals (property)', () => {
    const commandChars = fc.constantFrom('a', ' ', "'", '"', '\\', '$', '`', '{', '}', '#', '(', ')', ';', '|');
    const command = fc.array(commandChars, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''))
      .filter((c) => c.trim() !== '' && !c.includes('&&'));
    fc.assert(fc.property(fc.array(command, { maxLength: 3 }), fc.boolean(), (extra, python) => {
      const base = sets.githubConnection as ProjectAnswers;
      const answers: ProjectAnswers = { ...(python ? twin(base) : base), synthCommands: [...extra, 'npx cdk synth'] };
      const { files } = generateProject(answers);
      const declared = declaredStructureOf(files);
      assert.deepEqual(declared.synthCommands, answers.synthCommands);
      if (!python) {
        const errors = Object.entries(files).filter(([p]) => p.endsWith('.ts')).flatMap(([p, t]) => syntaxErrors(p, t));
        assert.deepEqual(errors, []);
      }
    }), { numRuns: 60 });
  });

  it('writes bootstrap commands for every environment, trusting the pipeline account in targets', () => {
    const answers = sets.multiRegionWave as ProjectAnswers;
    const plan = planPipeline(answers);
    assert.deepEqual(plan.bootstrap.map((t) => [`${t.account}/${t.region}`, t.trust]), [
      ['111111111111/us-east-1', true],
      ['555555555555/us-east-1', true],
      ['555555555555/eu-west-1', true],
      ['111111111111/eu-west-1', false],
      ['555555555555/ap-southeast-2', true],
      ['111111111111/ap-southeast-2', false],
    ]);
    const readme = generateProject(answers).files['README.md'] ?? '';
    for (const t of plan.bootstrap) {
      const block = new RegExp(`npx cdk bootstrap aws://${t.account}/${t.region}( \\\\\\n\\s+--trust 111111111111)? \\\\\\n\\s+--cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess`);
      const m = block.exec(readme);
      assert.ok(m, `${t.account}/${t.region} missing`);
      assert.equal(Boolean(m[1]), t.trust, `${t.account}/${t.region} trust`);
    }
    assert.match(readme, /npx cdk deploy MultiRegionPipelineStack/);
    assert.match(readme, /cross-region support stack .* in eu-west-1, ap-southeast-2/);
    const pyReadme = generateProject(sets.python as ProjectAnswers).files['README.md'] ?? '';
    assert.match(pyReadme, /npm install -g aws-cdk@2\.1148\.1/);
    assert.match(pyReadme, /\ncdk bootstrap aws:\/\/777777777777\/eu-west-1 \\\n\s+--trust 111111111111/);
  });

  it('bootstraps each account/region once, whatever the number of stages in it', () => {
    const targets = bootstrapTargets({ account: '111111111111', region: 'us-east-1' }, [
      { name: 'A', account: '111111111111', region: 'us-east-1' },
      { name: 'B', account: '111111111111', region: 'us-east-1' },
      { name: 'C', account: '222222222222', region: 'us-east-1' },
    ]);
    assert.deepEqual(targets.map((t) => [`${t.account}/${t.region}`, t.trust, t.roles]), [
      ['111111111111/us-east-1', true, ['pipeline', 'stage A', 'stage B']],
      ['222222222222/us-east-1', true, ['stage C']],
    ]);
  });

  it('names the stacks, the Python package and the unit-test wave', () => {
    const plan = planPipeline(sets.githubConnection as ProjectAnswers);
    assert.equal(plan.stackId, 'GithubAppPipelineStack');
    assert.equal(planPipeline({ ...(sets.githubConnection as ProjectAnswers), projectName: 'orders-pipeline' }).stackId, 'OrdersPipelineStack');
    assert.equal(plan.pythonModule, 'github_app');
    assert.equal(plan.unitTests?.wave, 'UnitTests');
    assert.deepEqual(plan.crossRegionRegions, ['us-west-2']);
    assert.equal(allStages(plan.answers.deployments).length, 2);
  });

  it('refuses answers that fail validation', () => {
    const answers = { ...(sets.singleAccount as ProjectAnswers), pipeline: { account: 'x', region: 'us-east-1' } };
    assert.throws(() => generateProject(answers), (err: unknown) => err instanceof InvalidAnswersError && /pipeline\.account/.test(err.message));
  });

  it('reports which generated files already exist', () => {
    const project = generateProject({ ...(sets.singleAccount as ProjectAnswers), options: { ...DEFAULT_OPTIONS } });
    const existing = new Set(['README.md', 'package.json', 'notes.txt']);
    assert.deepEqual(conflictingFiles(project, (p) => existing.has(p)), ['README.md', 'package.json']);
    assert.deepEqual(conflictingFiles(project, () => false), []);
  });
});
