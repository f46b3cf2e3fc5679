// The appspec hook locator: EC2 script hooks and ECS/Lambda function hooks in YAML and JSON, the
// failing script picked by the diagnostics' scriptName, and every hook of the 78 real-world appspecs in
// the shared corpus found at the line that declares it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listAppSpecHooks, locateHook } from '../../../src/deploy/appspec/locate-hook';
import { parseAppSpec } from '../../emulator/services/codedeploy/appspec';

const ORDERS = readFileSync(join(__dirname, '..', '..', 'fixtures', 'workspace', 'deploy', 'orders-api', 'appspec.yml'), 'utf8');
const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'appspec');
const lineOf = (text: string, n: number): string => text.split(/\r?\n/)[n] ?? '';

describe('deploy: appspec hook locator', () => {
  it('finds the failed EC2 hook and the script the diagnostics name, with timeout and runas', () => {
    const hook = locateHook(ORDERS, 'AfterInstall', 'scripts/migrate_db.sh')!;
    assert.equal(lineOf(ORDERS, hook.line).trim(), 'AfterInstall:');
    assert.equal(hook.character, 2);
    assert.equal(hook.fromPreviousRevision, false);
    const entry = hook.entry!;
    assert.deepEqual([entry.kind, entry.value, entry.timeoutSeconds, entry.runas], ['script', 'scripts/migrate_db.sh', 600, 'orders']);
    assert.equal(lineOf(ORDERS, entry.line).slice(entry.character, entry.endCharacter), 'scripts/migrate_db.sh');
  });

  it('matches a script named differently (./ prefix, basename) and leaves the entry out when none matches', () => {
    const text = 'hooks:\n  BeforeInstall:\n    - location: ./deploy/prepare.sh\n    - location: deploy/cleanup.sh\n';
    assert.equal(locateHook(text, 'BeforeInstall', 'deploy/prepare.sh')!.entry!.value, './deploy/prepare.sh');
    assert.equal(locateHook(text, 'BeforeInstall', '/opt/app/deploy/cleanup.sh')!.entry!.value, 'deploy/cleanup.sh');
    const none = locateHook(text, 'BeforeInstall', 'other.sh')!;
    assert.equal(none.entry, undefined);
    assert.equal(none.line, 1);
    assert.equal(locateHook(text, 'AfterInstall', 'x.sh'), undefined);
  });

  it('marks ApplicationStop and the BlockTraffic hooks as run from the previous revision', () => {
    assert.equal(locateHook(ORDERS, 'ApplicationStop', 'scripts/stop_server.sh')!.fromPreviousRevision, true);
    assert.equal(locateHook(ORDERS, 'ValidateService', 'scripts/health_check.sh')!.fromPreviousRevision, false);
  });

  it('finds ECS and Lambda function hooks, in YAML and in JSON', () => {
    const ecs = readFileSync(join(__dirname, '..', '..', 'fixtures', 'workspace', 'deploy', 'checkout-service', 'appspec.yaml'), 'utf8');
    const hook = locateHook(ecs, 'AfterAllowTestTraffic', 'checkout-service-smoke-tests')!;
    assert.deepEqual([hook.entry!.kind, hook.entry!.value], ['function', 'checkout-service-smoke-tests']);
    assert.match(lineOf(ecs, hook.line), /- AfterAllowTestTraffic: "checkout-service-smoke-tests"/);
    const json = JSON.stringify({ version: 0, Resources: [], Hooks: [{ BeforeAllowTraffic: 'pre' }, { AfterAllowTraffic: 'post' }] }, null, 2);
    const post = locateHook(json, 'AfterAllowTraffic', 'post')!;
    assert.match(lineOf(json, post.line), /"AfterAllowTraffic": "post"/);
    assert.equal(lineOf(json, post.entry!.line).slice(post.entry!.character, post.entry!.endCharacter), '"post"');
  });

  it('returns nothing for text that is not an appspec', () => {
    assert.deepEqual(listAppSpecHooks('hooks: [unclosed'), []);
    assert.deepEqual(listAppSpecHooks('- just\n- a list\n'), []);
    assert.deepEqual(listAppSpecHooks(''), []);
  });

  it('finds every hook of the shared corpus where the emulated agent reads it', function () {
    if (!existsSync(CORPUS)) this.skip();
    let hooks = 0;
    for (const file of readdirSync(CORPUS).sort()) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      let parsed: ReturnType<typeof parseAppSpec>;
      try {
        parsed = parseAppSpec(text);
      } catch {
        continue;
      }
      const expected = [...parsed.scripts.entries()].map(([event, scripts]) => [event, scripts.map((s) => s.location)] as const)
        .concat([...parsed.functions.entries()].map(([event, fn]) => [event, [fn]] as const));
      for (const [event, values] of expected) {
        for (const value of values) {
          const hook = locateHook(text, event, value);
          assert.ok(hook?.entry, `${file}: ${event} → ${value}`);
          assert.ok(lineOf(text, hook.line).includes(event), `${file}: line ${hook.line + 1} declares ${event}`);
          assert.ok(lineOf(text, hook.entry.line).includes(value), `${file}: line ${hook.entry.line + 1} names ${value}`);
          hooks++;
        }
      }
    }
    assert.ok(hooks > 150, `${hooks} hooks located`);
  });
});
