// The deployment order: a list of stages and waves the person grows one entry at a time.
import { allStages, checkAccount, checkRegion, checkStageName, type DeploymentAnswer } from '../answers';
import { withoutAnswers, type PickItem, type StepDefinition, type WizardDraft } from './model';
import { NO, YES, approvalItems, idOf, idsOf, regionItems, textOf } from './step-kit';

const TITLE = 'New CDK Pipeline Project: stages';

export const ADD_STAGE = 'add-stage';
export const ADD_WAVE = 'add-wave';
export const DONE = 'done';
export const REMOVE = 'remove';
export const KEEP = 'keep';

/** Names already used by stages and waves (they must be unique across the pipeline). */
export function takenNames(d: WizardDraft): string[] {
  return d.deployments.flatMap((x) => (x.kind === 'stage' ? [x.stage.name] : [x.name, ...x.stages.map((s) => s.name)]));
}

export function describeDeployment(x: DeploymentAnswer): { label: string; description: string } {
  const gate = x.approval ? 'approval → ' : '';
  if (x.kind === 'stage') return { label: x.stage.name, description: `${gate}${x.stage.account} · ${x.stage.region}` };
  const accounts = [...new Set(x.stages.map((s) => s.account))].join(', ');
  return { label: `${x.name} (wave)`, description: `${gate}${accounts} · ${x.stages.map((s) => s.region).join(', ')} in parallel` };
}

export const deploymentsStep: StepDefinition = {
  id: 'deployments',
  view: (d) => {
    const entries: PickItem[] = d.deployments.map((x, i) => ({ id: `entry:${i}`, ...describeDeployment(x), detail: 'Select to remove' }));
    const items: PickItem[] = [
      ...(entries.length ? [{ id: 'sep-order', label: 'Deployment order', separator: true }, ...entries, { id: 'sep-actions', label: '', separator: true }] : []),
      { id: ADD_STAGE, label: '$(add) Add a stage', description: 'one environment: name, account, region' },
      { id: ADD_WAVE, label: '$(layers) Add a wave', description: 'the same app in several regions, deployed in parallel' },
      { id: DONE, label: '$(check) Done', description: entries.length ? `${allStages(d.deployments).length} stage(s)` : 'add a stage first' },
    ];
    return {
      kind: 'pick', id: 'deployments', title: TITLE, canSelectMany: false, items,
      placeholder: entries.length ? 'Add more stages, or Done' : 'Add the first stage the pipeline deploys to',
      activeId: entries.length ? DONE : ADD_STAGE,
    };
  },
  apply: (d, a) => {
    const id = idOf(a);
    if (id === ADD_STAGE) return { ...withoutAnswers(d, 'pendingWave'), pendingStage: {} };
    if (id === ADD_WAVE) return { ...withoutAnswers(d, 'pendingStage'), pendingWave: {} };
    if (id === DONE) return d.deployments.length ? withoutAnswers(d, 'pendingStage', 'pendingWave') : { error: 'Add at least one stage first.' };
    const index = id?.startsWith('entry:') ? Number(id.slice('entry:'.length)) : NaN;
    if (Number.isInteger(index) && d.deployments[index]) return { ...d, selectedDeployment: index };
    return { error: 'Choose an entry.' };
  },
  next: (d) => (d.pendingStage ? 'stageName' : d.pendingWave ? 'waveName' : d.selectedDeployment !== undefined ? 'removeDeployment' : 'options'),
};

export const removeDeploymentStep: StepDefinition = {
  id: 'removeDeployment',
  view: (d) => {
    const x = d.deployments[d.selectedDeployment ?? -1];
    const name = x ? describeDeployment(x).label : '';
    return {
      kind: 'pick', id: 'removeDeployment', title: TITLE, canSelectMany: false, placeholder: name,
      items: [{ id: REMOVE, label: `$(trash) Remove ${name}` }, { id: KEEP, label: 'Keep it' }], activeId: KEEP,
    };
  },
  apply: (d, a) => {
    const id = idOf(a);
    if (id !== REMOVE && id !== KEEP) return { error: 'Choose whether to remove it.' };
    const deployments = id === REMOVE ? d.deployments.filter((_, i) => i !== d.selectedDeployment) : d.deployments;
    return { ...withoutAnswers(d, 'selectedDeployment'), deployments };
  },
  next: () => 'deployments',
};

function suggestName(d: WizardDraft, candidates: string[]): string {
  const taken = takenNames(d).map((n) => n.toLowerCase());
  return candidates.find((c) => !taken.includes(c.toLowerCase())) ?? `Stage${d.deployments.length + 1}`;
}

// ---- a single stage: name → account → region → approval ----

export const stageNameStep: StepDefinition = {
  id: 'stageName',
  view: (d) => ({
    kind: 'input', id: 'stageName', title: TITLE, value: d.pendingStage?.name ?? suggestName(d, ['Beta', 'Gamma', 'Prod']),
    prompt: 'Stage name (e.g. Beta, Prod): names the CodePipeline stage and prefixes its stacks',
  }),
  validate: (text, d) => checkStageName(text.trim(), takenNames(d)),
  apply: (d, a) => {
    const name = textOf(a) ?? '';
    const error = checkStageName(name, takenNames(d));
    return error ? { error } : { ...d, pendingStage: { ...d.pendingStage, name } };
  },
  next: () => 'stageAccount',
};

function lastAccount(d: WizardDraft): string | undefined {
  return allStages(d.deployments).at(-1)?.account ?? d.pipelineAccount;
}

export const stageAccountStep: StepDefinition = {
  id: 'stageAccount',
  view: (d) => ({
    kind: 'input', id: 'stageAccount', title: TITLE, value: d.pendingStage?.account ?? lastAccount(d) ?? '',
    placeholder: '123456789012',
    prompt: `Account stage ${d.pendingStage?.name ?? ''} deploys to (the pipeline runs in ${d.pipelineAccount ?? '?'}; another account turns on cross-account keys)`,
  }),
  validate: (text) => checkAccount(text.trim()),
  apply: (d, a) => {
    const account = textOf(a) ?? '';
    const error = checkAccount(account);
    return error ? { error } : { ...d, pendingStage: { ...d.pendingStage, account } };
  },
  next: () => 'stageRegion',
};

export const stageRegionStep: StepDefinition = {
  id: 'stageRegion',
  view: (d, ctx) => ({
    kind: 'pick', id: 'stageRegion', title: TITLE, canSelectMany: false, items: regionItems(ctx),
    placeholder: `Region stage ${d.pendingStage?.name ?? ''} deploys to`,
    activeId: d.pendingStage?.region ?? d.pipelineRegion ?? ctx.defaultRegion, custom: { label: 'Use region' },
  }),
  validate: (text) => checkRegion(text.trim()),
  apply: (d, a) => {
    const region = idOf(a) ?? textOf(a) ?? '';
    const error = checkRegion(region);
    return error ? { error } : { ...d, pendingStage: { ...d.pendingStage, region } };
  },
  next: () => 'stageApproval',
};

export const stageApprovalStep: StepDefinition = {
  id: 'stageApproval',
  view: (d) => ({
    kind: 'pick', id: 'stageApproval', title: TITLE, canSelectMany: false, items: approvalItems(`stage ${d.pendingStage?.name ?? ''}`),
    placeholder: `Gate stage ${d.pendingStage?.name ?? ''} behind a manual approval?`,
    // Promotions after the first stage usually want a person in the loop.
    activeId: d.deployments.length ? YES : NO,
  }),
  apply: (d, a) => {
    const id = idOf(a);
    const p = d.pendingStage;
    if (id !== YES && id !== NO) return { error: 'Choose whether to require an approval.' };
    if (!p?.name || !p.account || !p.region) return { error: 'The stage is incomplete; go back and fill it in.' };
    const entry: DeploymentAnswer = { kind: 'stage', stage: { name: p.name, account: p.account, region: p.region }, approval: id === YES };
    return { ...withoutAnswers(d, 'pendingStage'), deployments: [...d.deployments, entry] };
  },
  next: () => 'deployments',
};

// ---- a wave: name → account → regions → approval; one stage per region named <wave>-<region> ----

export function waveStageNames(wave: string, regions: readonly string[]): string[] {
  return regions.map((r) => `${wave}-${r}`);
}

export const waveNameStep: StepDefinition = {
  id: 'waveName',
  view: (d) => ({
    kind: 'input', id: 'waveName', title: TITLE, value: d.pendingWave?.name ?? suggestName(d, ['Prod', 'Global']),
    prompt: 'Wave name: its stages (one per region, named <wave>-<region>) deploy in parallel',
  }),
  validate: (text, d) => checkStageName(text.trim(), takenNames(d)),
  apply: (d, a) => {
    const name = textOf(a) ?? '';
    const error = checkStageName(name, takenNames(d));
    return error ? { error } : { ...d, pendingWave: { ...d.pendingWave, name } };
  },
  next: () => 'waveAccount',
};

export const waveAccountStep: StepDefinition = {
  id: 'waveAccount',
  view: (d) => ({
    kind: 'input', id: 'waveAccount', title: TITLE, value: d.pendingWave?.account ?? lastAccount(d) ?? '',
    placeholder: '123456789012', prompt: `Account wave ${d.pendingWave?.name ?? ''} deploys to`,
  }),
  validate: (text) => checkAccount(text.trim()),
  apply: (d, a) => {
    const account = textOf(a) ?? '';
    const error = checkAccount(account);
    return error ? { error } : { ...d, pendingWave: { ...d.pendingWave, account } };
  },
  next: () => 'waveRegions',
};

export const waveRegionsStep: StepDefinition = {
  id: 'waveRegions',
  view: (d, ctx) => ({
    kind: 'pick', id: 'waveRegions', title: TITLE, canSelectMany: true,
    items: regionItems(ctx, d.pendingWave?.regions ?? [d.pipelineRegion ?? ctx.defaultRegion]),
    placeholder: `Regions wave ${d.pendingWave?.name ?? ''} deploys to in parallel (check each)`,
  }),
  apply: (d, a) => {
    const regions = idsOf(a) ?? [];
    if (regions.length === 0) return { error: 'Check at least one region.' };
    const bad = regions.find((r) => checkRegion(r));
    if (bad) return { error: `${bad}: ${checkRegion(bad) ?? ''}` };
    const wave = d.pendingWave?.name ?? '';
    const taken = [...takenNames(d), wave];
    const clash = waveStageNames(wave, regions).find((n) => checkStageName(n, taken));
    if (clash) return { error: `${clash}: ${checkStageName(clash, taken) ?? ''}` };
    return { ...d, pendingWave: { ...d.pendingWave, regions } };
  },
  next: () => 'waveApproval',
};

export const waveApprovalStep: StepDefinition = {
  id: 'waveApproval',
  view: (d) => ({
    kind: 'pick', id: 'waveApproval', title: TITLE, canSelectMany: false, items: approvalItems(`wave ${d.pendingWave?.name ?? ''}`),
    placeholder: `Gate wave ${d.pendingWave?.name ?? ''} behind a manual approval?`, activeId: d.deployments.length ? YES : NO,
  }),
  apply: (d, a) => {
    const id = idOf(a);
    const w = d.pendingWave;
    if (id !== YES && id !== NO) return { error: 'Choose whether to require an approval.' };
    if (!w?.name || !w.account || !w.regions?.length) return { error: 'The wave is incomplete; go back and fill it in.' };
    const account = w.account;
    const names = waveStageNames(w.name, w.regions);
    const stages = w.regions.map((region, i) => ({ name: names[i] ?? `${w.name}-${region}`, account, region }));
    const entry: DeploymentAnswer = { kind: 'wave', name: w.name, stages, approval: id === YES };
    return { ...withoutAnswers(d, 'pendingWave'), deployments: [...d.deployments, entry] };
  },
  next: () => 'deployments',
};
