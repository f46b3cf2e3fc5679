// Buildspec and appspec validation latency: Conveyor's engine (`validate`) against yaml-language-server 1.25
// (`doValidation`, the engine behind the Red Hat YAML extension), both validating the same text against
// the same schema (packages/conveyor-lint/schemas/). Every run gets a fresh text (a distinct trailing comment) and,
// for the peer, a fresh document URI, so neither side can answer from a cache. Both are warmed up first;
// runs alternate between the two; medians are reported.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { validate } from '../packages/conveyor-lint/src/validate';
import { median, type BenchResult } from './types';

const SCHEMA_PATH = path.resolve(__dirname, '../packages/conveyor-lint/schemas/buildspec.schema.json');
const SCHEMA_URI = pathToFileURL(SCHEMA_PATH).toString();
const APPSPEC_SCHEMA_PATH = path.resolve(__dirname, '../packages/conveyor-lint/schemas/appspec.schema.json');
const APPSPEC_SCHEMA_URI = pathToFileURL(APPSPEC_SCHEMA_PATH).toString();

/** A realistic buildspec of about `lines` lines: env, runtimes, four phases, reports, artifacts, cache. */
export function generateBuildspec(lines: number): string {
  const head = [
    '# Generated for the validation benchmark',
    'version: 0.2',
    'env:',
    '  shell: bash',
    '  variables:',
    '    NODE_ENV: production',
    '    AWS_DEFAULT_OUTPUT: json',
    '  parameter-store:',
    '    NPM_TOKEN: /ci/npm/token',
    '  secrets-manager:',
    '    DB_PASSWORD: prod/db:password',
    'phases:',
    '  install:',
    '    runtime-versions:',
    '      nodejs: 20',
    '      python: 3.x',
  ];
  const tail = [
    'reports:',
    '  unit-tests:',
    '    files:',
    "      - '**/*.xml'",
    '    base-directory: reports',
    '    file-format: JUNITXML',
    'artifacts:',
    '  files:',
    "    - '**/*'",
    '  base-directory: dist',
    '  discard-paths: no',
    'cache:',
    '  paths:',
    "    - 'node_modules/**/*'",
  ];
  const phases = ['install', 'pre_build', 'build', 'post_build'];
  const budget = Math.max(8, lines - head.length - tail.length);
  const perPhase = Math.max(1, Math.floor(budget / phases.length) - (3));
  const body: string[] = [];
  phases.forEach((phase, p) => {
    if (p > 0) body.push(`  ${phase}:`);
    body.push(p === 2 ? '    on-failure: ABORT' : `    run-as: root`);
    body.push('    commands:');
    for (let i = 0; i < perPhase; i++) {
      switch (i % 8) {
        case 0: body.push(`      - echo "Step ${i} of ${phase} started on $(date)"`); break;
        case 1: body.push(`      - npm run task-${i} -- --flag=${i} --region $AWS_DEFAULT_REGION`); break;
        case 2: body.push(`      # step ${i}: keep the cache warm`); break;
        case 3: body.push(`      - 'aws s3 cp s3://artifacts-bucket/${phase}/${i}.tgz . --quiet'`); break;
        case 4: body.push('      - |', `        if [ -f build-${i}.lock ]; then`, `          rm build-${i}.lock`, '        fi'); i += 3; break;
        case 5: body.push(`      - docker build -t app:${i} --build-arg STEP=${i} .`); break;
        case 6: body.push(`      - python3 scripts/check.py --step ${i} --verbose`); break;
        default: body.push(`      - make target-${i} JOBS=4`);
      }
    }
  });
  return `${[...head, ...body, ...tail].join('\n')}\n`;
}

/**
 * A realistic EC2/On-Premises appspec of about `lines` lines: files, permissions with mode, ACL and SELinux
 * context, and hook scripts with timeouts and runas (what the agent-derived rules look at).
 */
export function generateAppspec(lines: number): string {
  const head = ['# Generated for the validation benchmark', 'version: 0.0', 'os: linux', 'files:', '  - source: /', '    destination: /var/www/app',
    'file_exists_behavior: OVERWRITE', 'permissions:'];
  const permission = (i: number): string[] => [`  - object: /var/www/app/module-${i}`, '    pattern: "**"', '    owner: app', '    group: app', '    mode: 755',
    '    acls:', '      - u:deploy:rwx', '    context:', '      name: system_u', '      type: httpd_sys_content_t', '      range: s0', '    type:', '      - directory'];
  const hooks = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
  const budget = Math.max(20, lines - head.length);
  const body: string[] = [];
  for (let i = 0; body.length < budget / 3; i++) body.push(...permission(i));
  body.push('hooks:');
  const perHook = Math.max(1, Math.floor((budget - body.length) / hooks.length / 3) - 1);
  for (const hook of hooks) {
    body.push(`  ${hook}:`);
    for (let i = 0; i < perHook; i++) body.push(`    - location: scripts/${hook.toLowerCase()}-${i}.sh`, '      timeout: 5', '      runas: app');
  }
  return `${[...head, ...body].join('\n')}\n`;
}

function peerService(): LanguageService {
  const schemas = new Map([[SCHEMA_URI, fs.readFileSync(SCHEMA_PATH, 'utf8')], [APPSPEC_SCHEMA_URI, fs.readFileSync(APPSPEC_SCHEMA_PATH, 'utf8')]]);
  const service = getLanguageService({
    schemaRequestService: (uri) => {
      const schema = schemas.get(uri);
      return schema ? Promise.resolve(schema) : Promise.reject(new Error(`unexpected schema ${uri}`));
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  service.configure({ validate: true, completion: false, hover: false, yamlVersion: '1.2',
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['buildspec.yml'] }, { uri: APPSPEC_SCHEMA_URI, fileMatch: ['appspec.yml'] }] });
  return service;
}

let documentCounter = 0;
function peerDocument(text: string, kind: 'buildspec' | 'appspec' = 'buildspec'): TextDocument {
  documentCounter++;
  return TextDocument.create(`file:///bench/${documentCounter}/${kind}.yml`, 'yaml', 1, text);
}

async function sanityCheck(peer: LanguageService): Promise<void> {
  const broken = { buildspec: 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\n', appspec: 'version: 0.0\nos: linux\nhoks: {}\n' };
  for (const kind of ['buildspec', 'appspec'] as const) {
    const peerFindings = await peer.doValidation(peerDocument(broken[kind], kind), false);
    const ours = validate(broken[kind], { kind }).diagnostics;
    if (peerFindings.length === 0 || ours.length === 0) throw new Error(`one side does not validate ${kind}s against the schema: the comparison would be meaningless`);
  }
}

async function measure(peer: LanguageService, lines: number, runs: number, kind: 'buildspec' | 'appspec' = 'buildspec'): Promise<{ ours: number; peer: number; actualLines: number }> {
  const base = kind === 'buildspec' ? generateBuildspec(lines) : generateAppspec(lines);
  if (validate(base, { kind }).diagnostics.length > 0) throw new Error(`the generated ${kind} is not valid`);
  if ((await peer.doValidation(peerDocument(base, kind), false)).length > 0) throw new Error(`the peer rejects the generated ${kind}`);
  const warmups = Math.max(5, Math.floor(runs / 4));
  for (let i = 0; i < warmups; i++) {
    validate(`${base}# warm ${i}\n`, { kind });
    await peer.doValidation(peerDocument(`${base}# warm ${i}\n`, kind), false);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const text = `${base}# run ${i}\n`;
    let t = performance.now();
    validate(text, { kind });
    ours.push(performance.now() - t);
    const doc = peerDocument(text, kind);
    t = performance.now();
    await peer.doValidation(doc, false);
    theirs.push(performance.now() - t);
  }
  return { ours: median(ours), peer: median(theirs), actualLines: base.split('\n').length - 1 };
}

export async function run(): Promise<BenchResult[]> {
  const peer = peerService();
  await sanityCheck(peer);
  const results: BenchResult[] = [];
  for (const [lines, runs] of [[50, 300], [100, 300], [1000, 60], [10000, 15]] as const) {
    const m = await measure(peer, lines, runs);
    results.push({
      name: 'validation: buildspec latency',
      workload: `${m.actualLines}-line buildspec, fresh text per run; peer = yaml-language-server 1.25 doValidation, same schema`,
      ours: m.ours,
      peer: m.peer,
      unit: 'ms',
      ratio: m.peer / m.ours,
    });
  }
  for (const [lines, runs] of [[50, 300], [1000, 60]] as const) {
    const m = await measure(peer, lines, runs, 'appspec');
    results.push({
      name: 'validation: appspec latency',
      workload: `${m.actualLines}-line EC2 appspec (files, permissions, hooks), fresh text per run; peer = yaml-language-server 1.25 doValidation, same schema`,
      ours: m.ours,
      peer: m.peer,
      unit: 'ms',
      ratio: m.peer / m.ours,
    });
  }
  return results;
}

if (require.main === module) {
  run().then((results) => {
    const fmt = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));
    console.log('| benchmark | workload | ours | peer | unit | peer/ours |\n|---|---|---:|---:|---|---:|');
    for (const r of results) console.log(`| ${r.name} | ${r.workload} | ${fmt(r.ours)} | ${fmt(r.peer)} | ${r.unit} | ${fmt(r.ratio)}× |`);
  }, (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
