// Independent wire check: Debian's awscli (botocore signs, serialises and parses with its own model)
// calls every emulated CodeDeploy operation, `aws deploy …`, against the demo account.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createEmulator, type Emulator, EMULATOR_ACCOUNTS } from '../../emulator/index';

const DEBIAN_AWS = '/usr/bin/aws';
type Obj = Record<string, unknown>;

function deployCli(url: string, args: string[]): Promise<{ ok: boolean; out: Obj; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: EMULATOR_ACCOUNTS.main.accessKeyId, AWS_SECRET_ACCESS_KEY: EMULATOR_ACCOUNTS.main.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  return new Promise((resolve) => {
    execFile(DEBIAN_AWS, ['deploy', ...args, '--endpoint-url', url, '--output', 'json'], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ ok: !err, out: stdout.trim() ? JSON.parse(stdout) as Obj : {}, stderr });
    });
  });
}

describe('emulator: Debian awscli against every CodeDeploy operation', function () {
  this.timeout(180_000);
  let emu: Emulator;
  before(async () => {
    assert.ok(existsSync(DEBIAN_AWS), `${DEBIAN_AWS} is missing: apt-get install awscli (npm test installs it)`);
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  });
  after(() => emu?.close());

  async function deploy(...args: string[]): Promise<Obj> {
    const r = await deployCli(emu.url, args);
    assert.ok(r.ok, `aws deploy ${args.join(' ')}\n${r.stderr}`);
    return r.out;
  }
  const list = (v: unknown): Obj[] => v as Obj[];
  const obj = (v: unknown): Obj => v as Obj;

  it('reads applications, groups, deployments, targets and instances', async () => {
    const [apps, groups, deployments] = await Promise.all([
      deploy('list-applications'),
      deploy('list-deployment-groups', '--application-name', 'orders-api'),
      deploy('list-deployments', '--application-name', 'orders-api', '--deployment-group-name', 'orders-api-prod', '--include-only-statuses', 'Failed'),
    ]);
    assert.ok((apps.applications as string[]).includes('orders-api'));
    assert.deepEqual(groups.deploymentGroups, ['orders-api-prod', 'orders-api-staging']);
    const [failedId] = deployments.deployments as string[];
    const [appInfo, groupInfo, batch, one, targetIds, instanceIds] = await Promise.all([
      deploy('batch-get-applications', '--application-names', 'orders-api', 'image-resizer'),
      deploy('batch-get-deployment-groups', '--application-name', 'orders-api', '--deployment-group-names', 'orders-api-prod'),
      deploy('batch-get-deployments', '--deployment-ids', failedId!),
      deploy('get-deployment', '--deployment-id', failedId!),
      deploy('list-deployment-targets', '--deployment-id', failedId!, '--target-filters', 'TargetStatus=Failed'),
      deploy('list-deployment-instances', '--deployment-id', failedId!),
    ]);
    assert.deepEqual(list(appInfo.applicationsInfo).map((a) => a.computePlatform).sort(), ['Lambda', 'Server']);
    assert.match(String(list(appInfo.applicationsInfo)[0]!.createTime), /^\d{4}-\d{2}-\d{2}T/, 'botocore parsed the timestamp');
    assert.equal(obj(list(groupInfo.deploymentGroupsInfo)[0]!.lastAttemptedDeployment).deploymentId, failedId);
    assert.equal(list(batch.deploymentsInfo)[0]!.status, 'Failed');
    assert.equal(obj(obj(one.deploymentInfo).errorInformation).code, 'HEALTH_CONSTRAINTS');
    const [target] = targetIds.targetIds as string[];
    assert.equal((instanceIds.instancesList as string[]).length, 4);
    const [targets, instances] = await Promise.all([
      deploy('batch-get-deployment-targets', '--deployment-id', failedId!, '--target-ids', target!),
      deploy('batch-get-deployment-instances', '--deployment-id', failedId!, '--instance-ids', target!),
    ]);
    const events = list(obj(list(targets.deploymentTargets)[0]!.instanceTarget).lifecycleEvents);
    const failed = events.find((e) => e.status === 'Failed')!;
    assert.equal(obj(failed.diagnostics).scriptName, 'scripts/migrate_db.sh');
    assert.match(String(failed.startTime), /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(list(instances.instancesSummary)[0]!.status, 'Failed');
  });

  it('creates, stops and continues deployments', async () => {
    const created = await deploy('create-deployment', '--application-name', 'orders-api', '--deployment-group-name', 'orders-api-staging',
      '--s3-location', 'bucket=acme-deploy-artifacts,key=orders-api/orders-api-2.14.0.zip,bundleType=zip', '--description', 'awscli check');
    const id = String(created.deploymentId);
    assert.match(id, /^d-[A-Z0-9]{9}$/);
    emu.clock.advance(2_000);
    const stopped = await deploy('stop-deployment', '--deployment-id', id, '--auto-rollback-enabled');
    assert.ok(['Pending', 'Succeeded'].includes(String(stopped.status)), JSON.stringify(stopped));
    const ready = (await deploy('list-deployments', '--application-name', 'checkout-service', '--deployment-group-name', 'checkout-service-prod',
      '--include-only-statuses', 'Ready')).deployments as string[];
    assert.equal(ready.length, 1);
    assert.deepEqual(await deploy('continue-deployment', '--deployment-id', ready[0]!, '--deployment-wait-type', 'READY_WAIT'), {});
    emu.clock.advance(10 * 60_000);
    const after = obj((await deploy('get-deployment', '--deployment-id', id)).deploymentInfo);
    assert.equal(after.status, 'Stopped');
  });

  it('surfaces modeled errors the way botocore reports them', async () => {
    const [missingApp, badId, notReady] = await Promise.all([
      deployCli(emu.url, ['list-deployment-groups', '--application-name', 'nope']),
      deployCli(emu.url, ['get-deployment', '--deployment-id', 'not-an-id']),
      deployCli(emu.url, ['continue-deployment', '--deployment-id', 'd-AAAAAAAAA']),
    ]);
    assert.match(missingApp.stderr, /\(ApplicationDoesNotExistException\) when calling the ListDeploymentGroups operation: No application found for name: nope/);
    assert.match(badId.stderr, /\(InvalidDeploymentIdException\) when calling the GetDeployment operation/);
    assert.match(notReady.stderr, /\(DeploymentDoesNotExistException\) when calling the ContinueDeployment operation/);
  });
});
