// "Log in to CodeArtifact" as a multi-step flow: domain, repository, package manager, placement, then
// what the chosen tool still needs (scope, pip's index option, Maven's mode). Steps the command's
// arguments already answer are skipped; Back returns to the previous question.
import { FlowEngine, type FlowDefinition, type FlowPickItem } from '../../core/flow';
import type { Detection } from '../detect/detect';
import { TOOL_IDS, TOOLS, type Placement, type ToolId } from './tools';

export type LoginStep = 'domain' | 'repository' | 'tool' | 'placement' | 'scope' | 'pipOption' | 'mavenMode';

/** The answers (some may come from the command's arguments). */
export interface LoginAnswers {
  domain?: string;
  domainOwner?: string;
  repository?: string;
  tool?: ToolId;
  placement?: Placement;
  /** npm or Swift scope; '' for none. */
  scope?: string;
  pipOption?: 'index-url' | 'extra-index-url';
  mavenMode?: 'repository' | 'mirror';
}

export interface Domain { name: string; owner: string }
export interface Repository { name: string; description?: string }

export interface LoginFlowContext {
  domains: readonly Domain[];
  /** The tools the project's files point to, best first. */
  detected: readonly Detection[];
  /** A project folder is open (the project placement needs one). */
  hasProject: boolean;
  /** Repositories of the domain the draft names, once listed. */
  repositories?: { domain: string; owner: string; list: readonly Repository[] };
  listRepositories(domain: string, owner: string): Promise<readonly Repository[]>;
}

const TITLE = 'Log in to CodeArtifact';
const ORDER: readonly LoginStep[] = ['domain', 'repository', 'tool', 'placement', 'scope', 'pipOption', 'mavenMode'];
const PLACEMENTS: readonly Placement[] = ['terminal', 'project', 'user'];
const PLACEMENT_LABELS: Record<Placement, string> = { terminal: 'Terminal only', project: 'Project config', user: 'User config' };

const idOf = (answer: { ids: string[] } | { text: string }): string | undefined => ('ids' in answer ? answer.ids[0] : undefined);

/** Whether a step still needs an answer for this draft. */
function open(step: LoginStep, d: LoginAnswers): boolean {
  switch (step) {
    case 'domain': return d.domain === undefined;
    case 'repository': return d.repository === undefined;
    case 'tool': return d.tool === undefined;
    case 'placement': return d.placement === undefined;
    case 'scope': return d.scope === undefined && d.tool !== undefined && TOOLS[d.tool].scopes !== undefined && !(d.tool === 'yarn' && d.placement === 'terminal');
    case 'pipOption': return d.tool === 'pip' && d.pipOption === undefined;
    case 'mavenMode': return d.tool === 'maven' && d.mavenMode === undefined;
  }
}

function nextOpen(after: LoginStep | undefined, d: LoginAnswers): LoginStep | 'finish' {
  const from = after === undefined ? 0 : ORDER.indexOf(after) + 1;
  return ORDER.slice(from).find((s) => open(s, d)) ?? 'finish';
}

function pick(id: LoginStep, title: string, placeholder: string, items: FlowPickItem[], activeId?: string, needs?: string) {
  return { kind: 'pick' as const, id, title: `${TITLE}: ${title}`, placeholder, items, canSelectMany: false, activeId, needs };
}

function repositoriesOf(d: LoginAnswers, ctx: LoginFlowContext): readonly Repository[] | undefined {
  const r = ctx.repositories;
  return r && r.domain === d.domain && r.owner === d.domainOwner ? r.list : undefined;
}

const definition = (first: LoginStep): FlowDefinition<LoginAnswers, LoginFlowContext, LoginStep, LoginAnswers> => ({
  first,
  steps: {
    domain: {
      id: 'domain',
      view: (d, ctx) => pick('domain', 'domain', 'The domain that holds the repository',
        ctx.domains.map((x) => ({ id: `${x.name}|${x.owner}`, label: x.name, description: `owner ${x.owner}` })), d.domain ? `${d.domain}|${d.domainOwner}` : undefined),
      apply: (d, a, ctx) => {
        const found = ctx.domains.find((x) => `${x.name}|${x.owner}` === idOf(a));
        return found ? { ...d, domain: found.name, domainOwner: found.owner } : { error: 'Choose a domain.' };
      },
      next: (d) => nextOpen('domain', d),
    },
    repository: {
      id: 'repository',
      view: (d, ctx) => {
        const list = repositoriesOf(d, ctx);
        return pick('repository', `repository in ${d.domain ?? ''}`, list?.length === 0 ? `${d.domain ?? 'The domain'} has no repositories` : 'The repository to log in to',
          (list ?? []).map((r) => ({ id: r.name, label: r.name, ...(r.description ? { description: r.description } : {}) })), d.repository, list ? undefined : 'repositories');
      },
      apply: (d, a, ctx) => {
        const name = idOf(a);
        return name && repositoriesOf(d, ctx)?.some((r) => r.name === name) ? { ...d, repository: name } : { error: 'Choose a repository.' };
      },
      next: (d) => nextOpen('repository', d),
    },
    tool: {
      id: 'tool',
      view: (d, ctx) => {
        const order = [...ctx.detected.map((x) => x.tool), ...TOOL_IDS.filter((t) => !ctx.detected.some((x) => x.tool === t))];
        return pick('tool', 'package manager', 'The tool that installs or publishes with this repository', order.map((t) => {
          const found = ctx.detected.find((x) => x.tool === t);
          return { id: t, label: TOOLS[t].label, description: found ? `detected: ${found.evidence}` : TOOLS[t].format };
        }), d.tool ?? ctx.detected[0]?.tool);
      },
      apply: (d, a) => {
        const tool = TOOL_IDS.find((t) => t === idOf(a));
        return tool ? { ...d, tool } : { error: 'Choose a package manager.' };
      },
      next: (d) => nextOpen('tool', d),
    },
    placement: {
      id: 'placement',
      view: (d, ctx) => {
        const info = TOOLS[d.tool ?? 'npm'];
        const preferred = PLACEMENTS.find((p) => info.placements[p].available && (p !== 'project' || ctx.hasProject));
        return pick('placement', `where ${info.label} gets the token`, 'Terminal only keeps the token off the disk', PLACEMENTS.map((p) => {
          const pl = info.placements[p];
          return { id: p, label: pl.available ? PLACEMENT_LABELS[p] : `$(circle-slash) ${PLACEMENT_LABELS[p]}`, ...(pl.available ? {} : { description: 'not available' }),
            detail: pl.available ? pl.detail : pl.reason };
        }), d.placement ?? preferred);
      },
      apply: (d, a) => {
        const placement = PLACEMENTS.find((p) => p === idOf(a));
        if (!placement || !d.tool) return { error: 'Choose where the token goes.' };
        const pl = TOOLS[d.tool].placements[placement];
        return pl.available ? { ...d, placement } : { error: `${TOOLS[d.tool].label}: "${placement}" is not available. ${pl.reason}.` };
      },
      next: (d) => nextOpen('placement', d),
    },
    scope: {
      id: 'scope',
      view: (d) => {
        const npm = TOOLS[d.tool ?? 'npm'].scopes === 'npm';
        return { kind: 'input', id: 'scope', title: `${TITLE}: ${npm ? 'npm scope' : 'Swift registry scope'} (optional)`,
          prompt: 'Only packages in this scope come from CodeArtifact. Leave empty to use it for every package.',
          placeholder: npm ? '@my-team' : 'my-team', value: d.scope ?? '' };
      },
      apply: (d, a) => ({ ...d, scope: 'text' in a ? a.text.trim() : '' }),
      next: (d) => nextOpen('scope', d),
    },
    pipOption: {
      id: 'pipOption',
      view: (d) => pick('pipOption', 'how pip uses the repository', 'Replace PyPI, or add an index', [
        { id: 'index-url', label: 'index-url', detail: 'Replace PyPI: every package comes from CodeArtifact (and its upstreams)' },
        { id: 'extra-index-url', label: 'extra-index-url', detail: 'Keep PyPI and add CodeArtifact as another index' },
      ], d.pipOption ?? 'index-url'),
      apply: (d, a) => {
        const v = idOf(a);
        return v === 'index-url' || v === 'extra-index-url' ? { ...d, pipOption: v } : { error: 'Choose one.' };
      },
      next: (d) => nextOpen('pipOption', d),
    },
    mavenMode: {
      id: 'mavenMode',
      view: (d) => pick('mavenMode', 'how Maven uses the repository', 'An extra repository, or a mirror of everything', [
        { id: 'repository', label: 'Repository', detail: 'An extra repository (and plugin repository); Maven Central stays' },
        { id: 'mirror', label: 'Mirror of everything', detail: 'All requests go to CodeArtifact (mirrorOf *)' },
      ], d.mavenMode ?? 'repository'),
      apply: (d, a) => {
        const v = idOf(a);
        return v === 'repository' || v === 'mirror' ? { ...d, mavenMode: v } : { error: 'Choose one.' };
      },
      next: (d) => nextOpen('mavenMode', d),
    },
  },
  finish: (d) => (d.domain && d.domainOwner && d.repository && d.tool && d.placement ? d : { error: 'Some answers are missing; go back and complete them.' }),
  prepare: async (view, d, ctx) => {
    if (view.needs !== 'repositories' || !d.domain || !d.domainOwner) return false;
    ctx.repositories = { domain: d.domain, owner: d.domainOwner, list: await ctx.listRepositories(d.domain, d.domainOwner) };
    return true;
  },
});

/** The login's questions, starting with the first one the preset answers leave open (undefined: none is). */
export function loginFlow(preset: LoginAnswers, ctx: LoginFlowContext): FlowEngine<LoginAnswers, LoginFlowContext, LoginStep, LoginAnswers> | undefined {
  const first = nextOpen(undefined, preset);
  return first === 'finish' ? undefined : new FlowEngine(definition(first), ctx, preset);
}
