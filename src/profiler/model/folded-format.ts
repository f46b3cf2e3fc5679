import { FOLDED_COUNTER } from './counters';
import { FrameTreeBuilder, MAX_NODES } from './frame-tree';
import { ProfileFormatError, WarningTally, makeProfile, type Profile } from './profile';

const MAX_FRAME_NAME = 4096;

/**
 * Parses collapsed stacks ("folded", as written by Brendan Gregg's stackcollapse-*, async-profiler
 * `-o collapsed`, py-spy `--format raw`): one `frame;frame;frame <count>` per line. A line with two
 * trailing counts (difffolded) keeps the second. Counts go to the SAMPLES counter.
 */
export function parseFoldedStacks(input: string, maxNodes = MAX_NODES): Profile {
  const builder = new FrameTreeBuilder(undefined, maxNodes);
  const counter = builder.counterIndex(FOLDED_COUNTER);
  const warnings = new WarningTally();
  let lines = 0;
  let pos = 0;
  // Consecutive lines usually share a prefix (sorted output): reuse the previous path instead of
  // looking every frame up again.
  let prevFrames: string[] = [];
  let prevPath: number[] = [0];
  while (pos < input.length) {
    let eol = input.indexOf('\n', pos);
    if (eol < 0) eol = input.length;
    let line = input.slice(pos, eol);
    pos = eol + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = line.trim();
    if (line.length === 0 || line.startsWith('#')) continue;
    const lastSpace = line.search(/\s\S+$/);
    if (lastSpace < 0) {
      warnings.add('a line without a sample count was skipped');
      continue;
    }
    const count = Number(line.slice(lastSpace + 1));
    let stack = line.slice(0, lastSpace).trimEnd();
    const secondLast = stack.search(/\s\S+$/);
    if (secondLast >= 0 && /^\d+(\.\d+)?$/.test(stack.slice(secondLast + 1))) {
      warnings.add('differential folded lines: the second count is shown');
      stack = stack.slice(0, secondLast).trimEnd();
    }
    if (!Number.isFinite(count) || count < 0 || count > Number.MAX_SAFE_INTEGER) {
      warnings.add('a line whose count is not a non-negative number was skipped');
      continue;
    }
    if (stack.length === 0) {
      warnings.add('a line without frames was skipped');
      continue;
    }
    lines++;
    const frames = stack.split(';').map((f) => (f.length === 0 ? '[unknown]' : f.length > MAX_FRAME_NAME ? f.slice(0, MAX_FRAME_NAME) : f));
    let common = 0;
    while (common < frames.length && common < prevFrames.length && frames[common] === prevFrames[common]) common++;
    const path = prevPath.slice(0, common + 1);
    let node = path[common]!;
    for (let i = common; i < frames.length && node >= 0; i++) {
      node = builder.child(node, frames[i]!);
      path.push(node);
    }
    if (node < 0) {
      // Node limit reached: credit the deepest frame that exists so totals stay right.
      const kept = path.filter((x) => x >= 0);
      node = kept[kept.length - 1] ?? 0;
      prevFrames = [];
      prevPath = [0];
    } else {
      prevFrames = frames;
      prevPath = path;
    }
    if (count > 0) builder.addCount(node, counter, count);
  }
  if (lines === 0) throw new ProfileFormatError('No collapsed stacks found: expected lines like "main;work;compute 42".');
  if (builder.truncated) warnings.add(`the profile has more than ${maxNodes.toLocaleString('en-US')} frames; deeper frames were merged into their callers`);
  return makeProfile('folded', builder.finish(), {}, warnings.list(), builder.truncated);
}
