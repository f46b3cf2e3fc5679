// Parity with Debian's `aws codeartifact login` (awscli 2.9) against the same emulator: the effective
// npm, pip and twine configuration must match what the AWS CLI produces, except for the deliberate
// differences documented in src/artifacts/PARITY.md (each one is asserted here too).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMULATOR_ACCOUNTS } from '../emulator/index';
import { cleanEnv, findTool, Harness, run, tail, type Workspace } from './harness';

const AWS = '/usr/bin/aws'; // Debian's awscli, not a pyenv shim

describe('parity with aws codeartifact login (Debian awscli)', function () {
  this.timeout(300_000);
  const h = new Harness();
  before(async function () {
    if (!existsSync(AWS)) this.skip();
    await h.start();
  });
  after(async () => h.stop());

  async function cliLogin(ws: Workspace, args: string[]): Promise<void> {
    const env = cleanEnv(ws.home, {
      AWS_ACCESS_KEY_ID: EMULATOR_ACCOUNTS.main.accessKeyId, AWS_SECRET_ACCESS_KEY: EMULATOR_ACCOUNTS.main.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: join(ws.home, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(ws.home, 'no-aws-credentials'),
    });
    const r = await run(AWS, ['codeartifact', 'login', '--domain', 'acme', '--domain-owner', '111111111111', '--endpoint-url', h.emu.url, ...args], { cwd: ws.project, env });
    assert.equal(r.code, 0, tail(r.output));
    assert.match(r.output, /Successfully configured/);
  }

  /** Token-free view of a config: tokens become <token>. */
  const mask = (text: string, ...tokens: string[]): string => tokens.reduce((t, tok) => t.split(tok).join('<token>'), text).replace(/eyJ[A-Za-z0-9_.-]{40,}/g, '<token>');

  describe('npm', () => {
    let npm: string;
    before(function () {
      const found = findTool('npm');
      if (!found) this.skip();
      npm = found;
    });

    const effective = async (ws: Workspace): Promise<Record<string, unknown>> => {
      const r = await run(npm, ['config', 'list', '--json'], { cwd: ws.project, env: cleanEnv(ws.home, {}) });
      const all = JSON.parse(r.output.slice(r.output.indexOf('{'))) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(all).filter(([k]) => k === 'registry' || k.startsWith('@') || k.startsWith('//')));
    };

    for (const scope of [undefined, 'acme']) {
      it(`the same registry${scope ? ' for the scope' : ''} and the same (protected) token key, from the same user .npmrc text`, async () => {
        const cli = h.workspace('parity-npm-cli');
        const ours = h.workspace('parity-npm-conveyor');
        await cliLogin(cli, ['--tool', 'npm', '--repository', 'team-npm', ...(scope ? ['--namespace', scope] : [])]);
        const login = await h.login(ours, { tool: 'npm', placement: 'user', repository: 'team-npm', ...(scope ? { scope } : {}) });
        assert.deepEqual(await effective(ours), await effective(cli));
        const registryKey = scope ? `@${scope}:registry` : 'registry';
        const get = async (ws: Workspace) => (await run(npm, ['config', 'get', registryKey], { cwd: ws.project, env: cleanEnv(ws.home, {}) })).output.trim().split('\n').pop();
        assert.equal(await get(ours), await get(cli));
        // npm ≥ 9 refuses `config get` for _authToken ("protected"), so compare the files, tokens masked.
        assert.equal(mask(readFileSync(join(ours.home, '.npmrc'), 'utf8'), login.issued.token), mask(readFileSync(join(cli.home, '.npmrc'), 'utf8')));
      });
    }
  });

  describe('pip', () => {
    let python: string;
    before(function () {
      const found = findTool('pip') && findTool('python3');
      if (!found) this.skip();
      python = findTool('python3') as string;
    });

    const pipConfig = async (ws: Workspace) => (await run(python, ['-m', 'pip', 'config', 'list', '--user'], { cwd: ws.project, env: cleanEnv(ws.home, {}) })).output.trim();

    it('pip config list shows the same global.index-url (token in the URL)', async () => {
      const cli = h.workspace('parity-pip-cli');
      const ours = h.workspace('parity-pip-conveyor');
      await cliLogin(cli, ['--tool', 'pip', '--repository', 'python']);
      const login = await h.login(ours, { tool: 'pip', placement: 'user', repository: 'python' });
      const mine = mask(await pipConfig(ours), login.issued.token);
      assert.match(mine, /^global\.index-url='http:\/\/aws:<token>@127\.0\.0\.1:\d+\/_codeartifact\/acme-111111111111\/pypi\/python\/simple\/'$/);
      assert.equal(mine, mask(await pipConfig(cli)));
      // Deliberate difference: configparser rewrites the whole file and leaves a trailing blank line; Conveyor edits in place.
      assert.equal(mask(readFileSync(join(cli.home, '.config/pip/pip.conf'), 'utf8')), `[global]\n${mine.replace(/^global\.index-url='(.*)'$/, 'index-url = $1')}\n\n`);
      assert.equal(mask(readFileSync(join(ours.home, '.config/pip/pip.conf'), 'utf8'), login.issued.token), `[global]\n${mine.replace(/^global\.index-url='(.*)'$/, 'index-url = $1')}\n`);
    });

    it('the AWS CLI rewrites an existing pip.conf (comments lost); Conveyor keeps it', async () => {
      const original = '# company defaults\n[global]\n; a slow proxy\ntimeout = 60\n';
      const cli = h.workspace('parity-pip-cli-existing');
      const ours = h.workspace('parity-pip-conveyor-existing');
      for (const ws of [cli, ours]) {
        const dir = join(ws.home, '.config', 'pip');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'pip.conf'), original);
      }
      await cliLogin(cli, ['--tool', 'pip', '--repository', 'python']);
      await h.login(ours, { tool: 'pip', placement: 'user', repository: 'python' });
      assert.ok(!readFileSync(join(cli.home, '.config/pip/pip.conf'), 'utf8').includes('# company defaults'), 'the AWS CLI drops comments');
      assert.ok(readFileSync(join(ours.home, '.config/pip/pip.conf'), 'utf8').startsWith(original), 'Conveyor keeps them');
      assert.equal(mask(await pipConfig(ours)), mask(await pipConfig(cli)));
    });
  });

  describe('twine', () => {
    let python: string;
    before(function () {
      const found = findTool('python3');
      if (!found) this.skip();
      python = found;
    });

    /** .pypirc as twine's RawConfigParser reads it, tokens masked. */
    const parsed = async (ws: Workspace, token?: string): Promise<Record<string, Record<string, string>>> => {
      const script = 'import configparser,json,sys\np=configparser.RawConfigParser()\np.read(sys.argv[1])\nprint(json.dumps({s: dict(p[s]) for s in p.sections()}))';
      const r = await run(python, ['-c', script, join(ws.home, '.pypirc')], { cwd: ws.project, env: cleanEnv(ws.home, {}) });
      return JSON.parse(mask(r.output, ...(token ? [token] : []))) as Record<string, Record<string, string>>;
    };

    it('the same [codeartifact] section; index-servers differs only by the pypi entry the AWS CLI adds', async () => {
      const cli = h.workspace('parity-twine-cli');
      const ours = h.workspace('parity-twine-conveyor');
      await cliLogin(cli, ['--tool', 'twine', '--repository', 'python']);
      const login = await h.login(ours, { tool: 'twine', placement: 'user', repository: 'python' });
      const a = await parsed(cli);
      const b = await parsed(ours, login.issued.token);
      assert.deepEqual(b.codeartifact, a.codeartifact);
      assert.deepEqual(a.distutils?.['index-servers']?.split(/\s+/).filter(Boolean), ['pypi', 'codeartifact']);
      assert.deepEqual(b.distutils?.['index-servers']?.split(/\s+/).filter(Boolean), ['codeartifact']);
    });

    it('with an existing ~/.pypirc that has no [distutils], the AWS CLI fails; Conveyor adds the section', async () => {
      const original = '[pypi]\nusername = __token__\n';
      const cli = h.workspace('parity-twine-cli-existing');
      const ours = h.workspace('parity-twine-conveyor-existing');
      writeFileSync(join(cli.home, '.pypirc'), original);
      writeFileSync(join(ours.home, '.pypirc'), original);
      const env = cleanEnv(cli.home, {
        AWS_ACCESS_KEY_ID: EMULATOR_ACCOUNTS.main.accessKeyId, AWS_SECRET_ACCESS_KEY: EMULATOR_ACCOUNTS.main.secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: join(cli.home, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(cli.home, 'no-aws-credentials'),
      });
      const r = await run(AWS, ['codeartifact', 'login', '--tool', 'twine', '--domain', 'acme', '--domain-owner', '111111111111', '--repository', 'python', '--endpoint-url', h.emu.url], { cwd: cli.project, env });
      assert.notEqual(r.code, 0);
      assert.match(r.output, /invalid state|No section/);
      const login = await h.login(ours, { tool: 'twine', placement: 'user', repository: 'python' });
      assert.ok(readFileSync(join(ours.home, '.pypirc'), 'utf8').startsWith(original));
      assert.equal((await parsed(ours, login.issued.token)).codeartifact?.username, 'aws');
    });
  });
});
