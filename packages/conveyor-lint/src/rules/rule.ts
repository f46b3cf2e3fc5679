import type { RawDiagnostic } from '../engine/raw';
import type { Node } from '../syntax/tree';
import type { AppSpecPlatform, Severity } from '../types';

export interface RuleContext {
  text: string;
  /** The document's root node (a mapping, or the rules have nothing to check). */
  root: Node;
  kind: 'buildspec' | 'appspec';
  format: 'yaml' | 'json';
  /** Appspecs: the platform, declared or inferred from the content. */
  platform?: AppSpecPlatform;
  /** Buildspecs: the version the document declares. */
  version?: '0.1' | '0.2';
  /** Maps a key to the spelling the schema uses (ECS and Lambda appspec keys are case-insensitive). */
  canonicalKey: (key: string) => string;
  /** Whether a file exists, relative to the revision root (the appspec's folder); absent: not checked. */
  fileExists?: (relativePath: string) => boolean;
  /** Declares this rule the authority on a location (JSON pointer): schema errors there are dropped. */
  claim(pointer: string): void;
  /**
   * What `compute` returns, computed once per validation for this key: several rules read the same
   * derived data (the commands, the hooks). Kept with the validation, never in module state, so a
   * long-lived language server neither keeps a closed document's tree alive nor mixes two documents.
   */
  memo<T>(key: MemoKey<T>, compute: () => T): T;
}

/** A key for RuleContext.memo; its type parameter ties the key to the type of what it stores. */
export interface MemoKey<T> {
  readonly name: string;
  /** Never set: only carries the type. */
  readonly type?: T;
}

export function memoKey<T>(name: string): MemoKey<T> {
  return { name };
}

export interface Rule {
  id: string;
  kinds: readonly ('buildspec' | 'appspec')[];
  /** One sentence for rule listings (SARIF metadata, documentation). */
  description: string;
  /** Severity of its main finding; some rules also report milder findings. */
  severity: Severity;
  helpUri: string;
  check(ctx: RuleContext): RawDiagnostic[];
}
