import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleSettingsFrom } from '../../../packages/conveyor-lint/src/engine/rule-settings';
import { findDirectives } from '../../../packages/conveyor-lint/src/engine/suppressions';
import { BUILTIN_RULES, RULES, ruleIds } from '../../../packages/conveyor-lint/src/rules/catalog';
import { validate } from '../../../packages/conveyor-lint/src/validate';
import { applyFix, buildspec, show, textAt } from './helpers';

/** A buildspec with a hyphenated phase (error) and the removed `aws ecr get-login` (warning). */
const TWO = 'version: 0.2\nphases:\n  pre-build:\n    commands:\n      - $(aws ecr get-login --no-include-email)\n';
const rules = (text: string): string[] => buildspec(text).map((d) => d.rule);

describe('suppression comments and rule settings', () => {
  describe('# conveyor-disable-next-line', () => {
    it('silences the named rule on the next line that holds YAML, and nothing else', () => {
      assert.deepEqual(rules(TWO), ['buildspec/hyphenated-phase', 'buildspec/ecr-get-login-removed']);
      const text = TWO.replace('  pre-build:', '  # conveyor-disable-next-line buildspec/hyphenated-phase\n\n  pre-build:');
      assert.deepEqual(rules(text), ['buildspec/ecr-get-login-removed']);
      assert.deepEqual(rules(TWO.replace('  pre-build:', '  # conveyor-disable-next-line buildspec/ecr-get-login-removed\n  pre-build:')), ['buildspec/hyphenated-phase', 'buildspec/ecr-get-login-removed']);
    });
    it('takes several rules, a family wildcard, no rule (all), and a -- reason', () => {
      const twoRules = 'version: 0.2\nphases:\n  pre-build:\n    commands:\n      # conveyor-disable-next-line buildspec/ecr-get-login-removed, buildspec/empty-command -- migrating in JIRA-12\n      - $(aws ecr get-login)\n';
      assert.deepEqual(rules(twoRules), ['buildspec/hyphenated-phase'], 'the reason after -- names no rule');
      const onItem = TWO.replace('      - $(aws', '      # conveyor-disable-next-line buildspec/*\n      - $(aws');
      assert.deepEqual(rules(onItem), ['buildspec/hyphenated-phase']);
      assert.deepEqual(rules(TWO.replace('  pre-build:', '  # conveyor-disable-next-line\n  pre-build:')), ['buildspec/ecr-get-login-removed']);
    });
    it('covers a finding inside a block scalar from above the value', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      # conveyor-disable-next-line buildspec/ecr-get-login-removed\n      - |\n        set -e\n        $(aws ecr get-login --no-include-email)\n';
      assert.deepEqual(rules(text), []);
    });
  });

  describe('# conveyor-disable ... # conveyor-enable', () => {
    it('silences a rule from the comment to the matching enable, or to the end', () => {
      const many = 'version: 0.2\n# conveyor-disable buildspec/hyphenated-phase\nphases:\n  pre-build:\n    commands: [a]\n  post-build:\n    commands: [b]\n';
      assert.deepEqual(rules(many), []);
      const enabled = many.replace('  post-build:', '# conveyor-enable buildspec/hyphenated-phase\n  post-build:');
      const ds = buildspec(enabled);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(enabled, d)]), [['buildspec/hyphenated-phase', 'post-build']]);
    });
    it('also works at the end of a line, and with disable-line', () => {
      assert.deepEqual(rules(TWO.replace('  pre-build:', '  pre-build: # conveyor-disable-line buildspec/hyphenated-phase')), ['buildspec/ecr-get-login-removed']);
    });
    it('reads directives only in comments', () => {
      assert.deepEqual(findDirectives('a: "x#conveyor-disable b"\nb: c#conveyor-disable\n'), []);
      assert.equal(findDirectives('a: b # conveyor-disable\n').length, 1);
    });
  });

  describe('suppression/unknown-rule', () => {
    it('warns on a rule that does not exist, with the nearest rule as a fix', () => {
      const text = TWO.replace('  pre-build:', '  # conveyor-disable-next-line buildspec/hyphenated-phse\n  pre-build:');
      const ds = buildspec(text);
      const unknown = ds.find((d) => d.rule === 'suppression/unknown-rule');
      assert.ok(unknown, show(ds));
      assert.equal(textAt(text, unknown), 'buildspec/hyphenated-phse');
      assert.deepEqual(rules(applyFix(text, unknown.fix)), ['buildspec/ecr-get-login-removed']);
    });
  });

  describe('the disable edit', () => {
    it('inserts a disable-next-line comment at the indentation of the line, and the finding goes away', () => {
      const d = buildspec(TWO).find((x) => x.rule === 'buildspec/ecr-get-login-removed');
      assert.equal(d?.disable?.title, 'Disable buildspec/ecr-get-login-removed for this line');
      const fixed = applyFix(TWO, d?.disable);
      assert.match(fixed, /\n {6}# conveyor-disable-next-line buildspec\/ecr-get-login-removed\n {6}- \$\(aws/);
      assert.deepEqual(rules(fixed), ['buildspec/hyphenated-phase']);
    });
    it('adds the rule to a disable-next-line comment that is already there', () => {
      const text = 'version: 0.2\nphases:\n  # conveyor-disable-next-line buildspec/phase-without-commands\n  pre-build: {}\n';
      const d = buildspec(text).find((x) => x.rule === 'buildspec/hyphenated-phase');
      const fixed = applyFix(text, d?.disable);
      assert.match(fixed, /# conveyor-disable-next-line buildspec\/phase-without-commands, buildspec\/hyphenated-phase\n/);
      assert.deepEqual(rules(fixed), []);
    });
    it('keeps CRLF line endings, goes above a block scalar, and is not offered for JSON', () => {
      const crlf = TWO.replace(/\n/g, '\r\n');
      const d = buildspec(crlf).find((x) => x.rule === 'buildspec/hyphenated-phase');
      assert.match(d?.disable?.edits[0]?.newText ?? '', /\r\n$/);
      const block = 'version: 0.2\nphases:\n  build:\n    commands:\n      - |\n        $(aws ecr get-login)\n';
      const inBlock = buildspec(block)[0];
      assert.equal(inBlock?.disable?.edits[0]?.range.start.line, 4);
      assert.deepEqual(rules(applyFix(block, inBlock?.disable)), []);
      const json = validate('{"version": 0.0, "os": "linux", "hooks": {"Install": []}}', { kind: 'appspec', path: 'appspec.json' });
      assert.ok(json.diagnostics.length > 0 && json.diagnostics.every((x) => x.disable === undefined));
    });
  });

  describe('rule settings (conveyor.validation.rules, --rule)', () => {
    it('turns rules off and changes severities', () => {
      const ds = validate(TWO, { kind: 'buildspec', rules: { 'buildspec/hyphenated-phase': 'off', 'buildspec/ecr-get-login-removed': 'error' } }).diagnostics;
      assert.deepEqual(ds.map((d) => [d.rule, d.severity]), [['buildspec/ecr-get-login-removed', 'error']]);
      const info = validate(TWO, { kind: 'buildspec', rules: { 'buildspec/hyphenated-phase': 'information' } }).diagnostics;
      assert.equal(info[0]?.severity, 'information');
    });
    it('reads the setting leniently, ignoring malformed entries as VS Code does', () => {
      assert.deepEqual(ruleSettingsFrom({ a: 'OFF', b: 'info', c: 'Warning', d: 'loud', e: 3 }), { a: 'off', b: 'information', c: 'warning' });
      assert.deepEqual(ruleSettingsFrom(['off']), {});
      assert.deepEqual(ruleSettingsFrom({ a: 'constructor', b: 'toString' }), {});
      assert.deepEqual(ruleSettingsFrom(undefined), {});
    });
    it('offers every rule, with its description and default, in the conveyor.validation.rules setting', () => {
      const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
        contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum: string[]; description: string }> }> }[] } };
      const section = pkg.contributes.configuration.find((s) => 'conveyor.validation.rules' in s.properties);
      const listed = section?.properties['conveyor.validation.rules']?.properties ?? {};
      const catalog = [...RULES, ...BUILTIN_RULES];
      const line = (rule: (typeof catalog)[number]): string =>
        `${JSON.stringify(rule.id)}: { "enum": ["off", "error", "warning", "information"], "description": ${JSON.stringify(`${rule.description} (default: ${rule.severity})`)} }`;
      const missing = catalog.filter((r) => !(r.id in listed)).map(line);
      assert.deepEqual(missing, [], 'add these lines to conveyor.validation.rules.properties in package.json (sorted by id)');
      assert.deepEqual(Object.keys(listed).sort(), [...ruleIds()].sort(), 'conveyor.validation.rules in package.json lists a rule the catalog does not have');
      for (const rule of catalog) {
        assert.deepEqual(listed[rule.id]?.enum, ['off', 'error', 'warning', 'information'], rule.id);
        assert.equal(listed[rule.id]?.description, `${rule.description} (default: ${rule.severity})`, rule.id);
      }
    });
    it('names every rule a diagnostic can carry', () => {
      const ids = ruleIds();
      assert.equal(new Set(ids).size, ids.length);
      for (const id of ['yaml/syntax', 'schema/unknown-key', 'appspec/permission-mode', 'buildspec/github-actions-steps', 'file/other-tool', 'suppression/unknown-rule']) assert.ok(ids.includes(id), id);
      assert.ok(ids.every((id) => /^[a-z0-9]+\/[a-z0-9-]+$/.test(id)), ids.join(' '));
    });
  });
});
