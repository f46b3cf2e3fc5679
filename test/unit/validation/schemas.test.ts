import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { buildspec, appspec, show } from './helpers';

const SCHEMAS = path.resolve(__dirname, '../../../packages/conveyor-lint/schemas');
const load = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;

/** Every schema that documents a property: values of properties maps, additionalProperties and items schemas. */
function documentedSchemas(schema: unknown, where: string, out: { where: string; schema: Record<string, unknown> }[]): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const s = schema as Record<string, unknown>;
  for (const key of ['properties', 'definitions'] as const) {
    const map = s[key];
    if (typeof map === 'object' && map !== null) {
      for (const [name, sub] of Object.entries(map)) {
        if (key === 'properties') out.push({ where: `${where}/properties/${name}`, schema: sub as Record<string, unknown> });
        documentedSchemas(sub, `${where}/${key}/${name}`, out);
      }
    }
  }
  for (const key of ['additionalProperties', 'items'] as const) {
    const sub = s[key];
    if (typeof sub === 'object' && sub !== null) {
      out.push({ where: `${where}/${key}`, schema: sub as Record<string, unknown> });
      documentedSchemas(sub, `${where}/${key}`, out);
    }
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = s[key];
    if (Array.isArray(list)) list.forEach((b, i) => documentedSchemas(b, `${where}/${key}/${i}`, out));
  }
  for (const key of ['if', 'then', 'else', 'contains'] as const) documentedSchemas(s[key], `${where}/${key}`, out);
}

const KITCHEN_SINK = `version: 0.2
run-as: builder
env:
  shell: bash
  variables:
    NODE_ENV: production
  parameter-store:
    TOKEN: /ci/token
  secrets-manager:
    DB_PASSWORD: prod/db:password:AWSCURRENT
  exported-variables:
    - IMAGE_TAG
  git-credential-helper: yes
proxy:
  upload-artifacts: yes
  logs: no
batch:
  fast-fail: true
  build-graph:
    - identifier: build
      buildspec: ci/fleet.yml
      env:
        compute-type: BUILD_GENERAL1_LARGE
        fleet: arn:aws:codebuild:us-east-1:123456789012:fleet/linux:1
        image: aws/codebuild/standard:7.0
        privileged-mode: true
        type: LINUX_CONTAINER
        variables:
          TARGET: linux
      ignore-failure: false
      debug-session: false
    - identifier: test
      buildspec: ci/test.yml
      depend-on:
        - build
  build-fanout:
    parallelism: 5
    ignore-failure: false
phases:
  install:
    run-as: root
    on-failure: ABORT
    runtime-versions:
      nodejs: 20
      python: 3.x
    commands:
      - npm ci
    finally:
      - echo installed
  pre_build:
    on-failure: RETRY-3-.*throttl.*
    commands:
      - aws ecr get-login-password --region $AWS_REGION | docker login --username AWS --password-stdin $REGISTRY
  build:
    on-failure: CONTINUE
    commands:
      - npm run build
  post_build:
    commands:
      - npm test
reports:
  unit-tests:
    files:
      - '**/*'
    base-directory: reports
    discard-paths: no
    file-format: JUnitXml
artifacts:
  files:
    - '**/*'
  name: app-$(date +%Y-%m-%d)
  discard-paths: no
  base-directory: dist
  exclude-paths:
    - '**/*.map'
  enable-symlinks: yes
  s3-prefix: builds
  secondary-artifacts:
    docs:
      files:
        - docs/**/*
      name: docs
cache:
  key: npm-$(md5sum package-lock.json)
  fallback-keys:
    - npm-
  action: restore
  paths:
    - node_modules/**/*
`;

describe('JSON Schemas', () => {
  for (const name of ['buildspec.schema.json', 'appspec.schema.json']) {
    describe(name, () => {
      const schema = load(name);
      it('is draft-07 with an $id, a title and a description', () => {
        assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.match(String(schema.$id), /^https:\/\/json\.schemastore\.org\/\w+\.json$/);
        assert.ok(typeof schema.title === 'string' && typeof schema.description === 'string');
      });
      it('compiles under ajv strict mode without a single warning', () => {
        const warnings: unknown[] = [];
        const ajv = new Ajv({ strict: true, allErrors: true, logger: { log: () => undefined, warn: (...m: unknown[]) => warnings.push(m), error: (...m: unknown[]) => warnings.push(m) } });
        ajv.compile(schema);
        assert.deepEqual(warnings, []);
      });
      it('gives every property a description ending with a link to the AWS documentation', () => {
        const found: { where: string; schema: Record<string, unknown> }[] = [];
        documentedSchemas(schema, '#', found);
        assert.ok(found.length > 50);
        const missing = found.filter(({ schema: s }) => !/ Docs: https:\/\/docs\.aws\.amazon\.com\/[\w/.-]+\.html(#[\w.-]+)?$/.test(typeof s.description === 'string' ? s.description : '') && s.$ref === undefined)
          .map((f) => f.where);
        assert.deepEqual(missing, []);
      });
    });
  }

  it('accepts a buildspec that uses every documented feature, through the engine and the plain schema', () => {
    assert.deepEqual(buildspec(KITCHEN_SINK), [], show(buildspec(KITCHEN_SINK)));
    const validate = new Ajv({ strict: true, allErrors: true }).compile(load('buildspec.schema.json'));
    assert.equal(validate(parse(KITCHEN_SINK)), true, JSON.stringify(validate.errors));
  });

  it('lets other tools (the plain schema with if/then/else) reject what the engine rejects', () => {
    const validateBuildspec = new Ajv({ strict: true, allErrors: true }).compile(load('buildspec.schema.json'));
    assert.equal(validateBuildspec(parse('version: 0.2\nphases:\n  pre-build:\n    commands: [x]\n')), false);
    assert.equal(validateBuildspec(parse('version: 0.2\nbatch:\n  build-list: []\n')), true, 'a batch buildspec needs no phases');
    assert.equal(validateBuildspec(parse('version: 0.2\nenv:\n  variables: {}\n')), false, 'phases is required otherwise');
    const validateAppspec = new Ajv({ strict: true, allErrors: true }).compile(load('appspec.schema.json'));
    assert.equal(validateAppspec(parse('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 6000\n')), false);
    assert.equal(validateAppspec(parse('version: 0.0\nResources:\n  - f:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: a, CurrentVersion: "1", TargetVersion: "2"}\nHooks:\n  - BeforeInstall: x\n')), false, 'Lambda has no BeforeInstall');
    assert.equal(validateAppspec(parse('version: 0.0\nResources:\n  - s:\n      Type: AWS::ECS::Service\n      Properties: {TaskDefinition: t, LoadBalancerInfo: {ContainerName: c, ContainerPort: 80}}\nHooks:\n  - BeforeInstall: x\n')), true);
    assert.equal(validateAppspec(parse('version: 0.0\nos: linux\n')), true);
  });

  it('validates a version 0.1 buildspec against the 0.1 definition', () => {
    assert.deepEqual(buildspec('version: 0.1\nenvironment_variables:\n  plaintext:\n    A: b\nphases:\n  build:\n    commands: [make]\nartifacts:\n  type: zip\n  files: [a]\n'), []);
    assert.equal(buildspec('version: 0.2\nphases:\n  build:\n    commands: [make]\nartifacts:\n  type: zip\n  files: [a]\n').length, 1);
  });

  it('accepts the documented appspec examples of each platform', () => {
    assert.deepEqual(appspec(`version: 0.0
os: linux
files:
  - source: Config/config.txt
    destination: /webapps/Config
  - source: source
    destination: /webapps/myApp
file_exists_behavior: RETAIN
permissions:
  - object: /tmp/my-app
    pattern: "*.txt"
    except: [my-file-3.txt]
    owner: ec2-user
    mode: 444
    acls:
      - u:mary:rw
    context:
      name: unconfined_u
      type: httpd_sys_content_t
      range: s0
    type:
      - file
hooks:
  BeforeInstall:
    - location: Scripts/UnzipResourceBundle.sh
    - location: Scripts/UnzipDataBundle.sh
  AfterInstall:
    - location: Scripts/RunResourceTests.sh
      timeout: 180
  ApplicationStart:
    - location: Scripts/RunFunctionalTests.sh
      timeout: 3600
  ValidateService:
    - location: Scripts/MonitorService.sh
      timeout: 3600
      runas: codedeployuser
`), []);
    assert.deepEqual(appspec(`version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111222333444:task-definition/my-task-definition-family-name:1"
        LoadBalancerInfo:
          ContainerName: "SampleApplicationName"
          ContainerPort: 80
        PlatformVersion: "LATEST"
        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-1234abcd","subnet-5678abcd"]
            SecurityGroups: ["sg-12345678"]
            AssignPublicIp: "ENABLED"
        CapacityProviderStrategy:
          - Base: 1
            CapacityProvider: "FARGATE_SPOT"
            Weight: 2
Hooks:
  - BeforeInstall: "LambdaFunctionToValidateBeforeInstall"
  - AfterInstall: "LambdaFunctionToValidateAfterInstall"
  - AfterAllowTestTraffic: "LambdaFunctionToValidateAfterTestTrafficStarts"
  - BeforeAllowTraffic: "LambdaFunctionToValidateBeforeAllowingProductionTraffic"
  - AfterAllowTraffic: "LambdaFunctionToValidateAfterAllowingProductionTraffic"
`), []);
  });
});
