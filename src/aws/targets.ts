// One account/region root of a view ("target"), as a stable string. Profile names may hold any
// character, so the key is JSON, not a join.

export function targetKey(target: { profile: string; region: string }): string {
  return JSON.stringify([target.profile, target.region]);
}

export function parseTargetKey(key: string): { profile: string; region: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { profile: parsed[0], region: parsed[1] };
    }
  } catch {
    // not a target key
  }
  return undefined;
}
