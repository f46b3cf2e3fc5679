// The December 2026 security review's config-editing findings, each as its repro against real files:
// 1 (non-UTF-8 files and their backups), 8 (replaced credentials stay secret), 11 (a failed login
// leaves nothing behind).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigEditError } from '../../../src/artifacts/config/edit';
import { applyLogin, applyLogout, BACKUP_SUFFIX } from '../../../src/artifacts/login/engine';
import { EMPTY_MANIFEST, splitSecrets } from '../../../src/artifacts/login/manifest';
import { nodeConfigFs, type ConfigFs } from '../../../src/artifacts/login/node-fs';
import { loginId, planLogin, type LoginRequest, type PlanContext } from '../../../src/artifacts/login/plan';

const HOST = 'dom-111122223333.d.codeartifact.us-east-1.amazonaws.com';
const base = { placement: 'user', domain: 'dom', domainOwner: '111122223333', repository: 'repo', region: 'us-east-1', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN' } as const;
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('config editing: security review findings (real files)', () => {
  let home: string;
  let ctx: PlanContext;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-findings-'));
    ctx = { home, platform: 'linux', env: {}, exists: () => false };
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));
  const backups = (dir = home): string[] => fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes('conveyor-backup')).sort();

  describe('finding 1: files that are not UTF-8', () => {
    const twine: LoginRequest = { ...base, tool: 'twine', endpoint: `https://${HOST}/pypi/repo/` };

    it('a Latin-1 .pypirc keeps its bytes while logged in and comes back byte-identical; the backup goes only then', async () => {
      const file = path.join(home, '.pypirc');
      const original = latin1('[pypi]\nusername = jos\xe9\npassword = p\xe4ss\n');
      fs.writeFileSync(file, original);
      const { manifest } = await applyLogin(planLogin(twine, ctx), 'eyJ2ZXIiOjF9.token.sig', EMPTY_MANIFEST, nodeConfigFs);
      const during = fs.readFileSync(file);
      assert.ok(during.subarray(0, original.length).equals(original), 'the untouched [pypi] lines are the original bytes');
      assert.ok(!during.includes(Buffer.from([0xef, 0xbf, 0xbd])), 'no U+FFFD anywhere');
      assert.match(during.toString('latin1'), /\[codeartifact\]\nrepository = https:\/\/dom-.*\nusername = aws\npassword = eyJ2ZXIiOjF9\.token\.sig\n$/);
      assert.ok(fs.readFileSync(file + BACKUP_SUFFIX).equals(original), 'the backup is a byte-exact copy');
      await applyLogout(loginId(twine), manifest, nodeConfigFs);
      assert.ok(fs.readFileSync(file).equals(original), 'byte-identical after logout');
      assert.deepEqual(backups(), []);
    });

    it('the backup is compared byte for byte: one changed Latin-1 byte keeps it (decoded text would call them equal)', async () => {
      const file = path.join(home, '.pypirc');
      const original = latin1('# Jos\xe9\n[pypi]\nusername = x\n');
      fs.writeFileSync(file, original);
      const { manifest } = await applyLogin(planLogin(twine, ctx), 'T0KEN', EMPTY_MANIFEST, nodeConfigFs);
      fs.writeFileSync(file, Buffer.from(fs.readFileSync(file).toString('latin1').replace('Jos\xe9', 'Jos\xe8'), 'latin1'));
      const out = await applyLogout(loginId(twine), manifest, nodeConfigFs);
      assert.ok(fs.readFileSync(file).equals(latin1('# Jos\xe8\n[pypi]\nusername = x\n')), 'the person\'s edit stays');
      assert.ok(fs.readFileSync(file + BACKUP_SUFFIX).equals(original), 'the only copy of the original bytes is kept');
      assert.deepEqual(out.changes[0]?.kept, ['the backup .pypirc.conveyor-backup was kept: the file is not byte-identical to it']);
    });

    it('NuGet.Config declared windows-1252, settings.xml ISO-8859-1 and gradle.properties in Latin-1 round-trip byte for byte', async () => {
      const cases: [LoginRequest, string, Buffer][] = [
        [{ ...base, tool: 'nuget', endpoint: `https://${HOST}/nuget/repo/` }, path.join(home, '.nuget', 'NuGet', 'NuGet.Config'),
          latin1('<?xml version="1.0" encoding="windows-1252"?>\r\n<configuration>\r\n  <config>\r\n    <add key="globalPackagesFolder" value="C:\\Users\\Jos\xe9\\pkgs" />\r\n  </config>\r\n</configuration>\r\n')],
        [{ ...base, tool: 'maven', endpoint: `https://${HOST}/maven/repo/` }, path.join(home, '.m2', 'settings.xml'),
          latin1('<?xml version="1.0" encoding="ISO-8859-1"?>\n<settings>\n  <localRepository>/home/jos\xe9/m2</localRepository>\n</settings>\n')],
        [{ ...base, tool: 'gradle', endpoint: `https://${HOST}/maven/repo/` }, path.join(home, '.gradle', 'gradle.properties'),
          latin1('# J\xfcrgen\norg.gradle.jvmargs=-Xmx2g\n')],
      ];
      for (const [request, file, original] of cases) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, original);
        const { manifest } = await applyLogin(planLogin(request, ctx), 'T0KEN', EMPTY_MANIFEST, nodeConfigFs);
        const during = fs.readFileSync(file);
        assert.ok(!during.includes(Buffer.from([0xef, 0xbf, 0xbd])) && during.includes(Buffer.from('T0KEN')), file);
        await applyLogout(loginId(request), manifest, nodeConfigFs);
        assert.ok(fs.readFileSync(file).equals(original), `${file} byte-identical after logout`);
      }
      assert.deepEqual(backups(), []);
    });

    it('a UTF-16 .npmrc is refused before anything is written, with what, why and what to do', async () => {
      const npmrc = path.join(home, '.npmrc');
      const original = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('color=false\r\n', 'utf16le')]);
      fs.writeFileSync(npmrc, original);
      await assert.rejects(applyLogin(planLogin({ ...base, tool: 'npm', endpoint: `https://${HOST}/npm/repo/` }, ctx), 'T0KEN', EMPTY_MANIFEST, nodeConfigFs),
        (err: unknown) => err instanceof ConfigEditError
          && err.message === `${npmrc}: it is UTF-16 text (it starts with the byte order mark 0xFF 0xFE), and Conveyor edits this kind of file only as UTF-8. `
          + 'Conveyor does not edit it, so that no byte of it is lost, and left it unchanged. Save it as UTF-8 (in VS Code: "Reopen with Encoding", then "Save with Encoding" › UTF-8) and log in again.');
      assert.ok(fs.readFileSync(npmrc).equals(original));
      assert.deepEqual(fs.readdirSync(home), ['.npmrc'], 'no backup, no temporary file');
    });

    it('a Latin-1 pyproject.toml is refused (TOML is UTF-8); a UTF-16 NuGet.Config is edited as UTF-16 and restored', async () => {
      const project = path.join(home, 'project');
      fs.mkdirSync(project);
      const toml = latin1('[tool.poetry]\nauthors = ["Jos\xe9"]\n');
      fs.writeFileSync(path.join(project, 'pyproject.toml'), toml);
      await assert.rejects(applyLogin(planLogin({ ...base, tool: 'poetry', placement: 'project', projectDir: project, endpoint: `https://${HOST}/pypi/repo/` }, ctx), 'T', EMPTY_MANIFEST, nodeConfigFs),
        /pyproject\.toml: it is not UTF-8 text \(byte 0xE9 at offset 29 is not valid UTF-8\), and TOML files must be UTF-8/);
      assert.ok(fs.readFileSync(path.join(project, 'pyproject.toml')).equals(toml));

      const nuget: LoginRequest = { ...base, tool: 'nuget', placement: 'project', projectDir: project, endpoint: `https://${HOST}/nuget/repo/` };
      const utf16 = Buffer.from('\uFEFF<?xml version="1.0" encoding="utf-16"?>\r\n<configuration>\r\n</configuration>\r\n', 'utf16le').swap16();
      fs.writeFileSync(path.join(project, 'NuGet.Config'), utf16);
      const { manifest } = await applyLogin(planLogin(nuget, { ...ctx, exists: (p) => fs.existsSync(p) }), 'T', EMPTY_MANIFEST, nodeConfigFs);
      const during = Buffer.from(fs.readFileSync(path.join(project, 'NuGet.Config'))).swap16().toString('utf16le');
      assert.match(during, /^\uFEFF<\?xml[\s\S]*<add key="ClearTextPassword" value="%CODEARTIFACT_AUTH_TOKEN%" \/>/);
      await applyLogout(loginId(nuget), manifest, nodeConfigFs);
      assert.ok(fs.readFileSync(path.join(project, 'NuGet.Config')).equals(utf16));
    });
  });

  describe('finding 8: what a credential entry held before is a secret, whatever the new value', () => {
    it('Maven project placement (${env.VAR}), pnpm project placement (${VAR}) and requirements.txt keep the old value out of the stored record', async () => {
      const project = path.join(home, 'proj');
      fs.mkdirSync(project);
      fs.mkdirSync(path.join(home, '.m2'));
      fs.writeFileSync(path.join(home, '.m2', 'settings.xml'), '<settings><servers><server><id>codeartifact-dom-repo</id><username>aws</username><password>REAL-PASSWORD-123</password></server></servers></settings>\n');
      fs.writeFileSync(path.join(project, 'pom.xml'), '<project>\n</project>\n');
      fs.writeFileSync(path.join(home, '.npmrc'), `//${HOST}/npm/repo/:_authToken=OLD-NPM-TOKEN\n`);
      fs.writeFileSync(path.join(project, 'requirements.txt'), `--index-url https://aws:OLD-PIP-PASSWORD@${HOST}/pypi/repo/simple/\nrequests\n`);
      const requests: LoginRequest[] = [
        { ...base, tool: 'maven', placement: 'project', mavenMode: 'repository', projectDir: project, endpoint: `https://${HOST}/maven/repo/` },
        { ...base, tool: 'pnpm', placement: 'project', projectDir: project, endpoint: `https://${HOST}/npm/repo/` },
        { ...base, tool: 'pip', placement: 'project', projectDir: project, endpoint: `https://${HOST}/pypi/repo/` },
      ];
      let manifest = EMPTY_MANIFEST;
      for (const r of requests) manifest = (await applyLogin(planLogin(r, ctx), 'unused', manifest, nodeConfigFs)).manifest;
      const { manifest: stored, secrets } = splitSecrets(manifest);
      const json = JSON.stringify(stored);
      for (const old of ['REAL-PASSWORD-123', 'OLD-NPM-TOKEN', 'OLD-PIP-PASSWORD']) {
        assert.ok(!json.includes(old), `${old} is not in the stored record`);
        assert.ok(Object.values(secrets).some((v) => v.includes(old)), `${old} is kept in the secret store for logout`);
      }
    });
  });

  describe('finding 11: a failed login leaves nothing behind', () => {
    it('a disk-full error on the second file restores the first and removes the backups and folders this login created', async () => {
      const diskFull: ConfigFs = {
        ...nodeConfigFs,
        async writeAtomic(file, data, mode) {
          if (file.endsWith('.netrc')) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          return nodeConfigFs.writeAtomic(file, data, mode);
        },
      };
      const cfg = path.join(home, '.swiftpm', 'configuration');
      fs.mkdirSync(cfg, { recursive: true });
      fs.writeFileSync(path.join(cfg, 'registries.json'), '{"version":1}\n');
      fs.writeFileSync(path.join(home, '.netrc'), 'machine a login b password c\n');
      const before = fs.readdirSync(home, { recursive: true }).map(String).sort();
      const swift = (projectDir?: string): LoginRequest => ({ ...base, tool: 'swift', endpoint: `https://${HOST}/swift/repo/`, ...(projectDir ? { placement: 'project', projectDir } : {}) });
      await assert.rejects(applyLogin(planLogin(swift(), ctx), 'T', EMPTY_MANIFEST, diskFull), /ENOSPC/);
      assert.equal(fs.readFileSync(path.join(cfg, 'registries.json'), 'utf8'), '{"version":1}\n');
      assert.deepEqual(fs.readdirSync(home, { recursive: true }).map(String).sort(), before, 'no backup, no folder, no temporary file left');
      // The project placement creates .swiftpm/configuration in the project: those folders go too.
      const project = path.join(home, 'project');
      fs.mkdirSync(project);
      await assert.rejects(applyLogin(planLogin(swift(project), ctx), 'T', EMPTY_MANIFEST, diskFull), /ENOSPC/);
      assert.deepEqual(fs.readdirSync(project), []);
    });
  });
});
