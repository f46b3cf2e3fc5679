import type { Severity } from '../types';

/** An edit in string offsets; converted to a Range when the diagnostic leaves the engine. */
export interface RawEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RawFix {
  title: string;
  edits: RawEdit[];
}

/** A diagnostic in string offsets, as rules and the schema mapper produce it. */
export interface RawDiagnostic {
  start: number;
  end: number;
  severity: Severity;
  message: string;
  rule: string;
  fix?: RawFix;
  /**
   * The offset whose line suppression comments refer to, when it is not `start`: the start of the value a
   * finding inside a multi-line value belongs to (a comment line inside a block scalar would change it).
   */
  anchor?: number;
  /**
   * JSON pointers (e.g. `/phases/pre-build`) this diagnostic explains better than the generic schema
   * error would: schema errors about these locations are dropped.
   */
  claims?: string[];
}
