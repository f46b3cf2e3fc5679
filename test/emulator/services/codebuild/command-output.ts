// What common build commands print, for realistic CodeBuild logs. Test runners and linters print
// ANSI colours (CI images set FORCE_COLOR), package managers mostly don't.
import type { Random } from '../../core/random';
import { shellDate } from './log-format';

export interface OutputContext {
  packageName: string;
  version: string;
  srcDir: string;
  rng: Random;
  /** Simulated time when the command starts. */
  startedAt: number;
}

export const ansi = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
  gray: '\u001b[90m',
  brightGreen: '\u001b[92m',
};

const { reset, red, green, gray, brightGreen, yellow, cyan, bold, dim, blue } = ansi;

export function npmCi(ctx: OutputContext): string[] {
  const added = ctx.rng.int(380, 920);
  return [
    'npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it. Check out lru-cache if you want a good and tested way to coalesce async requests by a key value, which is much more comprehensive and powerful.',
    'npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported',
    '',
    `added ${added} packages, and audited ${added + 1} packages in ${ctx.rng.int(9, 31)}s`,
    '',
    `${ctx.rng.int(60, 140)} packages are looking for funding`,
    '  run `npm fund` for details',
    '',
    'found 0 vulnerabilities',
  ];
}

function npmScriptHeader(ctx: OutputContext, script: string, command: string): string[] {
  return ['', `> ${ctx.packageName}@${ctx.version} ${script}`, `> ${command}`, ''];
}

export function eslintClean(ctx: OutputContext): string[] {
  return npmScriptHeader(ctx, 'lint', 'eslint . --max-warnings 0');
}

export function tscBuild(ctx: OutputContext): string[] {
  return [
    ...npmScriptHeader(ctx, 'build', 'tsc -p tsconfig.build.json && vite build'),
    `${cyan}vite v5.4.11 ${green}building for production...${reset}`,
    'transforming...',
    `${green}✓${reset} ${ctx.rng.int(180, 420)} modules transformed.`,
    'rendering chunks...',
    'computing gzip size...',
    `${dim}dist/${reset}${green}index.html                 ${reset}${bold}${dim}  0.62 kB${reset}${dim} │ gzip:  0.38 kB${reset}`,
    `${dim}dist/${reset}${cyan}assets/index-Bf3k2Lq9.css  ${reset}${bold}${dim} 18.41 kB${reset}${dim} │ gzip:  4.12 kB${reset}`,
    `${dim}dist/${reset}${cyan}assets/index-D8x1Yh2c.js   ${reset}${bold}${dim}212.77 kB${reset}${dim} │ gzip: 68.30 kB${reset}`,
    `${green}✓ built in ${(ctx.rng.int(25, 90) / 10).toFixed(2)}s${reset}`,
  ];
}

interface Suite {
  name: string;
  tests: string[];
}

const WEB_SUITES: Suite[] = [
  { name: 'cart', tests: ['adds an item to an empty cart', 'merges quantities of the same SKU', 'applies a percentage coupon', 'rejects an expired coupon'] },
  { name: 'checkout', tests: ['computes tax per shipping address', 'requires a delivery slot for groceries', 'keeps the cart when payment is declined'] },
  { name: 'catalog search', tests: ['ranks exact title matches first', 'filters by price range', 'paginates with a stable cursor'] },
];

const PAYMENT_SUITES: Suite[] = [
  { name: 'charges', tests: ['captures an authorised charge', 'is idempotent per Idempotency-Key', 'rounds amounts half-even'] },
  { name: 'refunds', tests: ['refunds a captured charge in full', 'rejects a refund larger than the charge', 'records partial refunds'] },
  { name: 'webhooks', tests: ['verifies the signature header', 'retries with exponential backoff'] },
];

function mochaPassing(suites: Suite[], ctx: OutputContext): string[] {
  const lines = ['', ''];
  let count = 0;
  for (const s of suites) {
    lines.push(`  ${s.name}`);
    for (const t of s.tests) {
      count++;
      const slow = ctx.rng.chance(0.15) ? `${yellow} (${ctx.rng.int(76, 240)}ms)${reset}` : '';
      lines.push(`    ${green}  ✔${reset}${gray} ${t}${reset}${slow}`);
    }
    lines.push('');
  }
  lines.push('', `${brightGreen} ${reset}${green} ${count} passing${reset}${gray} (${ctx.rng.int(300, 2400)}ms)${reset}`, '');
  return lines;
}

export function mochaPass(kind: 'web' | 'payments') {
  return (ctx: OutputContext): string[] => [
    ...npmScriptHeader(ctx, 'test', "mocha --color 'test/**/*.test.js'"),
    ...mochaPassing(kind === 'web' ? WEB_SUITES : PAYMENT_SUITES, ctx),
  ];
}

/** The failing `npm test` of the demo's failed pipeline: two assertion failures, then npm's error tail. */
export function mochaFail(ctx: OutputContext): string[] {
  const lines = [...npmScriptHeader(ctx, 'test', "mocha --color 'test/**/*.test.js'"), '', ''];
  lines.push('  charges');
  for (const t of PAYMENT_SUITES[0]!.tests) lines.push(`    ${green}  ✔${reset}${gray} ${t}${reset}`);
  lines.push('', '  refunds');
  lines.push(`    ${green}  ✔${reset}${gray} refunds a captured charge in full${reset}`);
  lines.push(`${red}    1) rejects a refund larger than the charge${reset}`);
  lines.push(`${red}    2) records partial refunds${reset}`);
  lines.push('', '  webhooks');
  for (const t of PAYMENT_SUITES[2]!.tests) lines.push(`    ${green}  ✔${reset}${gray} ${t}${reset}`);
  lines.push('', '', `${brightGreen} ${reset}${green} 6 passing${reset}${gray} (1s)${reset}`, `${red}  2 failing${reset}`, '');
  lines.push(
    '  1) refunds',
    '       rejects a refund larger than the charge:',
    '',
    `      ${red}AssertionError [ERR_ASSERTION]: Expected the promise to be rejected with "RefundExceedsCharge" but it was fulfilled with:${reset}`,
    `${red}  { id: 're_3PqK9fLb', amount: 12500, status: 'succeeded' }${reset}`,
    `      ${gray}at async Context.<anonymous> (test/refunds.test.js:41:5)${reset}`,
    '',
    '  2) refunds',
    '       records partial refunds:',
    '',
    `      ${red}AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:${reset}`,
    '',
    `4500 !== 5000${reset}`,
    '',
    `      ${green}+ expected${reset} ${red}- actual${reset}`,
    '',
    `      ${red}-4500${reset}`,
    `      ${green}+5000${reset}`,
    `      ${gray}at Context.<anonymous> (test/refunds.test.js:58:12)${reset}`,
    `      ${gray}at process.processImmediate (node:internal/timers:483:21)${reset}`,
    '',
    '',
    '',
    'npm error Lifecycle script `test` failed with error:',
    'npm error code 2',
    `npm error path ${ctx.srcDir}`,
    'npm error command failed',
    "npm error command sh -c mocha --color 'test/**/*.test.js'",
    `npm error A complete log of this run can be found in: /root/.npm/_logs/${new Date(ctx.startedAt).toISOString().replace(/[:.]/g, '_')}-debug-0.log`,
  );
  return lines;
}

export function pipInstall(ctx: OutputContext): string[] {
  const pkgs = ['boto3-1.35.36', 'pandas-2.2.3', 'pyarrow-17.0.0', 'numpy-2.1.2', 'python-dateutil-2.9.0.post0', 'pytz-2024.2', 'jmespath-1.0.1'];
  return [
    'Collecting boto3==1.35.36 (from -r requirements.txt (line 1))',
    '  Downloading boto3-1.35.36-py3-none-any.whl.metadata (6.7 kB)',
    'Collecting pandas==2.2.3 (from -r requirements.txt (line 2))',
    '  Downloading pandas-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (89 kB)',
    'Collecting pyarrow==17.0.0 (from -r requirements.txt (line 3))',
    '  Downloading pyarrow-17.0.0-cp312-cp312-manylinux_2_28_x86_64.whl.metadata (3.3 kB)',
    `Installing collected packages: ${pkgs.map((p) => p.replace(/-[\d.]+(\.post\d+)?$/, '')).join(', ')}`,
    `Successfully installed ${pkgs.join(' ')}`,
    `${yellow}WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager.${reset}`,
    `took ${ctx.rng.int(14, 40)}s`,
  ];
}

export function pytestPass(ctx: OutputContext): string[] {
  const n = ctx.rng.int(40, 90);
  return [
    `${bold}============================= test session starts ==============================${reset}`,
    'platform linux -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0',
    `rootdir: ${ctx.srcDir}`,
    'configfile: pyproject.toml',
    `collected ${n} items`,
    '',
    `tests/test_extract.py ${green}..................${reset}${green}                                  [ 30%]${reset}`,
    `tests/test_transform.py ${green}........................${reset}${green}                      [ 70%]${reset}`,
    `tests/test_load.py ${green}..................${reset}${green}                                    [100%]${reset}`,
    '',
    `${green}============================== ${bold}${n} passed${reset}${green} in ${(ctx.rng.int(30, 140) / 10).toFixed(2)}s ==============================${reset}`,
  ];
}

export function mavenPackage(ctx: OutputContext): string[] {
  const tests = ctx.rng.int(120, 260);
  return [
    `[${bold}${blue}INFO${reset}] Scanning for projects...`,
    `[${bold}${blue}INFO${reset}] `,
    `[${bold}${blue}INFO${reset}] ${bold}------------------< ${cyan}com.example:${ctx.packageName}${reset}${bold} >-------------------${reset}`,
    `[${bold}${blue}INFO${reset}] ${bold}Building ${ctx.packageName} ${ctx.version}${reset}`,
    `[${bold}${blue}INFO${reset}] --------------------------------[ jar ]---------------------------------`,
    `[${bold}${blue}INFO${reset}] ${green}--- ${bold}compiler:3.13.0:compile${reset} ${bold}(default-compile)${reset} @ ${cyan}${ctx.packageName}${reset} ${green}---${reset}`,
    `[${bold}${blue}INFO${reset}] Compiling 184 source files with javac [debug release 21] to target/classes`,
    `[${bold}${blue}INFO${reset}] ${green}--- ${bold}surefire:3.5.1:test${reset} ${bold}(default-test)${reset} @ ${cyan}${ctx.packageName}${reset} ${green}---${reset}`,
    `[${bold}${blue}INFO${reset}] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider`,
    `[${bold}${blue}INFO${reset}] `,
    `[${bold}${blue}INFO${reset}] Results:`,
    `[${bold}${blue}INFO${reset}] `,
    `[${bold}${blue}INFO${reset}] ${green}Tests run: ${tests}, Failures: 0, Errors: 0, Skipped: 2${reset}`,
    `[${bold}${blue}INFO${reset}] ${green}--- ${bold}jar:3.4.2:jar${reset} ${bold}(default-jar)${reset} @ ${cyan}${ctx.packageName}${reset} ${green}---${reset}`,
    `[${bold}${blue}INFO${reset}] Building jar: ${ctx.srcDir}/target/${ctx.packageName}-${ctx.version}.jar`,
    `[${bold}${blue}INFO${reset}] ${bold}------------------------------------------------------------------------${reset}`,
    `[${bold}${blue}INFO${reset}] ${bold}${green}BUILD SUCCESS${reset}`,
    `[${bold}${blue}INFO${reset}] ${bold}------------------------------------------------------------------------${reset}`,
    `[${bold}${blue}INFO${reset}] Total time:  ${ctx.rng.int(40, 95)}.${ctx.rng.int(100, 999)} s`,
  ];
}

export function dockerBuildPush(ctx: OutputContext): string[] {
  const repo = `111111111111.dkr.ecr.us-east-1.amazonaws.com/${ctx.packageName}`;
  const digest = ctx.rng.hex(64);
  return [
    '#0 building with "default" instance using docker driver',
    '',
    '#1 [internal] load build definition from Dockerfile',
    '#1 transferring dockerfile: 612B done',
    '#1 DONE 0.0s',
    '#2 [internal] load metadata for public.ecr.aws/docker/library/node:20-alpine',
    '#2 DONE 1.2s',
    '#5 [build 3/5] RUN npm ci --omit=dev',
    `#5 DONE ${ctx.rng.int(8, 20)}.${ctx.rng.int(1, 9)}s`,
    '#8 exporting to image',
    '#8 exporting layers 2.1s done',
    `#8 writing image sha256:${ctx.rng.hex(64)} done`,
    `#8 naming to ${repo}:latest done`,
    '#8 DONE 2.2s',
    `The push refers to repository [${repo}]`,
    `${ctx.rng.hex(12)}: Pushed`,
    `${ctx.rng.hex(12)}: Layer already exists`,
    `latest: digest: sha256:${digest} size: 1786`,
  ];
}

export function echoDate(text: string) {
  return (ctx: OutputContext): string[] => [`${text} ${shellDate(ctx.startedAt)}`];
}

export function mochaFailWeb(ctx: OutputContext): string[] {
  return [
    ...npmScriptHeader(ctx, 'test', "mocha --color 'test/**/*.test.js'"),
    '', '',
    '  cart',
    `    ${green}  ✔${reset}${gray} adds an item to an empty cart${reset}`,
    `${red}    1) merges quantities of the same SKU${reset}`,
    '', '',
    `${brightGreen} ${reset}${green} 9 passing${reset}${gray} (842ms)${reset}`,
    `${red}  1 failing${reset}`,
    '',
    '  1) cart',
    '       merges quantities of the same SKU:',
    `      ${red}TypeError: Cannot read properties of undefined (reading 'quantity')${reset}`,
    `      ${gray}at mergeLine (src/cart/merge.js:17:31)${reset}`,
    '',
    'npm error Lifecycle script `test` failed with error:',
    'npm error code 1',
    `npm error path ${ctx.srcDir}`,
    'npm error command failed',
    "npm error command sh -c mocha --color 'test/**/*.test.js'",
  ];
}

export function pytestFail(ctx: OutputContext): string[] {
  return [
    `${bold}============================= test session starts ==============================${reset}`,
    'platform linux -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0',
    `rootdir: ${ctx.srcDir}`,
    'collected 64 items',
    '',
    `tests/test_transform.py ${green}.......${reset}${red}F${reset}${green}................${reset}${red}                      [ 37%]${reset}`,
    '',
    `=================================== FAILURES ===================================`,
    `${red}${bold}__________________________ test_dedupes_late_events ___________________________${reset}`,
    '',
    '    def test_dedupes_late_events():',
    '>       assert len(dedupe(load_fixture("late_events.jsonl"))) == 42',
    `${red}E       AssertionError: assert 41 == 42${reset}`,
    '',
    `${red}${bold}tests/test_transform.py${reset}:88: AssertionError`,
    `${red}=========================== ${bold}1 failed${reset}${red}, ${green}63 passed${reset}${red} in 7.41s ===========================${reset}`,
  ];
}

export function mavenFail(ctx: OutputContext): string[] {
  return [
    `[${bold}${blue}INFO${reset}] ${bold}Building ${ctx.packageName} ${ctx.version}${reset}`,
    `[${red}${bold}ERROR${reset}] ${red}Tests run: 212, Failures: 1, Errors: 0, Skipped: 2${reset}`,
    `[${red}${bold}ERROR${reset}] ${red}OrderTotalsTest.appliesVolumeDiscount:54 expected: <1080.00> but was: <1200.00>${reset}`,
    `[${bold}${blue}INFO${reset}] ${bold}------------------------------------------------------------------------${reset}`,
    `[${bold}${blue}INFO${reset}] ${bold}${red}BUILD FAILURE${reset}`,
    `[${bold}${blue}INFO${reset}] ${bold}------------------------------------------------------------------------${reset}`,
    `[${red}${bold}ERROR${reset}] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.1:test (default-test) on project ${ctx.packageName}: There are test failures.`,
  ];
}

export function dockerFail(): string[] {
  return [
    '#5 [build 3/5] RUN npm ci --omit=dev',
    '#5 4.113 npm error code E404',
    "#5 4.114 npm error 404 Not Found - GET https://registry.npmjs.org/@acme%2fdesign-tokens - Not found",
    '#5 ERROR: process "/bin/sh -c npm ci --omit=dev" did not complete successfully: exit code: 1',
    'ERROR: failed to solve: process "/bin/sh -c npm ci --omit=dev" did not complete successfully: exit code: 1',
  ];
}
