// Property-based (review finding 1, generalised): for random pre-existing files of each of the ten
// formats, stored as UTF-8, UTF-8 with a byte order mark, Latin-1 bytes, UTF-16LE and UTF-16BE with a
// byte order mark, a login through the real engine either refuses up front and leaves every byte as
// it was, or succeeds without changing a byte it did not mean to change, and logout gives the file
// back byte-identical. The backup stays while the file differs from it and goes once it is identical.
// Which of the two happens is pinned exactly by the encoding policy (src/artifacts/config/encoding.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { ConfigEditError } from '../../../src/artifacts/config/edit';
import { ConfigEncodingError } from '../../../src/artifacts/config/encoding';
import type { ConfigFormat } from '../../../src/artifacts/config/formats';
import { applyLogin, applyLogout, BACKUP_SUFFIX } from '../../../src/artifacts/login/engine';
import { EMPTY_MANIFEST } from '../../../src/artifacts/login/manifest';
import { nodeConfigFs, type ConfigFs } from '../../../src/artifacts/login/node-fs';
import { loginId, type LoginPlan, type LoginRequest } from '../../../src/artifacts/login/plan';
import { FILES, TOKENS } from './config-generators';
import { MemoryFs } from './memory-fs';

const RUNS = Math.ceil(Number(process.env.CONVEYOR_PROPERTY_RUNS ?? 300) / 3);
const DISK_RUNS = Math.max(2, Math.ceil(RUNS / 20));

const VARIANTS = ['UTF-8', 'UTF-8 with BOM', 'Latin-1', 'UTF-16LE with BOM', 'UTF-16BE with BOM'] as const;
type Variant = typeof VARIANTS[number];
type Outcome = 'edited' | 'refused: encoding' | 'refused: editor';

const UNICODE = ['é', 'ü', 'ß', '€', '日本', '😀', '\u00a0', '\u2028'];
/** Latin-1 characters, including C1 bytes that are letters in windows-1252 (0x80 €, 0x99 ™). */
const LATIN1 = ['é', 'ä', 'ß', 'ñ', 'ø', '©', 'ÿ', 'Ã', '\u0080', '\u0099'];
const DECLARATIONS = [undefined, 'ISO-8859-1', 'windows-1252', 'UTF-8'] as const;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces some lowercase letters with the given characters: anywhere in line formats (keys, values,
 * comments alike), outside markup in XML (a renamed element only makes the editor refuse the file).
 */
function inject(text: string, spots: readonly [number, number][], pool: readonly string[], xml: boolean): string {
  const chars = [...text];
  let inTag = false;
  const letters = chars.flatMap((c, i) => {
    if (c === '<' || c === '>') inTag = c === '<';
    return /[a-z]/.test(c) && !(xml && inTag) ? [i] : [];
  });
  for (const [where, which] of spots) {
    const at = letters[where % Math.max(1, letters.length)];
    if (at !== undefined) chars[at] = pool[which % pool.length] ?? 'x';
  }
  return chars.join('');
}

function declare(text: string, encoding: string | undefined): string {
  if (encoding === undefined) return text;
  const decl = `<?xml version="1.0" encoding="${encoding}"?>`;
  return /^<\?xml[^>]*\?>/.test(text) ? text.replace(/^<\?xml[^>]*\?>/, decl) : `${decl}\n${text}`;
}

function encode(text: string, variant: Variant): Buffer {
  switch (variant) {
    case 'UTF-8': return Buffer.from(text, 'utf8');
    case 'UTF-8 with BOM': return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'Latin-1': return Buffer.from(text, 'latin1');
    case 'UTF-16LE with BOM': return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'UTF-16BE with BOM': return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  }
}

function decodeFor(bytes: Buffer, variant: Variant): string {
  if (variant === 'UTF-16LE with BOM') return bytes.toString('utf16le');
  if (variant === 'UTF-16BE with BOM') return Buffer.from(bytes).swap16().toString('utf16le');
  return variant === 'Latin-1' ? bytes.toString('latin1') : bytes.toString('utf8');
}

function isUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What the encoding policy says must happen: an edit (which the format's editor may still refuse), or a refusal. */
function expected(format: ConfigFormat, variant: Variant, bytes: Buffer, declared: string | undefined): 'edit' | 'refuse' {
  if (variant.startsWith('UTF-16')) return format === 'xml' ? 'edit' : 'refuse';
  if (variant !== 'Latin-1' || isUtf8(bytes)) return 'edit';
  if (format === 'toml' || format === 'yaml' || format === 'json') return 'refuse';
  if (format === 'xml') return declared === 'ISO-8859-1' || declared === 'windows-1252' ? 'edit' : 'refuse';
  return 'edit';
}

/** Each non-ASCII character and how often it occurs. */
function nonAscii(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) if (ch > '\u007f') counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** A login writes only ASCII: it may replace a value holding other characters, never add one (U+FFFD, mojibake). */
function addedNonAscii(before: string, after: string): string[] {
  const had = nonAscii(before);
  return [...nonAscii(after)].filter(([ch, n]) => n > (had.get(ch) ?? 0)).map(([ch]) => ch);
}

interface Sample {
  text: string;
  spots: [number, number][];
  declared: string | undefined;
  tokens: [string, string];
}

const same = (a: Uint8Array | undefined, b: Uint8Array): boolean => a !== undefined && Buffer.from(a).equals(b);

const request: LoginRequest = { tool: 'npm', placement: 'user', domain: 'demo', domainOwner: '111111111111', repository: 'team-repo', region: 'us-east-1',
  endpoint: 'https://demo-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-repo/', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN' };

async function loginLogout(configFs: ConfigFs, listing: () => string[], file: string, spec: typeof FILES[string], original: Buffer, variant: Variant, token: string): Promise<Outcome> {
  const plan: LoginPlan = { request, files: [{ path: file, format: spec.format, tokenBearing: true, skeleton: '', ops: spec.ops, purpose: '' }], environment: () => ({}), notes: [] };
  const before = listing();
  let manifest;
  try {
    manifest = (await applyLogin(plan, token, EMPTY_MANIFEST, configFs)).manifest;
  } catch (err) {
    assert.ok(err instanceof ConfigEditError, `only a clear refusal may stop a login: ${String(err)}`);
    assert.ok(same(await configFs.read(file), original), 'a refused login leaves the file byte-identical');
    assert.deepEqual(listing(), before, 'a refused login creates nothing (no backup, no temporary file)');
    return err instanceof ConfigEncodingError ? 'refused: encoding' : 'refused: editor';
  }
  const during = Buffer.from(await configFs.read(file) ?? []);
  assert.ok(same(await configFs.read(file + BACKUP_SUFFIX), original), 'while logged in, the backup is a byte-exact copy of the original');
  assert.deepEqual(addedNonAscii(decodeFor(original, variant), decodeFor(during, variant)), [], 'the login adds no character it did not mean to write');
  if (spec.ops(token).some((op) => op.value.includes(token))) assert.ok(during.includes(encode(token, variant).subarray(variant.includes('BOM') ? (variant.startsWith('UTF-16') ? 2 : 3) : 0)), 'the token is written in the file\'s own encoding');
  await applyLogout(loginId(request), manifest, configFs);
  assert.ok(same(await configFs.read(file), original), 'logout gives the file back byte-identical');
  assert.deepEqual(listing(), before, 'the backup goes once the file is byte-identical to it');
  return 'edited';
}

describe('config files in any encoding: login then logout is byte-exact or refused up front (property-based)', function () {
  this.timeout(600_000);
  const tally = new Map<string, Record<Outcome, number>>();
  after(() => {
    const total = [...tally.values()].reduce((n, t) => n + t.edited + t['refused: encoding'] + t['refused: editor'], 0);
    console.log(`      encoding property: ${total} runs (${RUNS} per format and encoding in memory, ${DISK_RUNS} on disk)`);
    for (const variant of VARIANTS) {
      const rows = [...tally].filter(([k]) => k.endsWith(` | ${variant}`));
      const sum = (o: Outcome): number => rows.reduce((n, [, t]) => n + t[o], 0);
      console.log(`        ${variant.padEnd(18)} edited ${sum('edited')}, refused (encoding) ${sum('refused: encoding')}, refused (editor) ${sum('refused: editor')}`);
    }
  });

  for (const [name, spec] of Object.entries(FILES)) {
    for (const variant of VARIANTS) {
      const pool = variant === 'Latin-1' ? LATIN1 : UNICODE;
      const input = fc.record({
        text: spec.text,
        spots: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: variant === 'Latin-1' ? 1 : 0, maxLength: 4 }),
        declared: spec.format === 'xml' && variant === 'Latin-1' ? fc.constantFrom(...DECLARATIONS) : fc.constant(undefined),
        tokens: TOKENS,
      });
      const check = async (configFs: ConfigFs, listing: () => string[], file: string, put: (bytes: Buffer) => void, sample: Sample): Promise<void> => {
        const text = declare(inject(sample.text, sample.spots, pool, spec.format === 'xml'), sample.declared);
        const original = encode(text, variant);
        put(original);
        const outcome = await loginLogout(configFs, listing, file, spec, original, variant, sample.tokens[0]);
        const want = expected(spec.format, variant, original, sample.declared);
        if (want === 'refuse') assert.equal(outcome, 'refused: encoding', 'the encoding policy refuses this file');
        else assert.notEqual(outcome, 'refused: encoding', 'the encoding policy edits this file');
        const t = tally.get(`${name} | ${variant}`) ?? { edited: 0, 'refused: encoding': 0, 'refused: editor': 0 };
        t[outcome]++;
        tally.set(`${name} | ${variant}`, t);
      };

      it(`${name}, ${variant}`, async () => {
        await fc.assert(fc.asyncProperty(input, async (sample) => {
          const memory = new MemoryFs();
          const file = '/home/me/config';
          await check(memory, () => memory.listing(), file, (bytes) => memory.put(file, bytes), sample);
        }), { numRuns: RUNS });
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-encoding-'));
        try {
          await fc.assert(fc.asyncProperty(input, async (sample) => {
            const file = path.join(root, 'config');
            await check(nodeConfigFs, () => fs.readdirSync(root).sort(), file, (bytes) => fs.writeFileSync(file, bytes), sample);
          }), { numRuns: DISK_RUNS });
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
        const t = tally.get(`${name} | ${variant}`);
        // Where the policy edits, most generated files must really be edited, or the property proves little.
        if (t && t['refused: encoding'] === 0) assert.ok(t.edited >= (RUNS + DISK_RUNS) / 2, `${name}, ${variant}: only ${t.edited} edited`);
      });
    }
  }
});
