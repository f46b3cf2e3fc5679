// Findings that grow with the document (one per unknown key, one per suppression comment) must cost
// linear time. Each case here took minutes when the mapping of schema errors, the "disable" quick
// fixes or the suppression lookups were quadratic; linear, each takes a second or two.
import * as assert from 'node:assert/strict';
import { validate } from '../../../packages/conveyor-lint/src/validate';

const KEYS = 16_000;

function lines(count: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(line(i));
  return `${out.join('\n')}\n`;
}

describe('validation scales linearly with the number of findings', function () {
  // Quadratic code needs minutes here (8,000 unknown keys took 42 s); the timeout is generous for a busy machine.
  this.timeout(60_000);

  it('reports 16,000 unknown top-level keys of a buildspec', () => {
    const text = `version: 0.2\nphases:\n  build:\n    commands: [make]\n${lines(KEYS, (i) => `unknown_key_${i}: ${i}`)}`;
    const ds = validate(text, { kind: 'buildspec', path: 'buildspec.yml' }).diagnostics;
    assert.equal(ds.filter((d) => d.rule === 'schema/unknown-key').length, KEYS);
    assert.ok(ds.every((d) => d.disable), 'every finding keeps its "Disable" quick fix');
  });

  it('reports 16,000 unknown phases, each located under phases', () => {
    const text = `version: 0.2\nphases:\n${lines(KEYS, (i) => `  phase_${i}:\n    commands: [x]`)}`;
    const ds = validate(text, { kind: 'buildspec', path: 'buildspec.yml' }).diagnostics;
    assert.equal(ds.filter((d) => d.rule === 'schema/unknown-key').length, KEYS);
    assert.equal(ds[KEYS - 1]?.range.start.line, 2 + (KEYS - 1) * 2);
  });

  it('reports 16,000 unknown keys of an ECS appspec, whose keys are case-insensitive', () => {
    const head = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n'
      + '        TaskDefinition: arn:aws:ecs:us-east-1:111111111111:task-definition/web:1\n'
      + '        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n';
    const ds = validate(`${head}${lines(KEYS, (i) => `Unknown_Key_${i}: ${i}`)}`, { kind: 'appspec', path: 'appspec.yml' }).diagnostics;
    assert.equal(ds.filter((d) => d.rule === 'schema/unknown-key').length, KEYS);
  });

  it('applies 64,000 stacked suppression comments and 64,000 line suppressions', () => {
    const count = 4 * KEYS;
    const comments = lines(count, () => '# conveyor-disable-next-line schema/unknown-key');
    const text = `version: 0.2\nphases:\n  build:\n    commands:\n      - make\n${comments}${lines(count, (i) => `k${i}: 1 # conveyor-disable-line schema/unknown-key`)}`;
    const ds = validate(text, { kind: 'buildspec', path: 'buildspec.yml' }).diagnostics;
    assert.deepEqual(ds, []);
  });
});
