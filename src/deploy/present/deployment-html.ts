// The deployment details page's body from its page model; every value is escaped by `html`.
import { actionButton, codicon, statusBadge, timeBar } from '../../core/detail-html';
import { html, type Html } from '../../core/html';
import type { DeploymentPage, EventRow, TargetSection } from '../model/deployment-page';

/** The only action the page offers: open link n of the page model. */
export const OPEN_LINK = 'open';

function eventRow(e: EventRow): Html {
  return html`<li class="row action">
<span class="cell-status">${statusBadge(e.status)}</span>
<span class="cell-name"><span class="name">${e.name}</span></span>
<span class="cell-started muted">${e.started ?? ''}</span>
${timeBar(e.bar, e.status.tone, `${e.name}: ${e.duration ?? 'not run'}`)}
<span class="cell-duration">${e.duration ?? '–'}</span>
${e.message || e.link ? html`<div class="row-detail">${e.message ? html`<span class="message${e.isError ? ' error' : ''}">${e.isError ? codicon('error') : ''}${e.message}</span>` : ''}${e.link ? html`<span class="links">${actionButton(OPEN_LINK, e.link.target, html`${codicon(e.link.icon)}${e.link.label}`)}</span>` : ''}</div>` : ''}
</li>`;
}

function targetSection(t: TargetSection): Html {
  return html`<section class="stage tone-${t.status.tone}" aria-label="${t.kind} ${t.id}">
<div class="row stage-row">
<span class="cell-status">${statusBadge(t.status)}</span>
<h2 class="cell-name">${t.id}<span class="muted provider">${t.kind}${t.detail ? ` · ${t.detail}` : ''}</span></h2>
<span class="cell-started"></span><span class="track empty"></span><span class="cell-duration"></span>
</div>
${t.events.length ? html`<ul class="actions" aria-label="Lifecycle events on ${t.id}">${t.events.map(eventRow)}</ul>` : html`<p class="muted note">No lifecycle event has run on this target yet.</p>`}
</section>`;
}

export function deploymentTitle(p: DeploymentPage): string {
  return p.title;
}

export function deploymentHtml(p: DeploymentPage): string {
  return html`<header class="page-header">
<h1>${statusBadge(p.status)}<span class="title">${p.id}</span><span class="muted">deployment</span></h1>
${p.summary ? html`<p class="summary${p.summaryIsError ? ' error' : ''}">${p.summaryIsError ? codicon('error') : ''}${p.summary}</p>` : ''}
<div class="toolbar"><span class="links">${actionButton(OPEN_LINK, p.consoleLink, html`${codicon('link-external')}Open in AWS Console`)}</span>${p.running ? html`<span class="live muted">${codicon('broadcast')}Running: reopen the details for the latest state</span>` : ''}</div>
</header>
<dl class="facts">${p.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>
<div class="timeline" role="list" aria-label="Targets">${p.targets.map((t) => html`<div role="listitem">${targetSection(t)}</div>`)}</div>
${p.targets.length === 0 ? html`<p class="muted note">No targets yet.</p>` : ''}
${p.moreTargets > 0 ? html`<p class="muted note">${p.moreTargets} more targets: expand the deployment in the Deployments view to page through them.</p>` : ''}`.text;
}
