/** Case-insensitive; `*` and `?` make it a glob over the whole name, otherwise a substring match. */
export function matchesFilter(name: string, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  const n = name.toLowerCase();
  if (!/[*?]/.test(f)) return n.includes(f);
  const pattern = f.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(n);
}
