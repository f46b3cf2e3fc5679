import * as vscode from 'vscode';
import type { ProfilerNode } from '../tree/model';

/**
 * Profile files dropped on the Profiler view open as flame graphs, one panel each ("text/uri-list"
 * is what the Explorer and the operating system's file manager send).
 */
export class ProfileDropController implements vscode.TreeDragAndDropController<ProfilerNode> {
  readonly dropMimeTypes = ['text/uri-list'];
  readonly dragMimeTypes: readonly string[] = [];

  constructor(private readonly open: (uri: vscode.Uri) => Promise<unknown>) {}

  async handleDrop(_target: ProfilerNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const list = await data.get('text/uri-list')?.asString();
    for (const uri of parseUriList(list ?? '')) await this.open(uri);
  }
}

/** RFC 2483 text/uri-list: one URI per line, "#" comments. */
export function parseUriList(text: string): vscode.Uri[] {
  const out: vscode.Uri[] = [];
  for (const line of text.split(/\r?\n/)) {
    const s = line.trim();
    if (s.length === 0 || s.startsWith('#')) continue;
    try { out.push(vscode.Uri.parse(s, true)); } catch { /* not a URI */ }
  }
  return out;
}
