import * as assert from 'node:assert/strict';
import { appspec, applyFix, byRule, errors, show, textAt } from './helpers';

const HOOK = (script: string, os = 'linux'): string => `version: 0.0\nos: ${os}\nhooks:\n  AfterInstall:\n    - location: scripts/after.sh\n${script}`;
const FILES = (entries: string, os = 'linux'): string => `version: 0.0\nos: ${os}\nfiles:\n${entries}`;

describe('EC2/On-Premises appspecs (as the CodeDeploy agent reads them)', () => {
  describe('appspec/ec2-version-string', () => {
    it('accepts the number 0.0 (and 0, which the agent compares equal)', () => {
      assert.deepEqual(appspec('version: 0.0\nos: linux\n'), []);
      assert.deepEqual(appspec('version: 0\nos: linux\n'), []);
      assert.deepEqual(appspec('{"version": 0.0, "os": "linux"}', { path: 'appspec.json' }), []);
    });
    it('reports a quoted "0.0", which the agent rejects although the documentation says to write a string, with a fix', () => {
      for (const text of ["version: '0.0'\nos: linux\n", 'version: "0.0"\nos: linux\n']) {
        const ds = appspec(text);
        assert.deepEqual(ds.map((d) => [d.rule, d.severity]), [['appspec/ec2-version-string', 'error']], show(ds));
        assert.match(ds[0]?.message ?? '', /compares version with the number 0\.0/);
        assert.deepEqual(appspec(applyFix(text, ds[0]?.fix)), []);
      }
      const json = '{"version": "0.0", "os": "linux"}';
      const [d] = appspec(json, { path: 'appspec.json' });
      assert.equal(d?.rule, 'appspec/ec2-version-string');
      assert.deepEqual(appspec(applyFix(json, d?.fix), { path: 'appspec.json' }), []);
    });
    it('leaves ECS and Lambda appspecs alone: there the service reads "0.0"', () => {
      assert.deepEqual(byRule(appspec('version: "0.0"\nResources:\n  - f:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, CurrentVersion: 1, TargetVersion: 2}\n'), 'appspec/ec2-version-string'), []);
    });
  });

  describe('appspec/file-destination', () => {
    it('accepts fully qualified destinations for the declared os', () => {
      assert.deepEqual(appspec(FILES('  - source: /\n    destination: /var/www/html\n')), []);
      assert.deepEqual(appspec(FILES('  - source: \\\n    destination: c:\\inetpub\\wwwroot\n  - source: app\n    destination: D:/apps\n', 'windows')), []);
    });
    it('warns on relative destinations and on paths of the other os, at the destination', () => {
      const text = FILES('  - source: /\n    destination: var/www\n  - source: conf\n    destination: C:\\app\n');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.severity, textAt(text, d)]), [['warning', 'var/www'], ['warning', 'C:\\app']], show(ds));
      assert.match(ds[0]?.message ?? '', /relative path: the CodeDeploy agent does not check it/);
      assert.match(ds[1]?.message ?? '', /Windows path, but os is linux/);
      const windows = appspec(FILES('  - source: /\n    destination: /var/www\n', 'windows'));
      assert.match(windows[0]?.message ?? '', /has no drive/);
    });
    it("warns on source '\\' on Linux, which is a file name there", () => {
      const ds = appspec(FILES('  - source: \\\n    destination: /var/www\n'));
      assert.equal(ds[0]?.rule, 'appspec/file-destination');
      assert.match(ds[0]?.message ?? '', /Use source: \//);
    });
    it('does not judge placeholders', () => {
      assert.deepEqual(appspec(FILES('  - source: /\n    destination: ${DEPLOY_DIR}\n')), []);
    });
  });

  describe('appspec/file-exists-behavior-placement', () => {
    it('warns on file_exists_behavior inside a files entry (ignored there) instead of an unknown-key error', () => {
      const text = FILES('  - source: /\n    destination: /var/www\n    file_exists_behavior: OVERWRITE\n');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, d.severity, textAt(text, d)]), [['appspec/file-exists-behavior-placement', 'warning', 'file_exists_behavior']]);
      assert.match(ds[0]?.message ?? '', /DISALLOW, the default/);
    });
  });

  describe('appspec/hook-timeout-invalid', () => {
    it('accepts whole numbers of seconds, quoted or not', () => {
      assert.deepEqual(appspec(HOOK('      timeout: 300\n')), []);
      assert.deepEqual(appspec(HOOK("      timeout: '300'\n")), []);
    });
    it('reports timeouts the agent reads as 0 or less (it fails the deployment)', () => {
      for (const value of ['0', '-5', 'foo', '"five minutes"']) {
        const ds = appspec(HOOK(`      timeout: ${value}\n`));
        assert.deepEqual(ds.map((d) => [d.rule, d.severity]), [['appspec/hook-timeout-invalid', 'error']], `${value}\n${show(ds)}`);
        assert.match(ds[0]?.message ?? '', /invalid timeout value/);
      }
    });
    it('warns on values the agent reads differently from how they look, with a fix', () => {
      const text = HOOK('      timeout: 5m\n');
      const [d] = appspec(text);
      assert.equal(d?.severity, 'warning');
      assert.match(d?.message ?? '', /'5m', which the agent reads as 5 seconds/);
      assert.deepEqual(appspec(applyFix(text, d?.fix)), []);
      assert.match(appspec(HOOK('      timeout: 0600\n'))[0]?.message ?? '', /octal number 384/);
      assert.match(appspec(HOOK('      timeout: 1.5\n'))[0]?.message ?? '', /truncates to 1/);
      assert.match(appspec(HOOK('      timeout:\n'))[0]?.message ?? '', /default of 3600 seconds/);
    });
    it('measures the 3600-second limit on what the agent reads', () => {
      const ds = appspec(HOOK("      timeout: '5000s'\n"));
      assert.deepEqual(ds.map((d) => d.rule).sort(), ['appspec/hook-timeout-invalid', 'appspec/hook-timeout-too-long']);
      assert.equal(errors(ds)[0]?.rule, 'appspec/hook-timeout-too-long');
    });
  });

  describe('appspec/hook-location-command', () => {
    it('warns on a location that is a command line, not a file', () => {
      for (const location of ['bash scripts/start.sh', 'scripts/start.sh --port 80', 'sudo scripts/start.sh']) {
        const text = `version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: ${location}\n`;
        const ds = appspec(text);
        assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['appspec/hook-location-command', location]], show(ds));
      }
    });
    it('accepts paths, also with spaces or dashes in names', () => {
      assert.deepEqual(appspec('version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start-server.sh\n    - location: My Scripts/run.sh\n'), []);
    });
  });

  describe('appspec/hook-runas', () => {
    it('accepts a user name, and a plain sudo: false', () => {
      assert.deepEqual(appspec(HOOK('      runas: ec2-user\n      sudo: false\n')), []);
    });
    it('warns on a runas that is not one user name', () => {
      const text = HOOK('      runas: deploy user\n');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['appspec/hook-runas', 'deploy user']]);
    });
    it('warns on sudo: "false" (a string, so true for the agent), with a fix', () => {
      const text = HOOK('      sudo: "false"\n');
      const [d] = appspec(text);
      assert.equal(d?.rule, 'appspec/hook-runas');
      assert.match(d?.message ?? '', /treats as true/);
      assert.deepEqual(appspec(applyFix(text, d?.fix)), []);
    });
    it('leaves Windows appspecs to appspec/runas-on-windows', () => {
      assert.deepEqual(byRule(appspec(HOOK('      runas: deploy user\n', 'windows')), 'appspec/hook-runas'), []);
    });
  });
});
