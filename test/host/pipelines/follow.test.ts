// Watched-pipeline notifications and "your commit" in a real host: the workspace is a git repository
// whose HEAD the emulator's demo built in storefront-web (the runner passes it as --head-commit).
import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../src/core/log';
import { HeadWatcher } from '../../../src/pipelines/editor/head-watcher';
import { WatchNotifier, type NotifierActions } from '../../../src/pipelines/editor/notifier';
import { YourCommitItem } from '../../../src/pipelines/editor/status-bar';
import { DEFAULT_NOTIFY_SETTINGS } from '../../../src/pipelines/model/notifications';
import { targetKey } from '../../../src/pipelines/model/keys';
import { admin, DEMO, emulatorUrl, eventually, releaseEmulator, rig, type Rig } from './helpers';

const T = targetKey(DEMO);

describe('Watch notifications and your commit (emulator)', function () {
  this.timeout(120_000);
  let r: Rig;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
  });
  beforeEach(async () => {
    r = await rig();
    await r.explorer.getChildren();
  });
  afterEach(() => r.dispose());
  after(async () => {
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('notifies when a watched run finishes, with buttons that act on it', async () => {
    const calls: string[] = [];
    const actions: NotifierActions = {
      showExecution: (k, id) => calls.push(`show ${k.name} ${id.slice(0, 8)}`),
      showLogs: (k, s, a) => calls.push(`logs ${k.name} ${s}/${a}`),
      retry: (k, s) => calls.push(`retry ${k.name} ${s}`),
      approve: (k, s, a) => calls.push(`approve ${k.name} ${s}/${a}`),
      reject: (k, s, a) => calls.push(`reject ${k.name} ${s}/${a}`),
    };
    const notifier = new WatchNotifier(r.explorer, r.follow, r.ui, () => DEFAULT_NOTIFY_SETTINGS, actions, silentLogger);
    try {
      const key = { target: T, name: 'mobile-backend' };
      await r.follow.set('watched', key, true);
      const id = await r.commands.start({ ...DEMO, pipelineName: 'mobile-backend', variables: [] });
      assert.ok(id, JSON.stringify(r.ui.calls));
      await r.explorer.loadRecent(key);
      const finished = (): number => r.ui.buttons.filter((b) => /mobile-backend (succeeded|failed)/.test(b.message)).length;
      assert.equal(finished(), 0, 'the first look is the baseline');
      await admin('POST', 'clock/advance', { ms: 60 * 60_000 });
      await eventually('the run to finish and be reported', async () => {
        await r.explorer.loadRecent(key);
        return finished() > 0;
      }, 60_000);
      const shown = r.ui.buttons.find((b) => /mobile-backend (succeeded|failed)/.test(b.message))!;
      assert.ok(shown.buttons.includes('Show Execution'));
      shown.press('Show Execution');
      assert.match(calls.join('\n'), /^show mobile-backend /m);
      assert.equal(finished(), 1, 'reported once');
    } finally {
      notifier.dispose();
    }
  });

  it('shows where the workspace HEAD is: "<sha> → <pipeline> / <stage>: <status>"', async () => {
    const head = process.env.CONVEYOR_WORKSPACE_HEAD;
    assert.ok(head, 'the runner names the workspace HEAD');
    const heads = new HeadWatcher(silentLogger);
    const tracked: string[][] = [];
    const item = new YourCommitItem(r.explorer, (keys) => tracked.push(keys.map((k) => k.name)));
    try {
      await heads.start();
      await eventually('HEAD to be read', () => heads.head !== undefined);
      assert.equal(heads.head, head.toLowerCase());
      item.setHead(heads.head);
      assert.equal(item.text, undefined, 'nothing known yet');
      await r.explorer.loadRecent({ target: T, name: 'storefront-web' });
      await r.explorer.loadRuntime({ target: T, name: 'storefront-web' });
      item.update();
      assert.match(item.text ?? '', new RegExp(`^\\$\\([a-z~-]+\\) ${head.slice(0, 7)} → storefront-web( / [A-Za-z-]+)?: [a-z ]+$`));
      assert.deepEqual(tracked[tracked.length - 1], ['storefront-web']);
    } finally {
      item.dispose();
      heads.dispose();
    }
  });
});
