import * as assert from 'node:assert/strict';
import { inferPlatform } from '../../../packages/conveyor-lint/src/appspec/platform';
import { parseText } from '../../../packages/conveyor-lint/src/syntax/parse';
import { appspec, applyFix, byRule, errors, lineOf, show, textAt } from './helpers';

const EC2 = (hooks: string, os = 'linux'): string => `version: 0.0\nos: ${os}\nfiles:\n  - source: /\n    destination: ${os === 'windows' ? 'c:\\app' : '/opt/app'}\nhooks:\n${hooks}`;
const ECS = (hooks: string): string => `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/app:1\n        LoadBalancerInfo:\n          ContainerName: app\n          ContainerPort: 8080\nHooks:\n${hooks}`;
const LAMBDA = (hooks: string): string => `version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: fn\n        Alias: live\n        CurrentVersion: 1\n        TargetVersion: 2\nHooks:\n${hooks}`;

describe('appspec rules', () => {
  describe('platform inference', () => {
    const platform = (text: string): string => {
      const root = parseText(text, { format: text.trimStart().startsWith('{') ? 'json' : 'yaml' }).root;
      return inferPlatform(root);
    };
    it('reads the resource type, properties, EC2-only sections and the hook shape', () => {
      assert.equal(platform(ECS('  - BeforeInstall: f\n')), 'ecs');
      assert.equal(platform(LAMBDA('  - BeforeAllowTraffic: f\n')), 'lambda');
      assert.equal(platform(EC2('  AfterInstall:\n    - location: a.sh\n')), 'ec2');
      assert.equal(platform('version: 0.0\nResources:\n  - x:\n      Properties:\n        Alias: live\n'), 'lambda');
      assert.equal(platform('version: 0.0\nHooks:\n  - AfterAllowTestTraffic: f\n'), 'ecs');
      assert.equal(platform('version: 0.0\n'), 'ec2');
      assert.equal(platform('{"version": 0.0, "resources": [{"x": {"type": "AWS::Lambda::Function"}}]}'), 'lambda');
    });
  });

  describe('appspec/hook-not-allowed-for-platform', () => {
    it('accepts every documented hook of each platform', () => {
      assert.deepEqual(appspec(EC2(['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeBlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']
        .map((h) => `  ${h}:\n    - location: s.sh\n`).join(''))), []);
      assert.deepEqual(appspec(ECS(['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'].map((h) => `  - ${h}: fn${h}\n`).join(''))), []);
      assert.deepEqual(appspec(LAMBDA('  - BeforeAllowTraffic: a\n  - AfterAllowTraffic: b\n')), []);
    });
    it('warns on an unknown EC2 event (it never runs) and suggests the nearest', () => {
      const text = EC2('  AfterInstal:\n    - location: s.sh\n');
      const ds = appspec(text);
      assert.equal(ds.length, 1, show(ds));
      assert.equal(ds[0]?.severity, 'warning');
      assert.match(ds[0]?.message ?? '', /Did you mean 'AfterInstall'/);
      assert.deepEqual(appspec(applyFix(text, ds[0]?.fix)), []);
    });
    it('reports reserved EC2 events as errors', () => {
      const ds = appspec(EC2('  Install:\n    - location: s.sh\n'));
      assert.equal(ds.length, 1, show(ds));
      assert.equal(ds[0]?.severity, 'error');
      assert.match(ds[0]?.message ?? '', /reserved for the CodeDeploy agent/);
    });
    it('reports ECS events in a Lambda appspec, and unknown events, as errors at the event name', () => {
      const text = LAMBDA('  - BeforeInstall: f\n  - LifeCycleEvent: g\n');
      const ds = byRule(appspec(text), 'appspec/hook-not-allowed-for-platform');
      assert.deepEqual(ds.map((d) => [d.severity, textAt(text, d)]), [['error', 'BeforeInstall'], ['error', 'LifeCycleEvent']]);
      assert.match(ds[0]?.message ?? '', /Amazon ECS lifecycle event/);
    });
    it('reads ECS/Lambda hook names case-insensitively, as CodeDeploy does', () => {
      assert.deepEqual(appspec(ECS('  - beforeinstall: f\n')), []);
    });
  });

  describe('appspec/hook-timeout-too-long', () => {
    it('reports a timeout over 3600 s once, with a fix to 3600', () => {
      const text = EC2('  ApplicationStart:\n    - location: s.sh\n      timeout: 6000\n');
      const ds = appspec(text);
      assert.equal(ds.length, 1, show(ds));
      const d = ds[0];
      assert.ok(d);
      assert.equal(d.rule, 'appspec/hook-timeout-too-long');
      assert.equal(textAt(text, d), '6000');
      assert.deepEqual(appspec(applyFix(text, d.fix)), []);
    });
    it('accepts 3600, and warns when the scripts of one event add up to more', () => {
      assert.deepEqual(appspec(EC2('  ApplicationStart:\n    - location: s.sh\n      timeout: 3600\n')), []);
      const ds = appspec(EC2('  ApplicationStart:\n    - location: a.sh\n      timeout: 2000\n    - location: b.sh\n      timeout: 2000\n'));
      assert.deepEqual(errors(ds), []);
      assert.match(byRule(ds, 'appspec/hook-timeout-too-long')[0]?.message ?? '', /add up to 4000 s/);
    });
  });

  describe('appspec/hook-script-missing', () => {
    const text = EC2('  AfterInstall:\n    - location: scripts/install.sh\n    - location: /scripts/start.sh\n');
    it('warns about scripts the revision does not contain', () => {
      const seen: string[] = [];
      const ds = appspec(text, { fileExists: (p) => { seen.push(p); return p === 'scripts/start.sh'; } });
      assert.deepEqual(seen, ['scripts/install.sh', 'scripts/start.sh']);
      assert.equal(ds.length, 1);
      assert.equal(ds[0]?.severity, 'warning');
      assert.equal(ds[0]?.range.start.line, lineOf(text, 'install.sh'));
    });
    it('is silent when the scripts exist or when no file system is available', () => {
      assert.deepEqual(appspec(text, { fileExists: () => true }), []);
      assert.deepEqual(appspec(text), []);
    });
  });

  describe('appspec/runas-on-windows', () => {
    it('warns on runas for Windows and removes the line as a fix', () => {
      const text = EC2('  AfterInstall:\n    - location: s.ps1\n      runas: Administrator\n', 'windows');
      const ds = appspec(text);
      assert.equal(ds.length, 1);
      assert.equal(ds[0]?.rule, 'appspec/runas-on-windows');
      assert.deepEqual(appspec(applyFix(text, ds[0]?.fix)), []);
    });
    it('accepts runas on Linux', () => {
      assert.deepEqual(appspec(EC2('  AfterInstall:\n    - location: s.sh\n      runas: ec2-user\n')), []);
    });
  });

  describe('versions', () => {
    it('warns on version 1 for ECS and Lambda (documented: 0.0) with a fix', () => {
      const text = ECS('  - BeforeInstall: f\n').replace('version: 0.0', 'version: 1');
      const ds = appspec(text);
      assert.equal(ds.length, 1);
      assert.equal(ds[0]?.rule, 'appspec/version-not-documented');
      assert.deepEqual(appspec(applyFix(text, ds[0]?.fix)), []);
    });
    it('reports version 1 for EC2 as an error (the agent rejects it) and 0.2 everywhere', () => {
      const ec2 = appspec(EC2('  AfterInstall:\n    - location: s.sh\n').replace('version: 0.0', 'version: 1'));
      assert.equal(errors(ec2).length, 1);
      assert.match(ec2[0]?.message ?? '', /must use version 0\.0/);
      const json = appspec('{"version": 0.2, "Resources": [{"s": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "t", "LoadBalancerInfo": {"ContainerName": "c", "ContainerPort": 80}}}}]}', { path: 'appspec.json' });
      assert.equal(errors(json).length, 1);
      assert.ok(json[0]?.fix);
    });
  });

  describe('appspec/ignored-key', () => {
    it("warns on files[].overwrite, which the agent ignores", () => {
      const ds = appspec('version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /opt\n    overwrite: yes\n');
      assert.equal(ds.length, 1);
      assert.equal(ds[0]?.severity, 'warning');
      assert.equal(ds[0]?.rule, 'appspec/ignored-key');
    });
  });

  describe('ECS and Lambda keys', () => {
    it('accepts the lowercase spellings the documentation shows', () => {
      assert.deepEqual(appspec('version: 0.0\nresources:\n  - fn:\n      type: "AWS::Lambda::Function"\n      properties:\n        name: fn\n        alias: live\n        currentversion: 1\n        targetversion: 2\nhooks:\n  - BeforeAllowTraffic: check\n'), []);
    });
    it('reports two keys that differ only in case', () => {
      const ds = appspec(`${LAMBDA('  - BeforeAllowTraffic: a\n')}hooks:\n  - AfterAllowTraffic: b\n`);
      assert.equal(byRule(ds, 'appspec/duplicate-key-case').length, 1);
    });
    it('reports a missing required property of the resource', () => {
      const text = 'version: 0.0\nResources:\n  - s:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/app:1\n';
      const ds = appspec(text);
      assert.equal(ds.length, 1, show(ds));
      assert.match(ds[0]?.message ?? '', /Missing required key 'LoadBalancerInfo'/);
      assert.equal(ds[0]?.range.start.line, lineOf(text, 'Properties'));
    });
    it('does not judge template placeholders', () => {
      assert.deepEqual(appspec(ECS('  - BeforeInstall: f\n').replace('8080', '"<CONTAINER_PORT>"')), []);
    });
  });
});
