import * as assert from 'node:assert/strict';
import { detailPageHtml, parseDetailMessage } from '../../../src/core/detail-page';
import { escapeHtml, html } from '../../../src/core/html';

const page = (body = '<p>x</p>') => detailPageHtml({
  cspSource: 'https://file+.vscode-resource.example', nonce: 'abcdefghijklmnop1234', scriptUri: 'https://r/editor.js',
  styleUris: ['https://r/codicon.css', 'https://r/details.css'], title: '<title>"', body,
});

describe('detail pages', () => {
  it('load only the nonce script and the extension\'s styles and fonts', () => {
    const p = page();
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(p)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abcdefghijklmnop1234'(;|$)/);
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.example;/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(p, /<script nonce="abcdefghijklmnop1234" src="https:\/\/r\/editor\.js"><\/script>/);
    assert.match(p, /<link rel="stylesheet" href="https:\/\/r\/codicon\.css">/);
    assert.match(p, /<title>&lt;title&gt;&quot;<\/title>/);
    assert.match(p, /<main id="content"><p>x<\/p><\/main>/);
    assert.throws(() => detailPageHtml({ cspSource: 'x', nonce: 'short', scriptUri: '', styleUris: [], title: '', body: '' }));
  });

  it('accept only the actions the page offers, with an index in range', () => {
    const offered = (action: string): number => ({ open: 3, copy: 1 } as Record<string, number>)[action] ?? 0;
    assert.deepEqual(parseDetailMessage({ type: 'ready' }, offered), { type: 'ready' });
    assert.deepEqual(parseDetailMessage({ type: 'action', action: 'open', index: 2 }, offered), { type: 'action', action: 'open', index: 2 });
    for (const bad of [
      { type: 'action', action: 'open', index: 3 }, { type: 'action', action: 'open', index: -1 }, { type: 'action', action: 'open', index: 1.5 },
      { type: 'action', action: 'open', index: '1' }, { type: 'action', action: 'runCommand', index: 0 }, { type: 'action', action: 'copy', index: 1 },
      { type: 'eval', code: '1' }, null, 'ready', 42,
    ]) assert.equal(parseDetailMessage(bad, offered), undefined, JSON.stringify(bad));
    assert.deepEqual(parseDetailMessage({ type: 'cspViolation', directive: 'img-src', blockedURI: { x: 1 } }, offered), { type: 'cspViolation', directive: 'img-src', blockedURI: '' });
  });

  it('html escapes every interpolated value but keeps nested html', () => {
    const name = '<b onclick="x">&\'';
    assert.equal(html`<p title="${name}">${name}${html`<i>${name}</i>`}${[html`<br>`, html`<hr>`]}${undefined}${false}${3}</p>`.text,
      `<p title="${escapeHtml(name)}">${escapeHtml(name)}<i>${escapeHtml(name)}</i><br><hr>3</p>`);
    assert.equal(escapeHtml('a\u0000b\ud800'), 'a\ufffdb\ufffd');
  });
});
