import * as assert from 'node:assert/strict';
import { checkAclEntry } from '../../../packages/conveyor-lint/src/appspec/acl-entry';
import { checkMode } from '../../../packages/conveyor-lint/src/appspec/permission-mode';
import { rubyToI, yaml11Integer } from '../../../packages/conveyor-lint/src/appspec/ruby-yaml';
import { checkSelinuxRange } from '../../../packages/conveyor-lint/src/appspec/selinux-range';
import { appspec, applyFix, byRule, errors, show, textAt } from './helpers';

/** An EC2 appspec with one permission entry (its lines indented by four spaces). */
const PERMISSION = (entry: string, os = 'linux'): string =>
  `version: 0.0\nos: ${os}\nfiles:\n  - source: /\n    destination: ${os === 'windows' ? 'c:\\app' : '/var/app'}\npermissions:\n  - object: /var/app\n${entry}`;

describe('appspec permissions (as the CodeDeploy agent reads them)', () => {
  describe('the agent grammars', () => {
    it('accepts the ACL entries the agent accepts', () => {
      for (const ace of ['u:bob:rw', 'user:bob:7', 'g:dev:7', 'group:dev:r-x', 'm::rw', 'mask::7', 'm:6', 'mask:', 'bob:0', 'u:mask:7', 'u:other:7',
        'd:u:bob:rwx', 'default:g:dev:rw', 'd:bob:rwx', 'default::rw', 'd::3', 'd:g::4', 'd:o:3', 'd:m:7', 'u:henry:7', 'd:g:manager:rw']) {
        assert.ok(checkAclEntry(ace).ok, ace);
      }
    });
    it('rejects the entries the agent rejects, saying why', () => {
      const cases: [string, RegExp][] = [
        ['7', /2 to 4 parts/], ['d:u:bob:7:rwx', /2 to 4 parts/], ['x:u:bob:7', /first must be d or default/], ['d:invalid:bob:7', /'invalid' .* not an ACL entry type/],
        ['d:d:bob:7', /default twice/], ['mask:name:rwx', /mask entries take no name/], ['d:other:name:rwx', /other entries take no name/],
        ['user:bob:rwxd', /contain 'd'/], ['u::7', /base user entry/], ['g::7', /base group entry/], ['o:7', /base other entry/],
      ];
      for (const [ace, why] of cases) {
        const checked = checkAclEntry(ace);
        assert.ok(!checked.ok, ace);
        assert.match(checked.message, why, ace);
      }
    });
    it('reads SELinux ranges as the agent does', () => {
      for (const range of ['s0', 's3', 's3-s7:c5,c8.c10,c17', 's3-s5:c0.c7,c13', 's0:c0.c1,c15,c7.c9', 's0:c1023', 's0:c0,']) assert.equal(checkSelinuxRange(range), undefined, range);
      const bad: [string, RegExp][] = [['s3-s2:c0', /goes down/], ['s3-:c0', /empty part/], [':c0', /empty part/], ['s', /not a sensitivity/],
        ['s0-s-1', /'s-1' is not a sensitivity/], ['sd3', /not a sensitivity/], ['d3', /not a sensitivity/], ['s0:c2.c1', /goes down/], ['s0:c2.', /empty part/],
        ['s0:', /empty part/], ['s0:c', /not a category/], ['s0:c-1', /not a category/], ['s0:c1024', /above c1023/], ['s0:cd3', /not a category/],
        ['s0:d3', /not a category/], ['s0:c0.c2,c1', /c1 appears twice/]];
      for (const [range, why] of bad) assert.match(checkSelinuxRange(range) ?? '', why, range);
    });
    it('checks modes as ModeInfo does, and reads YAML 1.1 integers and to_i as Ruby does', () => {
      for (const m of ['644', '0644', '7777', '0000', '12', '0', '4755']) assert.equal(checkMode(m), undefined, m);
      assert.match(checkMode('12345') ?? '', /5 digits/);
      assert.match(checkMode('12a') ?? '', /contains 'a'/);
      assert.match(checkMode('u+x') ?? '', /symbolic/);
      assert.deepEqual(yaml11Integer('0644'), { value: 420, base: 8 });
      assert.deepEqual(yaml11Integer('0x1A4'), { value: 420, base: 16 });
      assert.deepEqual(yaml11Integer('1,000'), { value: 1000, base: 10 });
      assert.equal(yaml11Integer('0800'), undefined);
      assert.deepEqual([rubyToI('30s'), rubyToI(' 12 '), rubyToI('foo'), rubyToI('-5'), rubyToI('1_000')], [30, 12, 0, -5, 1000]);
    });
  });

  describe('appspec/permission-mode', () => {
    it('accepts the documented forms: 644, "0644", 4755', () => {
      for (const mode of ['644', '"0644"', "'0755'", '4755', '0000']) assert.deepEqual(appspec(PERMISSION(`    mode: ${mode}\n`)), [], mode);
    });
    it('warns on an unquoted leading-zero mode that YAML 1.1 turns into another mode, with a fix that quotes it', () => {
      const text = PERMISSION('    mode: 0644\n');
      const [d] = appspec(text);
      assert.equal(d?.rule, 'appspec/permission-mode');
      assert.equal(d?.severity, 'warning');
      assert.equal(textAt(text, d ?? assert.fail()), '0644');
      assert.match(d?.message ?? '', /octal number: it gets 420 .* applies mode 420 \(r---w----\), not 644 \(rw-r--r--\)/);
      assert.deepEqual(appspec(applyFix(text, d?.fix)), []);
    });
    it('reports an unquoted leading-zero mode the agent rejects (0755 is 493) as an error', () => {
      const [d] = appspec(PERMISSION('    mode: 0755\n'));
      assert.equal(d?.severity, 'error');
      assert.match(d?.message ?? '', /gets 493 and fails the deployment .*contains '9'/);
    });
    it('reports modes the agent rejects: too long, non-octal digits, symbolic', () => {
      const text = PERMISSION('    mode: 12345\n  - object: /var/b\n    mode: 648\n  - object: /var/c\n    mode: u+x\n');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.severity, textAt(text, d)]), [['error', '12345'], ['error', '648'], ['error', 'u+x']], show(ds));
      assert.ok(ds.every((d) => d.rule === 'appspec/permission-mode'));
    });
    it('warns on an empty mode (the agent leaves the mode alone) instead of a type error', () => {
      const ds = appspec(PERMISSION('    mode:\n'));
      assert.deepEqual(ds.map((d) => [d.severity, d.rule]), [['warning', 'appspec/permission-mode']]);
    });
    it('reads JSON numbers as they are (no octal in JSON)', () => {
      const json = '{"version": 0.0, "os": "linux", "permissions": [{"object": "/var/app", "mode": 644}, {"object": "/var/b", "mode": "0750"}]}';
      assert.deepEqual(appspec(json, { path: 'appspec.json' }), []);
    });
  });

  describe('appspec/permission-acl', () => {
    it('accepts the documented entries', () => {
      assert.deepEqual(appspec(PERMISSION('    acls:\n      - u:mary:rw\n      - u:sam:rw\n      - m::rw\n')), []);
    });
    it('reports each entry the agent rejects, at the entry', () => {
      const text = PERMISSION('    acls:\n      - u:mary:rw\n      - u::rwx\n      - mask:name:rw\n      - u:bob:rwz\n');
      const ds = byRule(appspec(text), 'appspec/permission-acl');
      assert.deepEqual(ds.map((d) => textAt(text, d)), ['u::rwx', 'mask:name:rw', 'u:bob:rwz']);
      assert.match(ds[0]?.message ?? '', /Use mode to set the base acl entry/);
    });
    it('reports default entries on a permission that also covers files, and accepts them for directories only', () => {
      const files = PERMISSION('    acls:\n      - d:u:bob:rwx\n');
      const [d] = appspec(files);
      assert.equal(d?.severity, 'error');
      assert.match(d?.message ?? '', /applies to directories only.*type is not set/);
      assert.deepEqual(appspec(PERMISSION('    acls:\n      - d:u:bob:rwx\n    type:\n      - directory\n')), []);
      assert.equal(errors(appspec(PERMISSION('    acls: [d:g:dev:rx]\n    type: [file, directory]\n'))).length, 1);
    });
  });

  describe('appspec/permission-context', () => {
    it('accepts what the agent needs: name, type and range', () => {
      assert.deepEqual(appspec(PERMISSION('    context:\n      name: unconfined_u\n      type: httpd_sys_content_t\n      range: s0-s3:c0.c255\n')), []);
    });
    it('warns that the agent ignores user (the documentation\'s spelling), with a rename fix', () => {
      const text = PERMISSION('    context:\n      user: unconfined_u\n      type: httpd_sys_content_t\n      range: s0\n');
      const [d] = appspec(text);
      assert.equal(d?.severity, 'warning');
      assert.equal(textAt(text, d ?? assert.fail()), 'user');
      assert.deepEqual(appspec(applyFix(text, d?.fix)), []);
    });
    it('reports a context without type, and one without range (the agent fails on both), with a fix that adds range: s0', () => {
      const noType = appspec(PERMISSION('    context:\n      range: s0\n'));
      assert.match(errors(noType)[0]?.message ?? '', /no type: the CodeDeploy agent fails/);
      const text = PERMISSION('    context:\n      type: httpd_sys_content_t\n');
      const [d] = appspec(text);
      assert.equal(d?.severity, 'error');
      assert.match(d?.message ?? '', /no range/);
      const fixed = applyFix(text, d?.fix);
      assert.match(fixed, / {6}type: httpd_sys_content_t\n {6}range: s0\n$/);
      assert.deepEqual(appspec(fixed), []);
    });
    it('reports an invalid range at the range', () => {
      const text = PERMISSION('    context:\n      type: t\n      range: s3-s2\n');
      const [d] = appspec(text);
      assert.equal(textAt(text, d ?? assert.fail()), 's3-s2');
      assert.match(d?.message ?? '', /goes down/);
    });
  });

  describe('appspec/permission-matching and appspec/permission-list', () => {
    it('accepts names in pattern and except, and the documented lists', () => {
      assert.deepEqual(appspec(PERMISSION('    pattern: "*.txt"\n    except: [my-file-3.txt]\n    type:\n      - file\n')), []);
    });
    it('warns on a relative object, and on pattern and except entries with / (they never match)', () => {
      const text = 'version: 0.0\nos: linux\npermissions:\n  - object: app\n    pattern: "logs/*.log"\n    except: [/var/app/ReadMe.txt]\n';
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, d.severity, textAt(text, d)]), [
        ['appspec/permission-matching', 'warning', 'app'], ['appspec/permission-matching', 'warning', '"logs/*.log"'], ['appspec/permission-matching', 'warning', '/var/app/ReadMe.txt']]);
      assert.match(ds[2]?.message ?? '', /Write the name alone, such as 'ReadMe\.txt'/);
    });
    it('reports except and type given as one value (the agent iterates over them), with a fix that makes a list', () => {
      const text = PERMISSION('    except: ReadMe.txt\n    type: file\n');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['appspec/permission-list', 'ReadMe.txt'], ['appspec/permission-list', 'file']], show(ds));
      assert.deepEqual(appspec(applyFix(applyFix(text, ds[1]?.fix), ds[0]?.fix)), []);
    });
  });

  describe('appspec/permission-duplicate', () => {
    it('reports two entries that cover the same objects', () => {
      const text = PERMISSION('    mode: 644\n  - object: /var/app/\n    owner: app\n    type: [file]\n');
      const [d] = appspec(text);
      assert.equal(d?.rule, 'appspec/permission-duplicate');
      assert.equal(d?.range.start.line, 8);
      assert.match(d?.message ?? '', /Permissions 1 and 2 both cover every file/);
    });
    it('accepts entries that split the objects by type, pattern or except', () => {
      assert.deepEqual(appspec(PERMISSION('    type: [file]\n  - object: /var/app\n    type: [directory]\n')), []);
      assert.deepEqual(appspec(PERMISSION('    pattern: "*.sh"\n  - object: /var/app\n    except: [run.sh]\n')), []);
    });
  });

  describe('appspec/permissions-on-windows', () => {
    it('reports permissions in a Windows appspec once, at the section', () => {
      const text = PERMISSION('    mode: 0644\n', 'windows');
      const ds = appspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['appspec/permissions-on-windows', 'permissions']]);
      assert.deepEqual(appspec('version: 0.0\nos: windows\npermissions: []\n'), []);
    });
  });
});
