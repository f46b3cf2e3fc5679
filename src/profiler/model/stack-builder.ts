import { FrameTreeBuilder, MAX_NODES, StringTable } from './frame-tree';
import { GrowableInt32 } from './growable';
import { PairTable } from './pair-table';
import { LineSamplesBuilder } from './line-samples';
import { makeProfile, type Profile, type ProfileFormat, type ProfileMeta } from './profile';

/** Longer frame names are cut (a hostile file must not make every lookup hash megabytes). */
export const MAX_FRAME_NAME = 4096;

/** Line samples walk each stack; deeper ones (pathological) are left out of the per-line heat. */
const MAX_LINE_DEPTH = 2048;

export function clipName(name: string): string {
  return name.length === 0 ? '[unknown]' : name.length > MAX_FRAME_NAME ? name.slice(0, MAX_FRAME_NAME) : name;
}

/**
 * Builds a Profile from sampled stacks (pprof, .cpuprofile, speedscope, perf, JFR): frames are
 * interned once (name, file, line), stacks are inserted root first into a FrameTreeBuilder keyed by
 * function name, reusing the path shared with the previous stack, and each stack's lines feed LineSamples.
 */
export class StackProfileBuilder {
  readonly tree: FrameTreeBuilder;
  readonly lines: LineSamplesBuilder;
  /** Per frame, its LineSamples key (-1 without a line). */
  private readonly frameKey = new GrowableInt32();
  /** (name id, line) → the first frame with them; the Map holds every frame by (name, file, line). */
  private readonly byNameLine = new PairTable(4096);
  private readonly frameIndex = new Map<string, number>();
  private readonly frameName = new GrowableInt32();
  private readonly frameLine = new GrowableInt32();
  private readonly frameFile: (string | undefined)[] = [];
  /** Per frame, the parent it was last inserted under and the node it got there (most frames have one parent). */
  private readonly lastParent = new GrowableInt32(1024, -2);
  private readonly lastNode = new GrowableInt32(1024, -1);
  /** The frame whose source was last recorded on a node (skips repeated setSource calls). */
  private readonly nodeFrame = new GrowableInt32(1024, -1);
  private prev = new Int32Array(64);
  private prevPath = new Int32Array(65);
  private prevLength = 0;
  private keys = new Int32Array(64);
  private readonly counters: number[];
  private anyLine = false;
  private deepSkipped = false;

  constructor(counterNames: readonly string[], maxNodes = MAX_NODES, expectedNodes = 1024) {
    this.tree = new FrameTreeBuilder(undefined, maxNodes, new StringTable(), expectedNodes);
    this.counters = counterNames.map((c) => this.tree.counterIndex(c));
    this.lines = new LineSamplesBuilder(this.counters);
  }

  get frameCount(): number { return this.frameName.length; }

  /** 1-based line where each function (by name id) starts, when the profile says (0: unknown). */
  private readonly definition = new GrowableInt32();

  /**
   * The id of a frame; the same (name, file, line) always gives the same id. `line` is the executing
   * line; `definitionLine` the line the function starts on, for formats that know only that.
   */
  frame(name: string, file?: string, line = 0, definitionLine = 0): number {
    const clipped = clipName(name);
    const safeLine = Number.isSafeInteger(line) && line > 0 && line < 2 ** 31 ? line : 0;
    const safeFile = file === undefined || file.length === 0 ? undefined : file.slice(0, MAX_FRAME_NAME);
    const nameId = this.tree.names.intern(clipped);
    // (name, line) finds the frame in one probe; a second file with that name and line takes the slow path.
    const quick = this.byNameLine.get(nameId, safeLine);
    if (quick >= 0 && this.frameFile[quick] === safeFile) return quick;
    const key = quick >= 0 ? `${nameId}\u0000${safeFile ?? ''}\u0000${safeLine}` : '';
    let id = quick >= 0 ? this.frameIndex.get(key) : undefined;
    if (id === undefined) {
      id = this.frameName.length;
      this.frameName.push(nameId);
      this.frameLine.push(safeLine);
      this.frameFile.push(safeFile);
      if (quick >= 0) this.frameIndex.set(key, id);
      else this.byNameLine.getOrSet(nameId, safeLine, id);
      if (safeLine > 0) this.anyLine = true;
      this.frameKey.push(this.lines.keyOf(nameId, safeLine));
      if (definitionLine > 0 && definitionLine < 2 ** 31 && this.definition.get(nameId) === 0) this.definition.set(nameId, definitionLine);
    }
    return id;
  }

  /**
   * One stack of frame ids, root first, with one value per counter given to the constructor. A caller
   * that walks a tree (evented profiles, .cpuprofile nodes) passes `shared`, how many leading frames
   * are the same as in the previous call, so deep stacks cost their change, not their depth.
   */
  addStack(frames: ArrayLike<number>, length: number, values: ArrayLike<number>, shared = -1): void {
    if (length > this.prev.length) this.growStack(length);
    let common = 0;
    if (shared >= 0) common = Math.min(shared, length, this.prevLength);
    else while (common < length && common < this.prevLength && frames[common] === this.prev[common]) common++;
    let node = this.prevPath[common]!;
    let depth = common;
    for (let i = common; i < length; i++) {
      const f = frames[i]!;
      let child: number;
      if (this.lastParent.get(f) === node) child = this.lastNode.get(f);
      else {
        child = this.tree.childById(node, this.frameName.get(f));
        if (child < 0) break;
        this.lastParent.set(f, node);
        this.lastNode.set(f, child);
      }
      node = child;
      if (this.nodeFrame.get(node) !== f) {
        this.nodeFrame.set(node, f);
        const line = this.frameLine.get(f);
        this.tree.setSource(node, this.frameFile[f], line, line);
      }
      this.prev[i] = f;
      this.prevPath[i + 1] = node;
      depth = i + 1;
    }
    this.prevLength = depth;
    for (let c = 0; c < this.counters.length; c++) {
      const v = values[c]!;
      if (v !== 0) this.tree.addCount(node, this.counters[c]!, v);
    }
    if (!this.anyLine) return;
    if (length > MAX_LINE_DEPTH) { this.deepSkipped = true; return; }
    for (let i = 0; i < length; i++) this.keys[i] = this.frameKey.get(frames[i]!);
    this.lines.addStack(this.keys, length, length - 1, values);
  }

  /** Name id of a frame. */
  nameOf(frame: number): number { return this.frameName.get(frame); }

  private growStack(length: number): void {
    let cap = this.prev.length;
    while (cap < length) cap *= 2;
    const prev = new Int32Array(cap);
    prev.set(this.prev);
    const prevPath = new Int32Array(cap + 1);
    prevPath.set(this.prevPath);
    this.prev = prev;
    this.prevPath = prevPath;
    this.keys = new Int32Array(cap);
  }

  finish(format: ProfileFormat, meta: ProfileMeta, warnings: string[]): Profile {
    if (this.deepSkipped) warnings.push(`stacks deeper than ${MAX_LINE_DEPTH} frames are left out of the per-line heat`);
    if (this.tree.truncated) warnings.push('the profile has more frames than Conveyor keeps; deeper frames were merged into their callers');
    const lines = this.lines.size > 0 ? { lines: this.lines.finish() } : {};
    let definitions = {};
    if (this.definition.length > 0) {
      const definitionLines = new Int32Array(this.tree.names.values.length);
      definitionLines.set(this.definition.view().subarray(0, definitionLines.length));
      definitions = { definitionLines };
    }
    return makeProfile(format, this.tree.finish(), { ...meta, ...lines, ...definitions }, warnings, this.tree.truncated);
  }
}
