// The execution timeline page's body from its view model; every value is escaped by `html`.
import { actionButton, codicon, statusBadge, timeBar } from '../../core/detail-html';
import { html, type Html } from '../../core/html';
import type { ActionView, LinkView, RuleView, StageView, TimelineView } from './timeline-view';

/** The only action the timeline page offers: open target n of the view. */
export const OPEN_TARGET = 'open';

function linkButtons(links: readonly LinkView[]): Html {
  return html`<span class="links">${links.map((l) => actionButton(OPEN_TARGET, l.target, html`${codicon(l.icon)}${l.label}`))}</span>`;
}

function actionRow(a: ActionView): Html {
  const name = a.primary !== undefined
    ? actionButton(OPEN_TARGET, a.primary, html`${a.name}`, { className: 'link-button name', title: a.links[0]?.label ?? 'Open' })
    : html`<span class="name">${a.name}</span>`;
  return html`<li class="row action">
<span class="cell-status">${statusBadge(a.status)}</span>
<span class="cell-name">${name}${a.provider ? html`<span class="muted provider">${a.provider}</span>` : ''}</span>
<span class="cell-started muted">${a.started ?? ''}</span>
${timeBar(a.bar, a.status.tone, `${a.name}: ${a.duration ?? 'not started'}`)}
<span class="cell-duration">${a.duration ?? '–'}</span>
${a.message || a.links.length ? html`<div class="row-detail">${a.message ? html`<span class="message${a.isError ? ' error' : ''}">${a.isError ? codicon('error') : ''}${a.message}</span>` : ''}${linkButtons(a.links)}</div>` : ''}
</li>`;
}

function ruleRow(r: RuleView): Html {
  return html`<li class="row rule">
<span class="cell-status">${statusBadge(r.status)}</span>
<span class="cell-name"><span class="name">${codicon('shield')}${r.name}</span>${r.provider ? html`<span class="muted provider">${r.provider}</span>` : ''}</span>
<span class="cell-started"></span><span class="track empty"></span>
<span class="cell-duration">${r.duration ?? '–'}</span>
${r.message || r.links.length ? html`<div class="row-detail">${r.message ? html`<span class="message">${r.message}</span>` : ''}${linkButtons(r.links)}</div>` : ''}
</li>`;
}

function stageSection(s: StageView): Html {
  return html`<section class="stage tone-${s.status.tone}" aria-label="Stage ${s.name}">
<div class="row stage-row">
<span class="cell-status">${statusBadge(s.status)}</span>
<h2 class="cell-name">${s.name}</h2>
<span class="cell-started"></span>
${timeBar(s.bar, s.status.tone, `${s.name}: ${s.duration ?? 'not reached'}`)}
<span class="cell-duration">${s.duration ?? '–'}</span>
</div>
${s.rules.length ? html`<ul class="rules" aria-label="Conditions of ${s.name}">${s.rules.map(ruleRow)}</ul>` : ''}
${s.actions.length ? html`<ul class="actions">${s.actions.map(actionRow)}</ul>`
    : s.blocked ? '' : html`<p class="muted note">This execution did not reach this stage.</p>`}
</section>`;
}

export function timelineTitle(v: TimelineView): string {
  return `${v.pipelineName} · ${v.executionId.slice(0, 8)}`;
}

export function timelineHtml(v: TimelineView): string {
  return html`<header class="page-header">
<h1>${statusBadge(v.status)}<span class="title">${v.pipelineName}</span><span class="muted">execution ${v.executionId.slice(0, 8)}</span></h1>
${v.statusSummary ? html`<p class="summary">${v.statusSummary}</p>` : ''}
<div class="toolbar">${linkButtons(v.links)}${v.running ? html`<span class="live muted">${codicon('broadcast')}Live: updates as the execution runs</span>` : ''}</div>
</header>
<dl class="facts">${v.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.target !== undefined ? actionButton(OPEN_TARGET, f.target, html`${f.value}`) : f.value}</dd>`)}</dl>
<div class="timeline" role="list" aria-label="Stages">${v.stages.map((s) => html`<div role="listitem">${stageSection(s)}</div>`)}</div>
${v.variables.length ? html`<section class="variables"><h2>Variables</h2><table><thead><tr><th>Variable</th><th>Value</th><th>Output by</th></tr></thead><tbody>${v.variables.map((x) => html`<tr><td><code>${x.reference}</code></td><td><code>${x.value}</code></td><td>${x.outputBy}</td></tr>`)}</tbody></table></section>` : ''}`.text;
}
