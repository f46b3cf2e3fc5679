import type * as vscode from 'vscode';
import type { Analysis } from '../model/analysis';
import type { ParsedFrame } from '../model/frame-name';
import { findFunctionLine } from '../model/function-lines';
import type { LoadedProfile, ProfilerSession } from './profile-session';

/** A profiled function defined in a document. */
export interface FunctionInsight {
  nameId: number;
  name: string;
  frame: ParsedFrame;
  /** 0-based line of its definition in the document as it is now. */
  line: number;
}

export interface DocumentInsights {
  loaded: LoadedProfile;
  analysis: Analysis;
  /** Name ids of frames in this file (with or without a definition found). */
  nameIds: number[];
  functions: FunctionInsight[];
}

/** The active profile's functions in `doc`, with their definition lines scanned from the current text. */
export async function documentInsights(session: ProfilerSession, doc: vscode.TextDocument): Promise<DocumentInsights | undefined> {
  const loaded = session.active;
  if (!loaded || !session.sources.handles(doc.uri)) return undefined;
  const nameIds = await session.namesInFile(loaded, doc.uri);
  if (nameIds.length === 0) return undefined;
  const resolution = await session.resolution(loaded);
  const analysis = session.analysis(loaded);
  const hints = session.hints(loaded);
  const text = doc.getText();
  const names = loaded.profile.tree.names;
  const functions: FunctionInsight[] = [];
  for (const nameId of nameIds) {
    const name = names[nameId]!;
    const resolved = resolution.byName.get(name);
    if (!resolved) continue;
    const line = findFunctionLine(text, resolved.frame, hints.line[nameId]! > 0 ? hints.line[nameId] : resolved.line);
    if (line === undefined) continue;
    functions.push({ nameId, name, frame: resolved.frame, line });
  }
  functions.sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
  return { loaded, analysis, nameIds, functions };
}
