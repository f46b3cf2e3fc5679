// Buildspec and appspec support through the real VS Code APIs: Problems while typing, completion, hover,
// quick fixes, outline, folding, the conveyor.validation.* settings and CloudFormation templates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAndCloseAll } from '../editors';
import { eventuallyValue } from '../waits';
import { activateConveyor, waitFor } from '../foundation/helpers';

const SOURCE = 'conveyor';

function fixture(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host opens test/fixtures/workspace');
  return vscode.Uri.joinPath(folder.uri, 'validation', ...parts);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function rule(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

async function diagnosticsMatching(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  await waitFor(what, () => check(ours(uri)), {
    seen: () => ours(uri).map((d) => `${rule(d)} on line ${d.range.start.line}`).join('; ') || 'no problems',
  });
  return ours(uri);
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

async function untitled(content: string): Promise<vscode.TextEditor> {
  const created = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  const key = created.uri.toString();
  // The name (untitled:Untitled-1) is reused from a previous test's document; under load the extension
  // host can answer with that document for a moment, so wait for the open one with this text.
  const current = (): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
  const document = await eventuallyValue(`${key} to hold the new text`, current, (d) => d?.getText() === content,
    { seen: () => `its text: ${JSON.stringify(current()?.getText().slice(0, 80))}` });
  assert.ok(document);
  return vscode.window.showTextDocument(document);
}

describe('Buildspec and appspec validation (editor)', function () {
  this.timeout(60_000);
  before(async () => {
    await activateConveyor();
  });

  afterEach(revertAndCloseAll);

  it('shows the problems of a broken buildspec when it opens', async () => {
    const uri = fixture('buildspec.yml');
    await open(uri);
    const ds = await diagnosticsMatching(uri, (d) => d.length >= 2, 'diagnostics for buildspec.yml');
    const byRule = new Map(ds.map((d) => [rule(d), d]));
    const unknown = byRule.get('schema/unknown-key');
    assert.ok(unknown, ds.map((d) => `${rule(d)} ${d.message}`).join('\n'));
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([unknown.range.start.line, unknown.range.start.character, unknown.range.end.character], [6, 2, 7]);
    assert.match(unknown.message, /Did you mean 'build'\?/);
    const getLogin = byRule.get('buildspec/ecr-get-login-removed');
    assert.equal(getLogin?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(getLogin?.range.start.line, 12);
    assert.ok(typeof unknown.code === 'object' && unknown.code.target.toString().startsWith('https://docs.aws.amazon.com/'));
  });

  it('applies the quick fix for a misspelled key, and the problem goes away', async () => {
    const uri = fixture('buildspec.yml');
    const editor = await open(uri);
    const [unknown] = (await diagnosticsMatching(uri, (d) => d.some((x) => rule(x) === 'schema/unknown-key'), 'the unknown key')).filter((d) => rule(d) === 'schema/unknown-key');
    assert.ok(unknown);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Change to 'build'");
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(6).text, '  build:');
    await diagnosticsMatching(uri, (d) => !d.some((x) => rule(x) === 'schema/unknown-key'), 'the fixed problem to disappear');
    assert.ok(ours(uri).some((d) => rule(d) === 'buildspec/ecr-get-login-removed'), 'other problems stay');
  });

  it('updates problems while typing, with ranges that follow the edits', async () => {
    const editor = await untitled('version: 0.2\nphases:\n  build:\n    commands:\n      - make\n  biuld:\n    commands: [x]\n');
    const uri = editor.document.uri;
    const [first] = await diagnosticsMatching(uri, (d) => d.length === 1, 'one problem');
    assert.equal(first?.range.start.line, 5);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# comment\n# another\n'));
    const [moved] = await diagnosticsMatching(uri, (d) => d.length === 1 && d[0]?.range.start.line === 7, 'the problem to move down two lines');
    assert.equal(moved?.range.start.character, 2);
    await editor.edit((b) => b.replace(new vscode.Range(7, 2, 7, 7), 'post_build'));
    await diagnosticsMatching(uri, (d) => d.length === 0, 'the problem to be gone after the edit');
  });

  it('offers "Disable <rule> for this line", which adds the comment and silences only that rule', async () => {
    const editor = await untitled('version: 0.2\nphases:\n  build:\n    commands:\n      - $(aws ecr get-login --no-include-email)\n  biuld:\n    commands: [make]\n');
    const uri = editor.document.uri;
    const ds = await diagnosticsMatching(uri, (d) => d.length === 2, 'two problems');
    const getLogin = ds.find((d) => rule(d) === 'buildspec/ecr-get-login-removed');
    assert.ok(getLogin);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, getLogin.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable buildspec/ecr-get-login-removed for this line');
    assert.ok(disable?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(!disable.isPreferred, 'the real fix stays the preferred one');
    assert.ok(actions.some((a) => a.title === 'Use aws ecr get-login-password (AWS CLI v2)' && a.isPreferred));
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(editor.document.lineAt(4).text, '      # conveyor-disable-next-line buildspec/ecr-get-login-removed');
    const left = await diagnosticsMatching(uri, (d) => d.length === 1 && rule(d[0] ?? getLogin) === 'schema/unknown-key', 'only the other problem to remain');
    assert.equal(left[0]?.range.start.line, 6, 'the other problem moved down with the inserted line');
  });

  it('completes keys by position and values from the schema', async () => {
    const editor = await untitled('version: 0.2\nphases:\n  install:\n    commands: [a]\n  \nenv:\n  git-credential-helper: \n');
    await diagnosticsMatching(editor.document.uri, () => true, 'the document to be known');
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(4, 2));
    const labels = keys.items.filter((i) => i.kind === vscode.CompletionItemKind.Property).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(['pre_build', 'build', 'post_build'].every((l) => labels.includes(l)), labels.join(', '));
    assert.ok(!labels.includes('install'), 'keys already present are not offered');
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(6, 25));
    const valueLabels = values.items.filter((i) => i.kind === vscode.CompletionItemKind.Value).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(valueLabels.sort(), ['false', 'no', 'true', 'yes']);
  });

  it('shows documentation and a link on hover', async () => {
    const uri = fixture('buildspec.yml');
    await open(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*runtime-versions\*\*/);
    assert.match(text, /build-spec-ref\.html#runtime-versions-in-build-spec/);
  });

  it('outlines phases, commands, hooks and scripts, and folds them', async () => {
    const bs = fixture('buildspec.yml');
    await open(bs);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', bs);
    const phases = symbols.find((s) => s.name === 'phases');
    assert.deepEqual(phases?.children.map((s) => s.name), ['install', 'biuld', 'post_build']);
    const commands = phases?.children[1]?.children.find((s) => s.name === 'commands');
    assert.deepEqual(commands?.children.map((s) => [s.name, s.kind]), [['npm ci', vscode.SymbolKind.Function], ['npm run build', vscode.SymbolKind.Function]]);
    const folding = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', bs);
    assert.ok(folding.some((r) => r.start === 2 && r.end === 12), JSON.stringify(folding));

    const app = fixture('appspec.yml');
    await open(app);
    const appSymbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', app);
    const hooks = appSymbols.find((s) => s.name === 'hooks');
    assert.deepEqual(hooks?.children.map((s) => [s.name, s.kind]), [['AfterInstall', vscode.SymbolKind.Event], ['ApplicationStart', vscode.SymbolKind.Event]]);
    assert.equal(hooks?.children[0]?.children[0]?.name, 'scripts/install.sh');
    assert.deepEqual(ours(app), [], 'the hook scripts exist, so no warning');
  });

  it('validates the inline buildspec of a CloudFormation template in place', async () => {
    const uri = fixture('template.yml');
    await open(uri);
    const [d] = await diagnosticsMatching(uri, (ds) => ds.length === 1, 'the template problem');
    assert.ok(d);
    assert.equal(rule(d), 'buildspec/hyphenated-phase');
    assert.deepEqual([d.range.start.line, d.range.start.character], [17, 12]);
  });

  it('honours conveyor.validation.rules live: off, and another severity', async () => {
    const config = vscode.workspace.getConfiguration('conveyor.validation');
    const uri = fixture('buildspec.yml');
    await open(uri);
    await diagnosticsMatching(uri, (d) => d.some((x) => rule(x) === 'buildspec/ecr-get-login-removed'), 'the get-login warning');
    try {
      await config.update('rules', { 'buildspec/ecr-get-login-removed': 'off', 'schema/unknown-key': 'warning' }, vscode.ConfigurationTarget.Workspace);
      const ds = await diagnosticsMatching(uri, (d) => !d.some((x) => rule(x) === 'buildspec/ecr-get-login-removed'), 'the rule to be off');
      assert.equal(ds.find((x) => rule(x) === 'schema/unknown-key')?.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const back = await diagnosticsMatching(uri, (d) => d.some((x) => rule(x) === 'buildspec/ecr-get-login-removed'), 'the rule to come back');
    assert.equal(back.find((x) => rule(x) === 'schema/unknown-key')?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('honours conveyor.validation.files and conveyor.validation.enabled live', async () => {
    const config = vscode.workspace.getConfiguration('conveyor.validation');
    const custom = fixture('custom', 'release.yml');
    await open(custom);
    try {
      assert.deepEqual(ours(custom), [], 'not recognised by name or content');
      await config.update('files', { '**/validation/custom/*.yml': 'appspec' }, vscode.ConfigurationTarget.Workspace);
      const ds = await diagnosticsMatching(custom, (d) => d.length > 0, 'the association to take effect');
      assert.ok(ds.some((d) => rule(d) === 'schema/unknown-key'));
      await config.update('enabled', false, vscode.ConfigurationTarget.Workspace);
      await diagnosticsMatching(custom, (d) => d.length === 0, 'disabling to clear the problems');
    } finally {
      await config.update('files', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
