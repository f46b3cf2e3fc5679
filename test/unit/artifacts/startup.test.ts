import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { hasLoginState, LEGACY_LOGINS_KEY, RECORD_FILE } from '../../../src/artifacts/editor/startup';
import { LEGACY_LOGINS_KEY as STORE_LEGACY_KEY } from '../../../src/artifacts/editor/store';
import { RECORD_FILE as STORE_RECORD_FILE } from '../../../src/artifacts/login/record-store';

describe('Artifacts at startup (what the activation shell checks)', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-startup-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const context = (legacy?: unknown): Parameters<typeof hasLoginState>[0] => ({
    globalState: { get: <T>(key: string) => (key === LEGACY_LOGINS_KEY ? legacy as T : undefined) } as vscode.ExtensionContext['globalState'],
    globalStorageUri: { fsPath: dir },
  });

  it('names the same record file and legacy key as the login store', () => {
    assert.equal(RECORD_FILE, STORE_RECORD_FILE);
    assert.equal(LEGACY_LOGINS_KEY, STORE_LEGACY_KEY);
  });

  it('starts the feature for active logins, a change to repair, or logins of older versions', () => {
    assert.equal(hasLoginState(context()), false, 'nothing saved');
    fs.writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify({ version: 1, logins: [], files: {}, active: [] }));
    assert.equal(hasLoginState(context()), false, 'an empty record');
    fs.writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify({ version: 1, logins: [], files: {}, active: [{ id: 'x' }] }));
    assert.equal(hasLoginState(context()), true, 'an active login');
    fs.writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify({ version: 1, logins: [], files: {}, pending: { id: 'x' } }));
    assert.equal(hasLoginState(context()), true, 'an interrupted change');
    fs.writeFileSync(path.join(dir, RECORD_FILE), '{ not json');
    assert.equal(hasLoginState(context()), true, 'an unreadable record is the feature\'s to explain');
    fs.rmSync(path.join(dir, RECORD_FILE));
    assert.equal(hasLoginState(context([{ id: 'old' }])), true, 'a login kept by an older version');
  });
});
