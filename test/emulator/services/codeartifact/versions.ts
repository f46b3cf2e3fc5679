/** Natural order for version strings: numeric runs compare as numbers ("1.10.0" after "1.9.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    // A pre-release suffix ("-beta.1") sorts before the release it precedes.
    if (x === '') return y.startsWith('-') || /^[a-z]/i.test(y) ? 1 : -1;
    if (y === '') return x.startsWith('-') || /^[a-z]/i.test(x) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
