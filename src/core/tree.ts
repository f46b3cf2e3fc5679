// What every Conveyor tree shows, without VS Code types: a node's presentation (the editor kit turns it
// into a TreeItem), the one id scheme, and the rows every view shares — a message, an error with what
// to do next, a placeholder while nothing is there, and "Load more".

export interface IconSpec {
  /** A codicon id, e.g. `error`, `sync~spin`. */
  id: string;
  /** A theme color id, e.g. `errorForeground`. */
  color?: string;
}

export interface NodePresentation {
  /** Stable across refreshes (keeps expansion and selection): see `treeId`. */
  id: string;
  label: string;
  description?: string;
  /** Markdown (theme icons allowed, links not trusted); `plainTooltip` escapes plain text. */
  tooltip?: string;
  icon?: IconSpec;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** Runs on click; its argument is the node itself unless `args` are given. */
  command?: { id: string; title: string; args?: readonly unknown[] };
}

/**
 * The id scheme of every tree: a JSON array of a kind tag and the parts that name the node. JSON (not a
 * join) because profile names, pipeline names and package names may contain any separator.
 */
export function treeId(kind: string, ...parts: readonly string[]): string {
  return JSON.stringify([kind, ...parts]);
}

/** The kind and parts of an id made by `treeId`, or undefined for anything else. */
export function parseTreeId(id: string): { kind: string; parts: string[] } | undefined {
  try {
    const parsed: unknown = JSON.parse(id);
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((p): p is string => typeof p === 'string')) return undefined;
    const [kind, ...parts] = parsed;
    return kind === undefined ? undefined : { kind, parts };
  } catch {
    return undefined;
  }
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~$]/g;

/** Plain text as a markdown tooltip that shows exactly that text. */
export function plainTooltip(text: string): string {
  return text.split('\n').map((line) => line.replace(MARKDOWN_SPECIAL, '\\$&')).join('\n\n');
}

export interface SharedNodeOptions {
  description?: string;
  /** Markdown; defaults to the label and description as plain text. */
  tooltip?: string;
  contextValue?: string;
  command?: NodePresentation['command'];
}

/** An informational row: "No pipelines in us-east-1", "No recommendations". */
export function messageNode(id: string, label: string, options: SharedNodeOptions = {}): NodePresentation {
  return sharedNode(id, label, { id: 'info' }, 'message', options);
}

/** A row shown while nothing is there yet, e.g. "Loading…", or a hint such as "Choose a profile". */
export function placeholderNode(id: string, label: string, options: SharedNodeOptions & { loading?: boolean } = {}): NodePresentation {
  return sharedNode(id, label, options.loading ? { id: 'loading~spin' } : { id: 'circle-large-outline' }, 'placeholder', options);
}

/**
 * A failure: a short title as the label ("Couldn't list pipelines"), the explained message as the
 * description and in full in the tooltip, and a command that offers the next step (retry, sign in…).
 */
export function errorNode(id: string, title: string, message: string, options: Omit<SharedNodeOptions, 'description'> = {}): NodePresentation {
  return sharedNode(id, title, { id: 'error', color: 'errorForeground' }, 'error', {
    ...options, description: message,
    tooltip: options.tooltip ?? `${plainTooltip(title)}\n\n${plainTooltip(message)}${options.command ? `\n\n_Click: ${plainTooltip(options.command.title)}_` : ''}`,
  });
}

/** "Load more…" (or a more specific label) that runs `command` with this row as its argument. */
export function loadMoreNode(id: string, command: string, options: SharedNodeOptions & { label?: string } = {}): NodePresentation {
  return sharedNode(id, options.label ?? 'Load more…', { id: 'ellipsis' }, 'loadMore', {
    ...options, command: options.command ?? { id: command, title: options.label ?? 'Load more' },
  });
}

function sharedNode(id: string, label: string, icon: IconSpec, kind: string, options: SharedNodeOptions): NodePresentation {
  return {
    id, label, icon, collapsible: 'none',
    contextValue: options.contextValue ?? kind,
    tooltip: options.tooltip ?? plainTooltip(options.description ? `${label}\n${options.description}` : label),
    ...(options.description ? { description: options.description } : {}),
    ...(options.command ? { command: options.command } : {}),
  };
}

export type MessageSeverity = 'error' | 'warning' | 'info';

/** A message row of a polling explorer's tree: an empty list, a deleted resource, or a failed load. */
export interface MessageNode {
  kind: 'message';
  id: string;
  parentId: string;
  severity: MessageSeverity;
  text: string;
  /** A second line, e.g. "Showing the last list Conveyor loaded." */
  detail?: string;
  /** Clicking retries (the feature's refresh command with this row). */
  retry: boolean;
  /** A failed load: the row's short title ("Couldn't list pipelines") and the error's category. */
  failure?: { title: string; category: string };
}

/** TreeView.message while a filter is set: what is filtered and how much matched ("1,000+" while counting). */
export function filterMessage(filter: string, matched: number, total: number, noun: string, complete = true): string | undefined {
  if (!filter) return undefined;
  return `Filter “${filter}”: ${matched.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}${complete ? '' : '+'} ${noun}`;
}
