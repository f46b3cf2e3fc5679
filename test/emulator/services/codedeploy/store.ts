// CodeDeploy state for one account and region: applications and their deployment groups, deployments
// by id, and the revision bundles CreateDeployment can deploy (the emulator's stand-in for S3/GitHub).
import { insertSorted } from '../../core/sorted';
import { defaultConfigName } from './configs';
import type {
  ApplicationRecord, Bundle, ComputePlatform, DeploymentGroupRecord, DeploymentRecord, RevisionLocation,
} from './model';
import type { DeployWorld } from './world';

export type GroupSpec = Partial<Omit<DeploymentGroupRecord, 'applicationName' | 'deploymentGroupName' | 'deployments' | 'computePlatform'>> & {
  deploymentGroupName: string;
};

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Where a revision's bundle is stored: `s3://bucket/key` or `github:owner/repo@commit`. */
export function revisionKey(r: RevisionLocation): string | undefined {
  if (r.revisionType === 'S3' && r.s3Location) return `s3://${r.s3Location.bucket}/${r.s3Location.key}`;
  if (r.revisionType === 'GitHub' && r.gitHubLocation) return `github:${r.gitHubLocation.repository}@${r.gitHubLocation.commitId}`;
  return undefined;
}

export class DeployRegion {
  readonly applications = new Map<string, ApplicationRecord>();
  readonly applicationNames: string[] = [];
  readonly deployments = new Map<string, DeploymentRecord>();
  /** Every deployment in creation order. */
  readonly ordered: DeploymentRecord[] = [];
  private readonly bundles = new Map<string, Bundle>();

  constructor(readonly accountId: string, readonly region: string, readonly world: DeployWorld) {}

  createApplication(name: string, computePlatform: ComputePlatform, createTime = this.world.clock.now()): ApplicationRecord {
    if (this.applications.has(name)) throw new Error(`application ${name} exists already`);
    const app: ApplicationRecord = { applicationId: this.world.random.uuid(), applicationName: name, computePlatform, createTime, groups: new Map() };
    this.applications.set(name, app);
    insertSorted(this.applicationNames, name);
    return app;
  }

  createGroup(app: ApplicationRecord, spec: GroupSpec): DeploymentGroupRecord {
    if (app.groups.has(spec.deploymentGroupName)) throw new Error(`deployment group ${spec.deploymentGroupName} exists already`);
    const group: DeploymentGroupRecord = {
      deploymentGroupId: this.world.random.uuid(),
      deploymentConfigName: defaultConfigName(app.computePlatform),
      serviceRoleArn: `arn:aws:iam::${this.accountId}:role/CodeDeployServiceRole`,
      deploymentStyle: app.computePlatform === 'Server'
        ? { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' }
        : { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      autoRollbackConfiguration: { enabled: false },
      ec2TagFilters: [],
      autoScalingGroups: [],
      ecsServices: [],
      instances: [],
      ...spec,
      applicationName: app.applicationName,
      computePlatform: app.computePlatform,
      deployments: [],
    };
    app.groups.set(group.deploymentGroupName, group);
    return group;
  }

  /** Makes `location` deployable (what uploading a bundle to S3 or pushing to GitHub would do). */
  putRevision(location: RevisionLocation, bundle: Bundle): void {
    const key = revisionKey(location);
    if (!key) throw new Error('only S3 and GitHub revisions are stored');
    this.bundles.set(key, bundle);
  }

  bundleFor(location: RevisionLocation): Bundle | undefined {
    if (location.revisionType === 'AppSpecContent') return { appspec: location.appSpecContent?.content ?? '' };
    if (location.revisionType === 'String') return { appspec: location.string?.content ?? '' };
    const key = revisionKey(location);
    return key ? this.bundles.get(key) : undefined;
  }

  group(applicationName: string, groupName: string): DeploymentGroupRecord | undefined {
    return this.applications.get(applicationName)?.groups.get(groupName);
  }

  newDeploymentId(): string {
    for (;;) {
      let id = 'd-';
      for (let i = 0; i < 9; i++) id += ID_CHARS[this.world.random.int(0, ID_CHARS.length - 1)];
      if (!this.deployments.has(id)) return id;
    }
  }

  newInstanceId(): string {
    return `i-0${this.world.random.hex(16)}`;
  }
}
