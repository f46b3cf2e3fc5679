import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness';

export const BROKEN_BUILDSPEC = 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\n';
export const FIXED_BUILDSPEC = BROKEN_BUILDSPEC.replace('biuld', 'build');

/** Keeps what a test ran and saw in test-results/ (the evidence for a review). */
export function writeTranscript(name: string, lines: readonly string[]): void {
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
}
