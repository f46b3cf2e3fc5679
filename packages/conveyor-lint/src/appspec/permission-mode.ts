/**
 * The mode check of the CodeDeploy agent (ModeInfo in aws-codedeploy-agent): the value's text, padded
 * with zeros to three characters, must be at most four octal digits. Returns the problem, or undefined.
 */
export function checkMode(text: string): string | undefined {
  const mode = text.padStart(3, '0');
  if (mode.length > 4) return `mode '${text}' has ${mode.length} digits; a mode has three or four octal digits (such as 644 or 4755).`;
  const bad = [...mode].find((c) => c < '0' || c > '7');
  if (bad !== undefined) {
    return /^[ugoa]*[-+=]/.test(text)
      ? `mode '${text}' is symbolic; the CodeDeploy agent accepts only octal modes (such as 755).`
      : `mode '${text}' contains '${bad}'; a mode is made of octal digits 0-7 (such as 644 or 4755).`;
  }
  return undefined;
}

/** `rwxr-xr--` for an octal mode such as 754 (the last three digits). */
export function symbolicMode(mode: string): string {
  const digits = mode.padStart(3, '0').slice(-3);
  return [...digits].map((d) => {
    const n = Number(d);
    return `${n & 4 ? 'r' : '-'}${n & 2 ? 'w' : '-'}${n & 1 ? 'x' : '-'}`;
  }).join('');
}
