// Property-based: for random pre-existing files of every format, login then logout gives the file
// back byte for byte (also after a second login), a re-login changes nothing but the token, and the
// file reads back the values written.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, revertEdits } from '../../../src/artifacts/config/edit';
import { EDITORS } from '../../../src/artifacts/config/formats';
import { FILES, HOST, TOKENS } from './config-generators';

const RUNS = Number(process.env.CONVEYOR_PROPERTY_RUNS ?? 300);

describe('config editors: login/logout round trip (property-based)', () => {
  for (const [name, spec] of Object.entries(FILES)) {
    const editor = EDITORS[spec.format];

    describe(name, () => {
      it('login then logout returns the file byte-identical', () => {
        fc.assert(fc.property(spec.text, TOKENS, (text, [token]) => {
          const login = applyEdits(editor, text, spec.ops(token));
          for (const op of spec.ops(token)) assert.equal(editor.read(login.text, op.address)?.value, op.value, `reads back ${op.address.join(' ')}`);
          const logout = revertEdits(editor, login.text, login.undo);
          assert.equal(logout.text, text);
          assert.deepEqual(logout.kept, []);
        }), { numRuns: RUNS });
      });

      it('login twice then logout returns the file byte-identical', () => {
        fc.assert(fc.property(spec.text, TOKENS, (text, [first, second]) => {
          const one = applyEdits(editor, text, spec.ops(first));
          const two = applyEdits(editor, one.text, spec.ops(second), one.undo);
          assert.equal(revertEdits(editor, two.text, two.undo).text, text);
        }), { numRuns: RUNS });
      });

      it('a re-login replaces only the token', () => {
        fc.assert(fc.property(spec.text, TOKENS, (text, [first, second]) => {
          const one = applyEdits(editor, text, spec.ops(first));
          const two = applyEdits(editor, one.text, spec.ops(second), one.undo);
          assert.equal(two.text, one.text.split(first).join(second));
          const same = applyEdits(editor, two.text, spec.ops(second), two.undo);
          assert.equal(same.text, two.text, 'logging in again with the same token changes nothing');
        }), { numRuns: RUNS });
      });

      it('never records the token in the undo record', () => {
        fc.assert(fc.property(spec.text, TOKENS, (text, [token]) => {
          const { undo } = applyEdits(editor, text, spec.ops(token));
          assert.ok(!JSON.stringify(undo).includes(token));
        }), { numRuns: Math.ceil(RUNS / 3) });
      });
    });
  }

  it('.netrc: a new machine entry never follows `default` (netrc(5); SwiftPM rejects such a file)', () => {
    const spec = FILES['.netrc'];
    assert.ok(spec);
    fc.assert(fc.property(spec.text, TOKENS, (text, [token]) => {
      fc.pre(!text.includes(HOST) && /^default /m.test(text));
      const { text: after } = applyEdits(EDITORS.netrc, text, spec.ops(token));
      assert.ok(after.indexOf(`machine ${HOST}`) < after.search(/^default /m), after);
    }), { numRuns: RUNS });
  });
});
