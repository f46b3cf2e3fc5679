// A CodeBuild test report as a tree for VS Code's Testing view: report group → test suite (when a
// report has several) → prefix (module or class) → test case, each case with its outcome, duration,
// failure message and stack frames. Ids are stable across reports of the same group, so a newer
// report updates the same test items.
import type { TestCaseInfo } from '../model/types';
import { candidateFilesForPrefix } from './paths';
import { failureHeadline, parseStackFrames, type StackFrame } from './stack';

export type TestOutcome = 'passed' | 'failed' | 'errored' | 'skipped';

export interface TestCaseNode {
  kind: 'case';
  id: string;
  label: string;
  outcome: TestOutcome;
  durationMs?: number;
  /** The whole message (the traceback for failures, the reason for skips). */
  message?: string;
  /** Its first meaningful line. */
  headline?: string;
  frames: StackFrame[];
  /** Workspace files the case may be defined in, most likely first. */
  candidates: string[];
}

export interface TestGroupNode {
  kind: 'group';
  id: string;
  label: string;
  children: (TestGroupNode | TestCaseNode)[];
  candidates: string[];
}

const OUTCOMES: Record<string, TestOutcome> = { SUCCEEDED: 'passed', FAILED: 'failed', ERROR: 'errored', SKIPPED: 'skipped' };

export function outcomeOf(status: string): TestOutcome {
  return OUTCOMES[status] ?? 'skipped';
}

function caseNode(parentId: string, c: TestCaseInfo, candidates: string[]): TestCaseNode {
  const outcome = outcomeOf(c.status);
  const message = c.message ?? (OUTCOMES[c.status] ? undefined : `CodeBuild reported status ${c.status}`);
  const headline = failureHeadline(message);
  return {
    kind: 'case', id: `${parentId}/${c.name}`, label: c.name, outcome,
    ...(c.durationNanos !== undefined ? { durationMs: c.durationNanos / 1e6 } : {}),
    ...(message ? { message } : {}),
    ...(headline ? { headline } : {}),
    frames: outcome === 'failed' || outcome === 'errored' ? parseStackFrames(message) : [],
    candidates,
  };
}

/** The tree of one report of a report group; `rootId` is usually the group's name. */
export function testTree(rootId: string, label: string, cases: readonly TestCaseInfo[]): TestGroupNode {
  const suites = [...new Set(cases.map((c) => c.suite ?? ''))];
  const root: TestGroupNode = { kind: 'group', id: rootId, label, children: [], candidates: [] };
  for (const suite of suites) {
    const suiteNode: TestGroupNode = suites.length > 1
      ? { kind: 'group', id: `${rootId}/${suite || '(no suite)'}`, label: suite || '(no suite)', children: [], candidates: [] }
      : root;
    if (suiteNode !== root) root.children.push(suiteNode);
    const inSuite = cases.filter((c) => (c.suite ?? '') === suite);
    const prefixes = [...new Set(inSuite.map((c) => c.prefix ?? ''))];
    for (const prefix of prefixes) {
      const candidates = candidateFilesForPrefix(prefix);
      const parent: TestGroupNode = prefix
        ? { kind: 'group', id: `${suiteNode.id}/${prefix}`, label: prefix, children: [], candidates }
        : suiteNode;
      if (parent !== suiteNode) suiteNode.children.push(parent);
      for (const c of inSuite.filter((x) => (x.prefix ?? '') === prefix)) parent.children.push(caseNode(parent.id, c, candidates));
    }
  }
  return root;
}

/** Every case of a tree, depth first. */
export function casesOf(node: TestGroupNode | TestCaseNode): TestCaseNode[] {
  return node.kind === 'case' ? [node] : node.children.flatMap(casesOf);
}
