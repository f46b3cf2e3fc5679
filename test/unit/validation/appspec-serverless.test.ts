import * as assert from 'node:assert/strict';
import { appspec, applyFix, byRule, errors, show, textAt } from './helpers';

const TASK = 'arn:aws:ecs:us-east-1:123456789012:task-definition/app:7';
/** An ECS appspec; `extra` is added to the resource's Properties (8 spaces of indentation). */
const ECS = (extra = '', port = '8080', task = TASK): string =>
  `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${task}\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: ${port}\n${extra}`;
const NETWORK = (lines: string): string => ECS(`        NetworkConfiguration:\n          AwsvpcConfiguration:\n${lines}`);
const LAMBDA = (props: string): string => `version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n${props}`;
const FN = (name = 'checkout', alias = 'live', current = '3', target = '4'): string =>
  LAMBDA(`        Name: ${name}\n        Alias: ${alias}\n        CurrentVersion: ${current}\n        TargetVersion: ${target}\n`);

describe('ECS and Lambda appspecs', () => {
  describe('appspec/resource-count', () => {
    it('reports every resource after the first', () => {
      const text = `${ECS()}  - Second:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: ${TASK}\n        LoadBalancerInfo: {ContainerName: a, ContainerPort: 80}\n`;
      const ds = byRule(appspec(text), 'appspec/resource-count');
      assert.deepEqual(ds.map((d) => [d.severity, textAt(text, d)]), [['error', 'Second']]);
      assert.match(ds[0]?.message ?? '', /exactly one resource/);
      assert.equal(byRule(appspec(`${FN()}  - other:\n      Type: AWS::Lambda::Function\n      Properties: {Name: b, Alias: live, CurrentVersion: 1, TargetVersion: 2}\n`), 'appspec/resource-count').length, 1);
    });
  });

  describe('appspec/ecs-task-definition', () => {
    it('accepts ARNs with and without a revision, and pipeline placeholders', () => {
      for (const task of [TASK, 'arn:aws:ecs:eu-west-1:123456789012:task-definition/app', '<TASK_DEFINITION>', 'TASK_DEFINITION_ARN']) assert.deepEqual(appspec(ECS('', '8080', task)), [], task);
    });
    it('warns on a value that is not a task definition ARN', () => {
      const text = ECS('', '8080', 'task-definition.json');
      assert.deepEqual(appspec(text).map((d) => [d.rule, d.severity, textAt(text, d)]), [['appspec/ecs-task-definition', 'warning', 'task-definition.json']]);
      assert.match(appspec(ECS('', '8080', 'arn:aws:ecs:us-east-1:12345:task-definition/app:1'))[0]?.message ?? '', /12-digit account/);
    });
    it("reports the documentation's template placeholders once, as template placeholders", () => {
      const text = ECS('', '8080', '"[Your task definition arn]"');
      assert.deepEqual(appspec(text).map((d) => [d.rule, d.severity]), [['appspec/template-placeholder', 'warning']]);
    });
  });

  describe('appspec/ecs-container-port', () => {
    it('warns on a quoted port, with a fix that unquotes it', () => {
      const text = ECS('', '"80"');
      const [d] = appspec(text);
      assert.deepEqual([d?.rule, d?.severity, textAt(text, d ?? assert.fail())], ['appspec/ecs-container-port', 'warning', '"80"']);
      assert.deepEqual(appspec(applyFix(text, d?.fix)), []);
    });
    it('reports ports that are not numbers, or out of range', () => {
      for (const port of ['http', '0', '70000']) assert.deepEqual(errors(appspec(ECS('', port))).map((d) => d.rule), ['appspec/ecs-container-port'], port);
      assert.deepEqual(appspec(ECS('', '"${PORT}"')), []);
    });
  });

  describe('appspec/ecs-platform-version', () => {
    it('accepts LATEST and version numbers; warns on anything else, with a fix for the case', () => {
      for (const v of ['LATEST', '1.4.0', '"1.3.0"']) assert.deepEqual(appspec(ECS(`        PlatformVersion: ${v}\n`)), [], v);
      const text = ECS('        PlatformVersion: latest\n');
      const [d] = appspec(text);
      assert.equal(d?.rule, 'appspec/ecs-platform-version');
      assert.deepEqual(appspec(applyFix(text, d?.fix)), []);
      assert.equal(appspec(ECS('        PlatformVersion: "1.4"\n'))[0]?.severity, 'warning');
    });
  });

  describe('appspec/ecs-network-configuration', () => {
    const full = '            Subnets: [subnet-1234abcd, subnet-5678abcd]\n            SecurityGroups: [sg-12345678]\n            AssignPublicIp: DISABLED\n';
    it('accepts the documented configuration', () => {
      assert.deepEqual(appspec(NETWORK(full)), []);
    });
    it('reports a missing or empty Subnets and too many subnets or security groups', () => {
      assert.match(errors(appspec(NETWORK('            SecurityGroups: [sg-1]\n            AssignPublicIp: ENABLED\n')))[0]?.message ?? '', /no Subnets/);
      assert.match(errors(appspec(NETWORK(full.replace('[subnet-1234abcd, subnet-5678abcd]', '[]'))))[0]?.message ?? '', /Subnets is empty/);
      const many = Array.from({ length: 17 }, (_, i) => `subnet-${i}`).join(', ');
      assert.match(errors(appspec(NETWORK(full.replace('subnet-1234abcd, subnet-5678abcd', many))))[0]?.message ?? '', /at most 16/);
      assert.match(errors(appspec(NETWORK(full.replace('[sg-12345678]', '[sg-1, sg-2, sg-3, sg-4, sg-5, sg-6]'))))[0]?.message ?? '', /at most 5/);
      const noGroups = appspec(NETWORK(full.replace('[sg-12345678]', '[]')));
      assert.deepEqual(noGroups.map((d) => [d.severity, d.message.slice(0, 24)]), [['warning', 'SecurityGroups is empty:']]);
    });
    it('warns when SecurityGroups or AssignPublicIp is left out (the documentation: all or none)', () => {
      const ds = appspec(NETWORK('            Subnets: [subnet-1]\n'));
      assert.deepEqual(ds.map((d) => d.severity), ['warning']);
      assert.match(ds[0]?.message ?? '', /no SecurityGroups and AssignPublicIp/);
    });
    it('reports AssignPublicIp values other than ENABLED or DISABLED, with a fix for the case', () => {
      const text = NETWORK(full.replace('DISABLED', 'disabled'));
      const [d] = appspec(text);
      assert.equal(d?.severity, 'error');
      assert.deepEqual(appspec(applyFix(text, d?.fix)), []);
      assert.deepEqual(appspec(NETWORK(full.replace('DISABLED', 'ENABLED-or-DISABLED'))).map((x) => x.rule), ['appspec/template-placeholder']);
    });
    it('reports a security group ID among the subnets and the other way round', () => {
      const text = NETWORK(full.replace('subnet-5678abcd', 'sg-5678abcd').replace('[sg-12345678]', '[subnet-9]'));
      assert.deepEqual(errors(appspec(text)).map((d) => textAt(text, d)), ['sg-5678abcd', 'subnet-9']);
    });
  });

  describe('appspec/ecs-capacity-provider-strategy', () => {
    const strategy = (items: string): string => ECS(`        CapacityProviderStrategy:\n${items}`);
    it("accepts the documentation's example (Base on both items, one of them 0)", () => {
      assert.deepEqual(appspec(strategy('          - Base: 1\n            CapacityProvider: FARGATE_SPOT\n            Weight: 2\n          - Base: 0\n            CapacityProvider: FARGATE\n            Weight: 1\n')), []);
    });
    it('reports a base on two providers, all weights 0, and out-of-range numbers', () => {
      const two = appspec(strategy('          - Base: 1\n            CapacityProvider: A\n            Weight: 1\n          - Base: 2\n            CapacityProvider: B\n            Weight: 1\n'));
      assert.match(errors(two)[0]?.message ?? '', /base on only one provider/);
      const zero = appspec(strategy('          - CapacityProvider: A\n          - CapacityProvider: B\n            Weight: 0\n'));
      assert.match(errors(zero)[0]?.message ?? '', /Every capacity provider has Weight 0/);
      const text = strategy('          - CapacityProvider: A\n            Weight: 1001\n');
      assert.deepEqual(errors(appspec(text)).map((d) => textAt(text, d)), ['1001']);
    });
  });

  describe('appspec/lambda-function', () => {
    it('accepts names, function ARNs and aliases as Lambda does', () => {
      assert.deepEqual(appspec(FN('arn:aws:lambda:us-east-1:123456789012:function:checkout', 'prod-2024_a')), []);
    });
    it('reports names and aliases Lambda rejects', () => {
      const text = FN('my.function', '1');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['appspec/lambda-function', 'my.function'], ['appspec/lambda-function', '1']], show(ds));
      assert.match(ds[1]?.message ?? '', /only digits/);
      assert.match(appspec(FN('fn', '$LATEST'))[0]?.message ?? '', /\$LATEST is a version, not an alias/);
    });
  });

  describe('appspec/lambda-version', () => {
    it('accepts positive integers, quoted or not, and placeholders', () => {
      assert.deepEqual(appspec(FN('fn', 'live', '"11"', '12')), []);
      assert.deepEqual(appspec(FN('fn', 'live', 'CURRENT_VERSION_PLACEHOLDER', '"{{TARGET}}"')), []);
    });
    it('reports $LATEST, 0 and non-numbers, at the value', () => {
      const text = FN('fn', 'live', '$LATEST', 'v2');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['appspec/lambda-version', '$LATEST'], ['appspec/lambda-version', 'v2']]);
      assert.equal(errors(appspec(FN('fn', 'live', '0', '1'))).length, 1);
    });
    it('warns when the target version is the current one', () => {
      const ds = appspec(FN('fn', 'live', '5', '"5"'));
      assert.deepEqual(ds.map((d) => [d.rule, d.severity]), [['appspec/lambda-version', 'warning']]);
    });
    it('reads the lowercase keys the documentation shows', () => {
      const text = 'version: 0.0\nresources:\n  - fn:\n      type: AWS::Lambda::Function\n      properties:\n        name: fn\n        alias: live\n        currentversion: 1\n        targetversion: latest\n';
      assert.deepEqual(appspec(text).map((d) => textAt(text, d)), ['latest']);
    });
  });
});
