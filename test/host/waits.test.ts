// The shared waits (./waits.ts) in the real extension host: what they wait for, and what their
// timeouts say when it never comes; and the editor settings every suite relies on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, nextEvent, treeItemAt, watchNotifications, watchQuickInputs } from './waits';

interface Node { label: string; description: string; children: Node[] }

/** A tree whose children arrive only after `ready()`, as a tree fed by AWS calls does. */
class LateTree implements vscode.TreeDataProvider<Node> {
  private loaded = false;
  constructor(private readonly roots: Node[]) {}
  ready(): void { this.loaded = true; }
  getTreeItem(node: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    return item;
  }
  getChildren(node?: Node): Node[] {
    return this.loaded ? (node?.children ?? this.roots) : [];
  }
}

describe('Host test waits', function () {
  this.timeout(60_000);

  it('runs VS Code without auto save, as the suites assume', () => {
    // code-server saves after a second by default: on a busy machine a test's edit would reach the
    // workspace on disk before the test reverts it (it did: profiler heat after revert, the
    // validation outline).
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  it('eventually names what it waited for and what it saw instead', async () => {
    let value = 41;
    await assert.rejects(eventually('the answer to be 42', () => value === 42, { ms: 300, seen: () => `it is ${value}` }),
      /Timed out after 0\.3 s waiting for the answer to be 42 \(it is 41\)/);
    setImmediate(() => { value = 42; });
    await eventually('the answer to be 42', () => value === 42);
  });

  it('nextEvent resolves with the first matching event and names it on timeout', async () => {
    const emitter = new vscode.EventEmitter<number>();
    const even = nextEvent('an even number', emitter.event, (n) => n % 2 === 0);
    emitter.fire(1);
    emitter.fire(4);
    assert.equal(await even, 4);
    await assert.rejects(nextEvent('a negative number', emitter.event, (n) => n < 0, 200), /waiting for a negative number/);
    emitter.dispose();
  });

  it('treeItemAt finds a node by label and description once the tree has it, and says what each level holds', async () => {
    const tree = new LateTree([
      { label: 'acme', description: '111111111111', children: [{ label: 'team-npm', description: 'published by Acme teams', children: [] }] },
      { label: 'acme', description: '222222222222 · shared', children: [] },
    ]);
    setImmediate(() => tree.ready());
    const { item } = await treeItemAt('team-npm in the first acme', tree, [{ label: 'acme', description: '111111111111' }, { label: 'team-npm', description: /Acme/ }]);
    assert.equal(item.label, 'team-npm');
    await assert.rejects(treeItemAt('python in acme', tree, [{ label: 'acme', description: /^111/ }, { label: 'python' }], 300),
      /waiting for python in acme \(last seen: under acme: team-npm \(published by Acme teams\)\)/);
  });

  it('follows a quick pick: waits for its step, highlights an item and presses Enter after the change', async () => {
    const watch = watchQuickInputs();
    try {
      const pick = vscode.window.createQuickPick();
      pick.title = 'Choose a region (1/2)';
      pick.items = ['us-east-1', 'eu-west-1', 'ap-south-1'].map((label) => ({ label }));
      const accepted = new Promise<string | undefined>((resolve) => pick.onDidAccept(() => { resolve(pick.selectedItems[0]?.label); pick.hide(); }));
      pick.show();
      await watch.step({ title: '(1/2)' });
      await watch.activate('ap-south-1');
      await watch.accept();
      assert.equal(await accepted, 'ap-south-1', 'Enter takes the item made active just before it');
      pick.dispose();

      const typed = vscode.window.showInputBox({ title: 'Stage name (2/2)', value: 'Beta' });
      await watch.step({ title: 'Stage name' });
      await watch.accept();
      assert.equal(await typed, 'Beta');
      await assert.rejects(watch.step({ title: 'Stage account' }, 300), /titled Stage account \(none open; last shown: "Stage name \(2\/2\)"\)/);
    } finally {
      watch.dispose();
    }
  });

  it('records notifications and waits for one by its text', async () => {
    const notes = watchNotifications();
    try {
      void vscode.window.showInformationMessage('Pipeline orders-api succeeded');
      assert.equal((await notes.shown(/orders-api succeeded/)).level, 'info');
      await assert.rejects(notes.shown('failed', 200), /a notification failed \(shown: info: Pipeline orders-api succeeded\)/);
    } finally {
      notes.dispose();
    }
  });
});
