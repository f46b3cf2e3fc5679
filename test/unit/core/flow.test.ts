import * as assert from 'node:assert/strict';
import { FlowEngine, type FlowDefinition } from '../../../src/core/flow';

type Step = 'name' | 'kind' | 'detail' | 'confirm';
interface Draft { name?: string; kind?: 'simple' | 'detailed'; detail?: string }

function definition(calls: string[] = []): FlowDefinition<Draft, { loaded: boolean }, Step, string> {
  return {
    first: 'name',
    steps: {
      name: {
        id: 'name', view: (d) => ({ kind: 'input', id: 'name', title: 'Name', prompt: 'A name', value: d.name ?? '' }),
        validate: (t) => (t.trim() ? undefined : 'Type a name'),
        apply: (d, a) => ('text' in a && a.text.trim() ? { ...d, name: a.text.trim() } : { error: 'Type a name' }),
        next: () => 'kind',
      },
      kind: {
        id: 'kind',
        view: (d, ctx) => ({ kind: 'pick', id: 'kind', title: 'Kind', placeholder: '', canSelectMany: false, needs: ctx.loaded ? undefined : 'kinds',
          items: [{ id: 'simple', label: 'Simple' }, { id: 'detailed', label: 'Detailed' }], activeId: d.kind }),
        apply: (d, a) => ('ids' in a && (a.ids[0] === 'simple' || a.ids[0] === 'detailed') ? { ...d, kind: a.ids[0] } : { error: 'Choose one' }),
        next: (d) => (d.kind === 'detailed' ? 'detail' : 'confirm'),
      },
      detail: {
        id: 'detail', view: (d) => ({ kind: 'input', id: 'detail', title: 'Detail', prompt: '', value: d.detail ?? '' }),
        apply: (d, a) => ({ ...d, detail: 'text' in a ? a.text : '' }),
        next: () => 'confirm',
      },
      confirm: {
        id: 'confirm', view: () => ({ kind: 'pick', id: 'confirm', title: 'Create?', placeholder: '', canSelectMany: false, items: [{ id: 'yes', label: 'Yes' }] }),
        apply: (d) => d,
        next: () => 'finish',
      },
    },
    finish: (d) => (d.name ? `${d.name}:${d.kind}${d.detail ? `:${d.detail}` : ''}` : { error: 'No name' }),
    prepare: async (view, _draft, ctx) => {
      calls.push(view.needs ?? '');
      ctx.loaded = true;
      return true;
    },
  };
}

describe('multi-step flow engine', () => {
  it('numbers each step out of the steps the answers lead through ("Step n of N")', () => {
    const flow = new FlowEngine(definition(), { loaded: true }, {});
    assert.deepEqual([flow.show().number, flow.show().total, flow.show().canGoBack], [1, 3, false]);
    flow.submit({ text: 'api' });
    assert.deepEqual([flow.show().number, flow.show().total, flow.show().canGoBack], [2, 3, true]);
    flow.submit({ ids: ['detailed'] });
    assert.deepEqual([flow.current, flow.show().number, flow.show().total], ['detail', 3, 4], 'a longer path counts its extra step');
  });

  it('goes back to the draft a step was shown with, and finishes with the result', () => {
    const flow = new FlowEngine(definition(), { loaded: true }, {});
    flow.submit({ text: 'api' });
    flow.submit({ ids: ['detailed'] });
    assert.equal(flow.back(), true);
    assert.equal(flow.current, 'kind');
    assert.equal(flow.draft.kind, undefined, 'the answer given after this step is undone');
    flow.submit({ ids: ['simple'] });
    assert.equal(flow.current, 'confirm');
    assert.deepEqual(flow.submit({ ids: ['yes'] }), { status: 'done', result: 'api:simple' });
    assert.equal(new FlowEngine(definition(), { loaded: true }, {}).back(), false, 'no Back on the first step');
  });

  it('keeps the step and says why when an answer is refused', () => {
    const flow = new FlowEngine(definition(), { loaded: true }, {});
    assert.equal(flow.validate('  '), 'Type a name');
    assert.deepEqual(flow.submit({ text: ' ' }), { status: 'invalid', message: 'Type a name' });
    assert.equal(flow.current, 'name');
  });

  it('lets a flow keep later answers as defaults when going back', () => {
    const keep: FlowDefinition<Draft, { loaded: boolean }, Step, string> = { ...definition(), restore: (shown, later) => (later.name === undefined ? shown : { ...shown, name: later.name }) };
    const flow = new FlowEngine(keep, { loaded: true }, {});
    flow.submit({ text: 'api' });
    flow.back();
    assert.equal(flow.draft.name, 'api');
  });

  it('loads what a step needs before it is answered', async () => {
    const calls: string[] = [];
    const flow = new FlowEngine(definition(calls), { loaded: false }, {});
    assert.equal(await flow.prepare(), false, 'an input step needs nothing');
    flow.submit({ text: 'api' });
    assert.equal(await flow.prepare(), true);
    assert.deepEqual(calls, ['kinds']);
    const view = flow.show().view;
    assert.ok(view.kind === 'pick' && view.needs === undefined, 'the step has what it needs now');
  });
});
