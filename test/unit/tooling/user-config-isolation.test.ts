import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The test runners' own safety net: extension hosts started by tests or the demo must not inherit a
// pointer to the real user's configuration, and `npm test` must notice if one was written anyway.
describe('tooling: tests stay away from the real user configuration', () => {
  it('drops the variables that point at the user\'s npm, pip, Gradle … configuration and keeps the rest', async () => {
    const { withoutUserConfigVariables } = await import('../../../scripts/lib/test-env.mjs');
    const kept = withoutUserConfigVariables({
      HOME: '/home/u', PATH: '/usr/bin', npm_config_userconfig: '/home/u/.npmrc', NPM_CONFIG_REGISTRY: 'x', AWS_PROFILE: 'prod',
      XDG_CONFIG_HOME: '/home/u/.config', GRADLE_USER_HOME: '/home/u/.gradle', PIP_CONFIG_FILE: '/etc/pip.conf', LANG: 'C.UTF-8',
    });
    assert.deepEqual(kept, { HOME: '/home/u', PATH: '/usr/bin', LANG: 'C.UTF-8' });
  });

  it('names a configuration file that a tier changed, created or left a backup of', async () => {
    const { changedUserConfig, snapshotUserConfig, userConfigFiles } = await import('../../../scripts/lib/user-config-guard.mjs');
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-'));
    try {
      fs.writeFileSync(path.join(home, '.npmrc'), 'fund=false\n');
      const files = userConfigFiles({}, home);
      assert.ok(files.includes(path.join(home, '.config', 'pip', 'pip.conf')));
      const before = snapshotUserConfig(files);
      assert.deepEqual(changedUserConfig(before), []);
      fs.appendFileSync(path.join(home, '.npmrc'), 'registry=http://127.0.0.1:1/\n');
      fs.writeFileSync(path.join(home, '.npmrc.conveyor-backup'), 'fund=false\n');
      fs.mkdirSync(path.join(home, '.m2'));
      fs.writeFileSync(path.join(home, '.m2', 'settings.xml'), '<settings/>');
      assert.deepEqual(changedUserConfig(before).sort(),
        [path.join(home, '.m2', 'settings.xml'), path.join(home, '.npmrc'), path.join(home, '.npmrc.conveyor-backup')].sort());
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
