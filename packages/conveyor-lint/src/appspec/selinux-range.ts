/**
 * The SELinux range grammar of the CodeDeploy agent (RangeInfo in aws-codedeploy-agent):
 * `s<n>[-s<n>][:c<n>[.c<n>](,c<n>[.c<n>])*]`, sensitivities ascending, categories 0-1023, ascending in a
 * `.` range, none twice. Returns the problem, or undefined for a valid range.
 */
export function checkSelinuxRange(range: string): string | undefined {
  try {
    const parts = ensureParts(range, ':');
    const sensitivities = ensureParts(parts[0] ?? '', '-');
    const low = sensitivity(sensitivities[0] ?? '');
    if (sensitivities.length === 2) {
      const high = sensitivity(sensitivities[1] ?? '');
      if (high < low) return `the sensitivity range ${sensitivities.join('-')} goes down; write the lower level first (s${high}-s${low}).`;
    }
    if (parts.length === 2) categories(parts[1] ?? '');
    return undefined;
  } catch (err) {
    if (err instanceof RangeSyntaxError) return err.message;
    throw err;
  }
}

class RangeSyntaxError extends Error {}

function ensureParts(input: string, separator: string): string[] {
  const at = input.indexOf(separator);
  const parts = at === -1 ? [input] : [input.slice(0, at), input.slice(at + separator.length)];
  if (parts.some((p) => p === '')) throw new RangeSyntaxError(`'${input}' has an empty part around '${separator}'.`);
  return parts;
}

function sensitivity(s: string): number {
  if (!/^s\d+$/.test(s)) throw new RangeSyntaxError(`'${s}' is not a sensitivity level: write s followed by a number, such as s0.`);
  return Number(s.slice(1));
}

function category(c: string): number {
  if (!/^c\d+$/.test(c)) throw new RangeSyntaxError(`'${c}' is not a category: write c followed by a number, such as c0.`);
  const n = Number(c.slice(1));
  if (n > 1023) throw new RangeSyntaxError(`category ${c} is above c1023, the highest SELinux category.`);
  return n;
}

function categories(list: string): void {
  // Ruby's split(",") drops trailing empty fields.
  const items = list.split(',');
  while (items.length > 0 && items[items.length - 1] === '') items.pop();
  const seen = new Set<number>();
  for (const item of items) {
    let values: number[];
    if (item.includes('.')) {
      const [lowText, highText] = ensureParts(item, '.');
      const low = category(lowText ?? '');
      const high = category(highText ?? '');
      if (high < low) throw new RangeSyntaxError(`the category range ${item} goes down; write the lower category first.`);
      values = Array.from({ length: high - low + 1 }, (_, i) => low + i);
    } else {
      values = [category(item)];
    }
    for (const v of values) {
      if (seen.has(v)) throw new RangeSyntaxError(`category c${v} appears twice.`);
      seen.add(v);
    }
  }
}
