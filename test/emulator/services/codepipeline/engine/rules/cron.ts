// Cron expressions of the DeploymentWindow rule, matched at minute granularity in a time zone.
// Accepted: 5 fields (min hour day month weekday), 6 fields as in EventBridge (… year) or 7 fields
// as in Quartz (sec min hour day month weekday year). Fields take `*`, `?`, numbers, ranges `a-b`,
// lists `a,b`, steps `*/n` and `a-b/n`, and month/day names (JAN, MON-FRI). Weekdays are 1-7 from
// Sunday (EventBridge, Quartz); in 5-field expressions 0-6 from Sunday, as in Unix cron.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

type Field = (value: number) => boolean;

function parseField(text: string, min: number, max: number, names: string[] = [], nameBase = 1): Field {
  if (text === '*' || text === '?') return () => true;
  const value = (s: string): number => {
    const i = names.indexOf(s.toUpperCase());
    const n = i >= 0 ? i + nameBase : Number(s);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`'${s}' is out of range ${min}-${max}`);
    return n;
  };
  const parts = text.split(',').map((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in '${part}'`);
    let lo = min;
    let hi = max;
    if (range !== '*' && range !== undefined) {
      const [a, b] = range.split('-');
      lo = value(a!);
      hi = b === undefined ? (stepText === undefined ? lo : max) : value(b);
    }
    // A range that wraps (FRI-MON, MON-SUN with Sunday first) covers the end and the start.
    if (lo > hi) return (v: number): boolean => (v >= lo || v <= hi) && (v - lo + (max - min + 1)) % step === 0;
    return (v: number): boolean => v >= lo && v <= hi && (v - lo) % step === 0;
  });
  return (v) => parts.some((p) => p(v));
}

export interface CronMatcher {
  matches(ms: number): boolean;
}

/** Throws with a reason when the expression or the time zone is not valid. */
export function compileCron(expression: string, timeZone = 'UTC'): CronMatcher {
  const fields = expression.trim().replace(/^cron\((.*)\)$/, '$1').split(/\s+/);
  let f: string[];
  let sundayIs: 0 | 1;
  if (fields.length === 5) { f = fields; sundayIs = 0; } else if (fields.length === 6) { f = fields.slice(0, 5); sundayIs = 1; } else if (fields.length === 7) { f = fields.slice(1, 6); sundayIs = 1; } else {
    throw new Error(`a cron expression has 5, 6 or 7 fields, not ${fields.length}`);
  }
  const [minute, hour, day, month, weekday] = [
    parseField(f[0]!, 0, 59), parseField(f[1]!, 0, 23), parseField(f[2]!, 1, 31), parseField(f[3]!, 1, 12, MONTHS),
    parseField(f[4]!, sundayIs, 6 + sundayIs, DAYS, sundayIs),
  ];
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short',
  });
  return {
    matches(ms) {
      const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
      const wd = DAYS.indexOf(String(parts.weekday).toUpperCase()) + sundayIs;
      return minute(Number(parts.minute)) && hour(Number(parts.hour)) && day(Number(parts.day)) && month(Number(parts.month)) && weekday(wd);
    },
  };
}
