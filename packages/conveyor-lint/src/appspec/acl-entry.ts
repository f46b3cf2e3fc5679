/**
 * The ACL entry grammar of the CodeDeploy agent (AceInfo in aws-codedeploy-agent):
 * `[d[efault]:][u[ser]|g[roup]|m[ask]|o[ther]:][name]:permissions`, where permissions is one octal digit
 * or letters from `rwx-`. Base entries (user, group and other without a name) are refused: `mode` sets
 * those. `mask` and `other` take no name.
 */
export interface AclEntry {
  isDefault: boolean;
  type: 'user' | 'group' | 'mask' | 'other';
  name: string;
}

export type AclCheck = { ok: true; entry: AclEntry } | { ok: false; message: string };

const TYPES: Record<string, AclEntry['type']> = { u: 'user', user: 'user', g: 'group', group: 'group', m: 'mask', mask: 'mask', o: 'other', other: 'other' };
const GRAMMAR = '[d:][u|g|m|o:][name]:permissions';

export function checkAclEntry(ace: string): AclCheck {
  // Ruby's split(":", -1) keeps empty parts, as JavaScript's split does.
  const parts = ace.split(':').reverse();
  if (parts.length < 2 || parts.length > 4) {
    return { ok: false, message: `'${ace}' is not an ACL entry: it needs 2 to 4 parts separated by ':' (${GRAMMAR}, such as u:bob:rw or d:g:dev:rx).` };
  }
  let isDefault = false;
  let type: AclEntry['type'] | undefined;
  let name = '';
  const isD = (p: string | undefined): boolean => p === 'd' || p === 'default';
  if (parts.length === 4) {
    if (!isD(parts[3])) return { ok: false, message: `'${ace}': with four parts the first must be d or default (${GRAMMAR}), not '${parts[3] ?? ''}'.` };
    isDefault = true;
  }
  if (parts.length >= 3) {
    const p = parts[2] ?? '';
    if (isD(p)) {
      if (isDefault) return { ok: false, message: `'${ace}' says default twice (${GRAMMAR}).` };
      isDefault = true;
    } else if (TYPES[p]) {
      type = TYPES[p];
    } else {
      return { ok: false, message: `'${p}' in '${ace}' is not an ACL entry type: use u (user), g (group), m (mask) or o (other)${parts.length === 3 ? ', or d for a default entry' : ''}.` };
    }
  }
  const qualifier = parts[1] ?? '';
  const named = TYPES[qualifier];
  if (named === 'mask' || named === 'other') {
    if (type === undefined) type = named;
    else name = qualifier;
  } else {
    type ??= 'user';
    name = qualifier;
  }
  if ((type === 'mask' || type === 'other') && name !== '') {
    return { ok: false, message: `'${ace}': ${type} entries take no name; write ${isDefault ? 'd:' : ''}${type === 'mask' ? 'm' : 'o'}::${parts[0] ?? ''}.` };
  }
  if (!isDefault && type !== 'mask' && name === '') {
    return { ok: false, message: `'${ace}' sets the base ${type} entry, which the CodeDeploy agent refuses ("Use mode to set the base acl entry"): set the owner, group and other permissions with mode, and name a user or group in acls.` };
  }
  const perms = parts[0] ?? '';
  if (!/^[0-7]$/.test(perms)) {
    const bad = [...perms].find((c) => !'rwx-'.includes(c));
    if (bad !== undefined) {
      return { ok: false, message: `'${ace}': the permissions contain '${bad}'; use one octal digit (0-7) or the letters r, w, x and -.` };
    }
  }
  return { ok: true, entry: { isDefault, type, name } };
}
