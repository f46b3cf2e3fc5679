// CodeBuild's container log line format: `[Container] 2026/11/21 10:00:00.123456 Entering phase INSTALL`.

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** UTC time with microseconds; the last three digits come from `micros` (0-999). */
export function containerTimestamp(ms: number, micros: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(micros % 1000, 3)}`;
}

export function containerLine(ms: number, micros: number, text: string): string {
  return `[Container] ${containerTimestamp(ms, micros)} ${text}`;
}

/** `date` output inside the build container, e.g. `Sat Nov 21 10:02:00 UTC 2026`. */
export function shellDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
