// Editor behaviour the property tests do not pin down: what is refused (and why), layout choices, and
// the engine's safety net that turns any edit it could not undo exactly into a refusal.
import assert from 'node:assert/strict';
import { applyEdits, ConfigEditError, revertEdits, type FormatEditor } from '../../../src/artifacts/config/edit';
import { EDITORS } from '../../../src/artifacts/config/formats';
import { parseJsonTree } from '../../../src/artifacts/config/json-tree';
import { jsonEditor } from '../../../src/artifacts/config/json';
import { netrcEditor } from '../../../src/artifacts/config/netrc';
import { yamlEditor } from '../../../src/artifacts/config/yaml';
import { parseManifest, EMPTY_MANIFEST } from '../../../src/artifacts/login/manifest';

const refuses = (fn: () => unknown, pattern: RegExp): void => assert.throws(fn, (err: unknown) => err instanceof ConfigEditError && pattern.test(err.message));

describe('config editors: specifics', () => {
  describe('YAML', () => {
    const yaml = EDITORS.yaml;
    it('keeps comments and quoting, indents new keys like their siblings', () => {
      const text = '# Yarn\nnpmScopes:\n    other:   # theirs\n        npmRegistryServer: \'https://o.example\'\n';
      const { text: out } = applyEdits(yaml, text, [{ address: ['npmScopes', 'acme', 'npmAuthToken'], value: '"T"', secret: true }]);
      assert.equal(out, `${text}    acme:\n      npmAuthToken: "T"\n`);
    });
    it('refuses flow mappings, sequences in the way, several documents and invalid YAML', () => {
      refuses(() => applyEdits(yaml, 'npmScopes: { a: 1 }\n', [{ address: ['npmScopes', 'acme', 'x'], value: '1' }]), /flow mapping/);
      refuses(() => applyEdits(yaml, 'npmScopes:\n  - a\n', [{ address: ['npmScopes', 'acme', 'x'], value: '1' }]), /not a mapping/);
      refuses(() => applyEdits(yaml, 'a: 1\n---\nb: 2\n', [{ address: ['c'], value: '1' }]), /not valid|multiple|document/i);
      refuses(() => applyEdits(yaml, 'a: [\n', [{ address: ['c'], value: '1' }]), /not valid/);
      refuses(() => applyEdits(yaml, '- a\n- b\n', [{ address: ['c'], value: '1' }]), /not a mapping/);
    });
    it('review finding 12: a leading byte order mark stays outside the document (not taken for indentation)', () => {
      assert.equal(yamlEditor.write('\uFEFFnodeLinker: pnp\n', ['npmRegistryServer'], '"https://x/"').text, '\uFEFFnodeLinker: pnp\nnpmRegistryServer: "https://x/"\n');
      const text = '\uFEFF# Yarn\r\nnpmScopes:\r\n  other:\r\n    npmAlwaysAuth: true\r\n';
      const login = applyEdits(yaml, text, [{ address: ['npmScopes', 'acme', 'npmAuthToken'], value: '"T"', secret: true }, { address: ['npmRegistryServer'], value: '"https://x/"' }]);
      assert.equal(login.text, '\uFEFF# Yarn\r\nnpmScopes:\r\n  other:\r\n    npmAlwaysAuth: true\r\n  acme:\r\n    npmAuthToken: "T"\r\nnpmRegistryServer: "https://x/"\r\n');
      assert.equal(revertEdits(yaml, login.text, login.undo).text, text);
    });
    it('fills an explicit null (`~`) and puts it back on logout', () => {
      const text = 'npmScopes: ~ # none yet\nx: 1\n';
      const login = applyEdits(yaml, text, [{ address: ['npmScopes', 'acme', 'npmAlwaysAuth'], value: 'true' }]);
      assert.equal(login.text, 'npmScopes:  # none yet\n  acme:\n    npmAlwaysAuth: true\nx: 1\n');
      assert.equal(revertEdits(yaml, login.text, login.undo).text, text);
    });
  });

  describe('XML', () => {
    const xml = EDITORS.xml;
    it('refuses malformed XML and a different root element', () => {
      refuses(() => applyEdits(xml, '<settings><servers></settings>', [{ address: ['settings', 'x'], value: '1' }]), /not well-formed/);
      refuses(() => applyEdits(xml, '<project/>', [{ address: ['settings', 'x'], value: '1' }]), /root is <project>/);
      refuses(() => applyEdits(xml, '', [{ address: ['settings', 'x'], value: '1' }]), /no root element/);
    });
    it('escapes values, matches identities through entities, and keeps a comment inside an element it created', () => {
      const text = '<settings>\n  <servers>\n    <server><id>a&amp;b</id></server>\n  </servers>\n</settings>\n';
      const login = applyEdits(xml, text, [{ address: ['settings', 'servers', 'server[id=a&b]', 'password'], value: '<&>' }]);
      assert.equal(login.text, '<settings>\n  <servers>\n    <server><id>a&amp;b</id><password>&lt;&amp;&gt;</password></server>\n  </servers>\n</settings>\n');
      assert.equal(revertEdits(xml, login.text, login.undo).text, text);
      const created = applyEdits(xml, '<settings>\n</settings>\n', [{ address: ['settings', 'mirrors', 'mirror[id=m]', 'url'], value: 'u' }]);
      const touched = created.text.replace('<mirror>', '<mirror>\n      <!-- mine -->');
      const out = revertEdits(xml, touched, created.undo);
      assert.match(out.text, /<!-- mine -->/, 'an element holding someone\'s comment is kept');
      assert.equal(out.remaining.length > 0, true);
    });
  });

  describe('TOML', () => {
    it('refuses to add a table that a key already defines inline', () => {
      refuses(() => applyEdits(EDITORS.toml, '[http-basic]\ncodeartifact = { username = "x" }\n', [{ address: ['[http-basic.codeartifact]', 'password'], value: '"T"' }]), /already defined inline/);
    });
    it('does not mistake a table-like line inside a multi-line string for a table', () => {
      const text = 'doc = """\n[http-basic.codeartifact]\n"""\n';
      const { text: out } = applyEdits(EDITORS.toml, text, [{ address: ['[http-basic.codeartifact]', 'username'], value: '"aws"' }]);
      assert.equal(out, `${text}\n[http-basic.codeartifact]\nusername = "aws"\n`);
    });
  });

  describe('.netrc', () => {
    it('refuses a host with several entries (tools disagree on which one wins)', () => {
      refuses(() => applyEdits(EDITORS.netrc, 'machine h login a password b\nmachine h login c password d\n', [{ address: ['h', 'password'], value: 'T' }]), /2 entries for h/);
    });
    it('review finding 7: a new machine goes before `default`, which must stay the last entry (SwiftPM rejects the file otherwise)', () => {
      const before = 'machine github.com login me password p\ndefault login anonymous password me@example.com\nmacdef init\ncd /\n\n';
      const host = 'dom-111122223333.d.codeartifact.us-east-1.amazonaws.com';
      const login = applyEdits(netrcEditor, before, [{ address: [host, 'login'], value: 'token' }, { address: [host, 'password'], value: 'T', secret: true }]);
      assert.equal(login.text, `machine github.com login me password p\nmachine ${host} login token password T\ndefault login anonymous password me@example.com\nmacdef init\ncd /\n\n`);
      assert.equal(revertEdits(netrcEditor, login.text, login.undo).text, before);
      // `default` on the line of another entry, and "default" as a value, not a keyword.
      const inline = 'machine a login default password x default login b';
      const second = applyEdits(netrcEditor, inline, [{ address: ['h', 'password'], value: 'T', secret: true }]);
      assert.equal(second.text, `machine h password T\n${inline}`);
      assert.equal(revertEdits(netrcEditor, second.text, second.undo).text, inline);
    });
    it('does not append to an unterminated macro', () => {
      const text = 'macdef init\ncd /';
      const login = applyEdits(EDITORS.netrc, text, [{ address: ['h', 'login'], value: 'token' }]);
      assert.equal(login.text, 'macdef init\ncd /\n\nmachine h login token');
      assert.equal(revertEdits(EDITORS.netrc, login.text, login.undo).text, text);
    });
  });

  describe('properties', () => {
    it('escapes non-ASCII and leading spaces the way java.util.Properties reads them', () => {
      const { text } = applyEdits(EDITORS.properties, '', [{ address: ['codeartifactUrl'], value: ' https://ü.example/' }]);
      assert.equal(text, 'codeartifactUrl=\\ https://\\u00fc.example/\n');
      assert.equal(EDITORS.properties.read(text, ['codeartifactUrl'])?.value, ' https://ü.example/');
    });
  });

  describe('JSON', () => {
    it('review finding 12: a leading byte order mark stays outside the document', () => {
      const text = '\uFEFF{\n  "version": 1\n}\n';
      const login = applyEdits(jsonEditor, text, [{ address: ['registries', '[default]', 'url'], value: '"https://x/"' }]);
      assert.equal(login.text, '\uFEFF{\n  "version": 1,\n  "registries": {\n    "[default]": {\n      "url": "https://x/"\n    }\n  }\n}\n');
      assert.equal(jsonEditor.read(login.text, ['version'])?.value, '1');
      assert.equal(revertEdits(jsonEditor, login.text, login.undo).text, text);
    });
    it('parses with offsets and rejects what is not strict JSON', () => {
      const root = parseJsonTree('{ "a": [1, {"b": null}], "c": "\\u00e9" }');
      assert.equal(root.type, 'object');
      assert.deepEqual(root.children?.map((p) => p.children?.[0]?.value), ['a', 'c']);
      assert.equal(root.children?.[1]?.children?.[1]?.value, 'é');
      for (const bad of ['{"a": 1,}', '{// c\n}', '{"a": 01}', '[1] x', '{"a" 1}', "{'a': 1}"]) assert.throws(() => parseJsonTree(bad), bad);
      refuses(() => applyEdits(EDITORS.json, '{"a": 1,}', [{ address: ['b'], value: '1' }]), /not valid/);
    });
  });

  describe('the engine\'s safety net', () => {
    it('refuses an edit that its own logout could not undo exactly, and one that does not read back', () => {
      const npmrc = EDITORS.npmrc;
      const sloppy: FormatEditor = { ...npmrc, remove: (text) => text }; // "forgets" to remove
      refuses(() => applyEdits(sloppy, 'a=1\n', [{ address: ['b'], value: '2' }]), /undo exactly/);
      const deaf: FormatEditor = { ...npmrc, read: () => undefined };
      refuses(() => applyEdits(deaf, 'a=1\n', [{ address: ['b'], value: '2' }]), /undo exactly/);
    });
    it('reads a stored manifest defensively', () => {
      assert.deepEqual(parseManifest(null), EMPTY_MANIFEST);
      assert.deepEqual(parseManifest({ version: 2, logins: [], files: [] }), EMPTY_MANIFEST);
      assert.deepEqual(parseManifest({ version: 1, logins: [], files: [] }), { version: 1, logins: [], files: [] });
    });
  });
});
