import * as assert from 'node:assert/strict';
import { detectKind } from '../../../packages/conveyor-lint/src/engine/detect';
import { validate } from '../../../packages/conveyor-lint/src/validate';
import { show, textAt } from './helpers';

describe('recognition', () => {
  it('recognises ECS and Lambda appspecs without a version by their resources, and not templates', () => {
    const ecs = 'Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n';
    assert.equal(detectKind(ecs, { path: 'deploy/ecs.yml' }), 'appspec');
    assert.equal(detectKind('{"resources": [{"fn": {"type": "AWS::Lambda::Function", "properties": {"name": "f"}}}]}', { path: 'x.json' }), 'appspec');
    assert.equal(detectKind('Resources:\n  # the service\n  - svc:\n      Properties:\n        LoadBalancerInfo: {}\n', { path: 'a.yml' }), 'appspec');
    assert.equal(detectKind('Resources:\n  Service:\n    Type: AWS::ECS::Service\n', { path: 'template.yml' }), undefined);
    assert.equal(detectKind('Resources:\n  - a\n  - b\n', { path: 'list.yml' }), undefined);
    // Validated, the missing version is an error at the first key.
    const ds = validate(ecs, { path: 'deploy/ecs.yml' }).diagnostics;
    assert.deepEqual(ds.map((d) => [d.rule, d.range.start.line]), [['schema/missing-key', 0]], show(ds));
  });

  it('recognises batch-only buildspecs by content', () => {
    assert.equal(detectKind('version: 0.2\nbatch:\n  build-list: []\n', { path: 'ci/batch.yml' }), 'buildspec');
  });

  it("gives a file named like ours but holding another tool's keys one information message", () => {
    const workflow = 'name: CI\non: push\nenv:\n  NODE_ENV: test\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: []\n';
    const ds = validate(workflow, { path: '.github/buildspec.yml' }).diagnostics;
    assert.deepEqual(ds.map((d) => [d.rule, d.severity, textAt(workflow, d)]), [['file/other-tool', 'information', 'name']], show(ds));
    assert.match(ds[0]?.message ?? '', /Not validated: .* GitHub Actions workflow/);
    const compose = validate("version: '3.8'\nservices:\n  web:\n    image: nginx\n", { path: 'buildspec.yaml' }).diagnostics;
    assert.match(compose[0]?.message ?? '', /Docker Compose/);
    const template = validate('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', { path: 'appspec.yml' }).diagnostics;
    assert.deepEqual(template.map((d) => d.rule), ['file/other-tool']);
    const openapi = validate('{"openapi": "3.0.0", "info": {"title": "x"}}', { path: 'appspec.json' }).diagnostics;
    assert.match(openapi[0]?.message ?? '', /OpenAPI/);
  });

  it('still validates our files with misspelled keys: a near miss is not another tool', () => {
    const ds = validate('versoin: 0.2\nphase:\n  build:\n    commands: [make]\n', { path: 'buildspec.yml' }).diagnostics;
    assert.ok(ds.some((d) => d.rule === 'schema/unknown-key' && d.severity === 'error'), show(ds));
    const appspecDs = validate('version: 0.0\nOS: linux\n', { path: 'appspec.yml' }).diagnostics;
    assert.ok(appspecDs.some((d) => d.severity === 'error'), show(appspecDs));
  });

  it('gives an appspec.json holding YAML one clear error, and validates its content as YAML', () => {
    const yaml = 'version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n    - location: a.sh\n';
    const ds = validate(yaml, { path: 'deploy/appspec.json' }).diagnostics;
    assert.deepEqual(ds.map((d) => [d.rule, d.severity, d.range.start.line]), [['file/yaml-in-json', 'error', 0], ['appspec/hook-not-allowed-for-platform', 'warning', 3]], show(ds));
    assert.match(ds[0]?.message ?? '', /appspec\.json holds YAML, not JSON.*Rename it to appspec\.yml/);
    assert.deepEqual(validate('{"version": 0.0, "os": "linux"}', { path: 'appspec.json' }).diagnostics, []);
  });
});
