// The ~/.aws folder as it changes under a running window: removed, created for the first time (as
// `aws configure` does), files deleted. The views follow the session's change events, so each step must
// end with the session seeing what is on disk, without a reload.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually } from '../waits';
import { activateConveyor } from './helpers';

describe('AWS shared files watched under a running window', function () {
  this.timeout(120_000);
  const configFile = process.env.AWS_CONFIG_FILE ?? '';
  const credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
  const folder = path.dirname(configFile);
  const aside = `${folder}.aside`;

  before(function () {
    if (!configFile || !credentialsFile || path.dirname(credentialsFile) !== folder) this.skip();
  });

  afterEach(async () => {
    // Whatever happened, the other suites get the test profiles back.
    if (!fs.existsSync(aside)) return;
    fs.rmSync(folder, { recursive: true, force: true });
    fs.renameSync(aside, folder);
    const api = await activateConveyor();
    await eventually('the test profiles back', () => api.aws.knownProfiles.some((p) => p.name === 'conveyor-demo'), 30_000);
  });

  it('sees the folder removed, then created again with a new config, then the files deleted', async () => {
    const api = await activateConveyor();
    const names = (): string[] => api.aws.knownProfiles.map((p) => p.name);
    await eventually('the test profiles', () => names().includes('conveyor-demo'));
    fs.renameSync(folder, aside);
    await eventually('no profiles once ~/.aws is gone', () => names().length === 0, 30_000);

    // `aws configure` on a machine without ~/.aws: the folder, then the two files.
    fs.mkdirSync(folder);
    fs.writeFileSync(configFile, '[default]\nregion = eu-west-3\n');
    fs.writeFileSync(credentialsFile, '[default]\naws_access_key_id = AKIAEXAMPLEFIRSTRUN1\naws_secret_access_key = first-run-secret\n', { mode: 0o600 });
    await eventually('the new default profile', () => names().join() === 'default' && api.aws.knownProfiles[0]?.kind === 'static', 30_000);

    fs.rmSync(credentialsFile);
    await eventually('the profile without credentials once the credentials file is deleted',
      () => api.aws.knownProfiles.find((p) => p.name === 'default')?.kind !== 'static', 30_000);
    fs.rmSync(configFile);
    await eventually('no profiles once both files are deleted', () => names().length === 0, 30_000);
  });
});
