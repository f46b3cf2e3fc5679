import { checkAclEntry } from '../../appspec/acl-entry';
import { checkMode, symbolicMode } from '../../appspec/permission-mode';
import { agentString, yaml11Integer } from '../../appspec/ruby-yaml';
import { checkSelinuxRange } from '../../appspec/selinux-range';
import type { RawDiagnostic, RawFix } from '../../engine/raw';
import { renameKey } from '../../schema/map-errors';
import { looksLikePlaceholder } from '../../schema/placeholders';
import { toPointer } from '../../schema/pointer';
import type { MapNode, Node, Pair } from '../../syntax/tree';
import { memoKey, type Rule, type RuleContext } from '../rule';
import { itemsOf, keyRange, pairOf, scalarRange, stringValue, valueOf } from '../nodes';

const DOC = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-permissions.html';

interface PermissionEntry {
  item: Node;
  index: number;
  pointer: (...keys: (string | number)[]) => string;
}

function osOf(ctx: RuleContext): string | undefined {
  return stringValue(valueOf(ctx.root, 'os'));
}

const PERMISSIONS = memoKey<PermissionEntry[]>('permissions');

/**
 * The entries of an EC2/On-Premises appspec's permissions list (nothing for Windows: that is one error).
 * Every permission rule asks for them in turn, so they are read once per validation.
 */
function permissionEntries(ctx: RuleContext): PermissionEntry[] {
  if (ctx.platform !== 'ec2' || osOf(ctx) === 'windows') return [];
  return ctx.memo(PERMISSIONS, () => itemsOf(valueOf(ctx.root, 'permissions')).map((item, index): PermissionEntry => ({
    item, index, pointer: (...keys) => toPointer(['permissions', index, ...keys]),
  })));
}

export const permissionsOnWindowsRule: Rule = {
  id: 'appspec/permissions-on-windows',
  kinds: ['appspec'],
  description: 'The permissions section applies to Linux instances only; the CodeDeploy agent fails a deployment to Windows Server that has one.',
  severity: 'error',
  helpUri: DOC,
  check(ctx) {
    if (ctx.platform !== 'ec2' || osOf(ctx) !== 'windows') return [];
    const pair = pairOf(ctx.root, 'permissions');
    if (!pair || itemsOf(pair.value).length === 0) return [];
    return [{ ...keyRange(pair), severity: 'error', rule: this.id,
      message: 'os is windows, but permissions apply to Amazon Linux, Ubuntu Server and RHEL instances only: the CodeDeploy agent fails the deployment ("specifies file permissions, but the deployment is targeting one or more Windows Server instances"). Remove the permissions section.' }];
  },
};

function quoteFix(node: Node, raw: string): RawFix {
  return { title: `Quote the mode ("${raw}")`, edits: [{ start: node.start, end: node.end, newText: `"${raw}"` }] };
}

function checkModeNode(pair: Pair, ctx: RuleContext, id: string): RawDiagnostic | undefined {
  const node = pair.value;
  if (node.kind === 'scalar' && node.value === null) {
    return { ...keyRange(pair), severity: 'warning', rule: id, message: 'mode is empty: the CodeDeploy agent leaves the permissions of these objects unchanged. Give an octal mode such as 644, or remove mode.' };
  }
  if (node.kind !== 'scalar' || typeof node.value === 'boolean') {
    return { ...keyRange(pair), severity: 'error', rule: id, message: 'mode must be an octal number such as 644 or "0755"; the CodeDeploy agent fails the deployment on any other value.' };
  }
  if (typeof node.value === 'string' && looksLikePlaceholder(node.value)) return undefined;
  const raw = ctx.text.slice(node.start, node.end);
  const range = scalarRange(node, ctx.text);
  const int = ctx.format === 'yaml' && node.style === 'plain' ? yaml11Integer(raw) : undefined;
  if (int?.base === 8) {
    const intended = raw.replace(/^[-+]?0+/, '').padStart(3, '0');
    const actual = String(int.value);
    if (actual.padStart(3, '0') !== intended) {
      const problem = checkMode(actual);
      return { ...range, severity: problem ? 'error' : 'warning', rule: id, fix: quoteFix(node, raw),
        message: `The CodeDeploy agent reads appspecs as YAML 1.1, where the unquoted ${raw} is an octal number: it gets ${actual} and ${problem
          ? `fails the deployment (${problem})`
          : `applies mode ${actual} (${symbolicMode(actual)}), not ${intended} (${symbolicMode(intended)})`}. Quote it ("${raw}") or drop the leading zero (${intended}).` };
    }
  }
  const text = ctx.format === 'json' ? String(node.value) : agentString(node, ctx.text);
  const problem = checkMode(text);
  if (!problem) return undefined;
  return { ...range, severity: 'error', rule: id, message: `The CodeDeploy agent fails the deployment: ${problem}` };
}

export const permissionModeRule: Rule = {
  id: 'appspec/permission-mode',
  kinds: ['appspec'],
  description: 'mode must be an octal mode of three or four digits, as the CodeDeploy agent reads it (an unquoted leading-zero mode is an octal number in YAML 1.1).',
  severity: 'error',
  helpUri: DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const entry of permissionEntries(ctx)) {
      const pair = pairOf(entry.item, 'mode');
      const d = pair ? checkModeNode(pair, ctx, this.id) : undefined;
      if (!d) continue;
      ctx.claim(entry.pointer('mode'));
      out.push(d);
    }
    return out;
  },
};

function typesOf(item: Node): string[] {
  const node = valueOf(item, 'type');
  if (!node || (node.kind === 'scalar' && node.value === null)) return ['file', 'directory'];
  return itemsOf(node).map((n) => stringValue(n) ?? '');
}

export const permissionAclRule: Rule = {
  id: 'appspec/permission-acl',
  kinds: ['appspec'],
  description: 'acls entries must follow the CodeDeploy agent\'s grammar ([d:][u|g|m|o:][name]:perms); base entries go in mode, and default entries apply to directories only.',
  severity: 'error',
  helpUri: DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const entry of permissionEntries(ctx)) {
      const forFiles = typesOf(entry.item).includes('file');
      for (const node of itemsOf(valueOf(entry.item, 'acls'))) {
        const ace = node.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
        if (ace === undefined || looksLikePlaceholder(ace)) continue;
        const checked = checkAclEntry(ace);
        if (!checked.ok) {
          out.push({ ...scalarRange(node, ctx.text), severity: 'error', rule: this.id, message: `The CodeDeploy agent fails the deployment on this ACL entry: ${checked.message}` });
        } else if (checked.entry.isDefault && forFiles) {
          out.push({ ...scalarRange(node, ctx.text), severity: 'error', rule: this.id,
            message: `'${ace}' is a default ACL entry, which applies to directories only. This permission also covers files (type ${valueOf(entry.item, 'type') ? 'includes file' : 'is not set, so it means file and directory'}): the CodeDeploy agent fails the deployment when a copied file matches ("the -d parameter ... is supported for directories only"). Set type: [directory], or move the default entries to a permission for directories.` });
        }
      }
    }
    return out;
  },
};

/** `key: value` added as the last entry of a block mapping, at the indentation of its keys. */
function appendKeyFix(map: MapNode, text: string, entry: string, title: string): RawFix | undefined {
  const first = map.pairs[0];
  const last = map.pairs[map.pairs.length - 1];
  if (map.flow || !first || !last) return undefined;
  const column = first.key.start - (text.lastIndexOf('\n', first.key.start - 1) + 1);
  const nl = text.indexOf('\n', last.value.end);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (nl === -1) return { title, edits: [{ start: text.length, end: text.length, newText: `${eol}${' '.repeat(column)}${entry}` }] };
  return { title, edits: [{ start: nl + 1, end: nl + 1, newText: `${' '.repeat(column)}${entry}${eol}` }] };
}

export const permissionContextRule: Rule = {
  id: 'appspec/permission-context',
  kinds: ['appspec'],
  description: 'context must give what the CodeDeploy agent needs: type and a valid SELinux range; the agent reads the SELinux user from name, not user.',
  severity: 'error',
  helpUri: DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const entry of permissionEntries(ctx)) {
      const contextPair = pairOf(entry.item, 'context');
      const map = contextPair?.value;
      if (!contextPair || map?.kind !== 'map') continue;
      if (!pairOf(map, 'type')) {
        ctx.claim(entry.pointer('context', 'type'));
        out.push({ ...keyRange(contextPair), severity: 'error', rule: this.id,
          message: 'context has no type: the CodeDeploy agent fails the deployment ("invalid context type"). The documentation marks type optional, but the agent needs it: add type, such as httpd_sys_content_t.' });
      }
      const user = pairOf(map, 'user');
      if (user) {
        const hasName = pairOf(map, 'name') !== undefined;
        out.push({ ...keyRange(user), severity: 'warning', rule: this.id,
          message: `The CodeDeploy agent ignores context.user, the documentation's spelling: it reads the SELinux user from name, so semanage runs without this user.${hasName ? ' name is also set; remove user.' : ' Rename it to name.'}`,
          ...(hasName ? {} : { fix: renameKey(user, 'name') }) });
      }
      const range = pairOf(map, 'range');
      if (!range) {
        const fix = appendKeyFix(map, ctx.text, 'range: s0', 'Add range: s0');
        out.push({ ...keyRange(contextPair), severity: 'error', rule: this.id,
          message: 'context has no range: the CodeDeploy agent fails the Install event when it writes the SELinux command without one. The documentation says range defaults to s0, but the agent needs it written: add range: s0.',
          ...(fix ? { fix } : {}) });
        continue;
      }
      const value = stringValue(range.value);
      if (value === undefined || looksLikePlaceholder(value)) continue;
      const problem = checkSelinuxRange(value);
      if (problem) {
        ctx.claim(entry.pointer('context', 'range'));
        out.push({ ...scalarRange(range.value, ctx.text), severity: 'error', rule: this.id, message: `The CodeDeploy agent fails the deployment on SELinux range '${value}': ${problem}` });
      }
    }
    return out;
  },
};

function wrapInListFix(node: Node, text: string, what: string): RawFix | undefined {
  if (node.kind !== 'scalar' || node.style === 'literal' || node.style === 'folded') return undefined;
  return { title: `Make ${what} a list`, edits: [{ start: node.start, end: node.end, newText: `[${text.slice(node.start, node.end)}]` }] };
}

export const permissionMatchingRule: Rule = {
  id: 'appspec/permission-matching',
  kinds: ['appspec'],
  description: 'object, pattern and except of a permission as the CodeDeploy agent matches them: an absolute object, and names (no /) in pattern and except.',
  severity: 'warning',
  helpUri: DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const entry of permissionEntries(ctx)) {
      const object = valueOf(entry.item, 'object');
      const objectText = stringValue(object);
      if (object && objectText !== undefined && objectText !== '' && !objectText.startsWith('/') && !looksLikePlaceholder(objectText)) {
        out.push({ ...scalarRange(object, ctx.text), severity: 'warning', rule: this.id,
          message: `object '${objectText}' is not an absolute path: the CodeDeploy agent compares object with the absolute paths it copies files to, and resolves '${objectText}' against its own working directory, so these permissions match nothing. Use the full path on the instance, such as a files destination.` });
      }
      const pattern = valueOf(entry.item, 'pattern');
      const patternText = stringValue(pattern);
      if (pattern && patternText !== undefined && patternText !== '**' && patternText.includes('/')) {
        out.push({ ...scalarRange(pattern, ctx.text), severity: 'warning', rule: this.id,
          message: `The CodeDeploy agent matches pattern against the names of the objects directly inside object, which never contain '/': '${patternText}' matches nothing. Use a name pattern such as "*.sh", or "**" for everything below object.` });
      }
      for (const item of itemsOf(valueOf(entry.item, 'except'))) {
        const text = stringValue(item);
        if (text === undefined || !text.includes('/')) continue;
        out.push({ ...scalarRange(item, ctx.text), severity: 'warning', rule: this.id,
          message: `The CodeDeploy agent matches except entries against the names of the objects directly inside object, which never contain '/': '${text}' excludes nothing. Write the name alone, such as '${text.split('/').filter((s) => s !== '').pop() ?? text}'.` });
      }
    }
    return out;
  },
};

export const permissionListRule: Rule = {
  id: 'appspec/permission-list',
  kinds: ['appspec'],
  description: 'except and type of a permission are lists; the CodeDeploy agent fails the deployment on a single value.',
  severity: 'error',
  helpUri: DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const entry of permissionEntries(ctx)) {
      for (const key of ['except', 'type'] as const) {
        const node = valueOf(entry.item, key);
        if (node?.kind !== 'scalar' || node.value === null) continue;
        ctx.claim(entry.pointer(key));
        const fix = wrapInListFix(node, ctx.text, key);
        out.push({ ...scalarRange(node, ctx.text), severity: 'error', rule: this.id,
          message: `${key} must be a list, such as [${String(node.value)}]: the CodeDeploy agent iterates over it and fails the deployment on a single value.`, ...(fix ? { fix } : {}) });
      }
    }
    return out;
  },
};

function normalizedObject(text: string): string {
  return text.length > 1 ? text.replace(/\/+$/, '') : text;
}

export const permissionDuplicateRule: Rule = {
  id: 'appspec/permission-duplicate',
  kinds: ['appspec'],
  description: 'Two permissions that cover the same objects (same object, overlapping type, all names): the CodeDeploy agent refuses to set permissions on an object twice.',
  severity: 'error',
  helpUri: DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    const seen = new Map<string, { types: string[]; index: number }[]>();
    for (const entry of permissionEntries(ctx)) {
      const objectNode = valueOf(entry.item, 'object');
      const object = stringValue(objectNode);
      const pattern = stringValue(valueOf(entry.item, 'pattern')) ?? '**';
      const except = valueOf(entry.item, 'except');
      const excludes = except !== undefined && !(except.kind === 'scalar' && except.value === null) && !(except.kind === 'seq' && except.items.length === 0);
      if (!objectNode || object === undefined || looksLikePlaceholder(object) || pattern !== '**' || excludes) continue;
      const types = typesOf(entry.item);
      const normalized = normalizedObject(object);
      const same = seen.get(normalized) ?? [];
      const prior = same.find((s) => s.types.some((t) => types.includes(t)));
      if (prior) {
        out.push({ ...scalarRange(objectNode, ctx.text), severity: 'error', rule: this.id,
          message: `Permissions ${prior.index + 1} and ${entry.index + 1} both cover every ${types.filter((t) => prior.types.includes(t)).join(' and ')} in ${object}: the CodeDeploy agent fails the deployment ("the permissions setting for ... is specified more than once"). Merge them into one entry.` });
      } else {
        seen.set(normalized, [...same, { types, index: entry.index }]);
      }
    }
    return out;
  },
};
