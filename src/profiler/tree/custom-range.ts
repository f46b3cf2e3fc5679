// "Custom range…" as a multi-step flow: pick the first hourly profile, then the last (only those within
// a week of it), or type a start/end pair instead.
import { FlowEngine, type FlowDefinition, type FlowPickItem } from '../../core/flow';
import { customRange, describeRange, RANGE_MS, type TimeRange } from '../model/time-ranges';

type Step = 'from' | 'typed' | 'to';

interface Draft {
  start?: Date;
  typed?: boolean;
  range?: TimeRange;
}

interface Context {
  group: string;
  /** Start times of the group's hourly profiles, newest first. */
  times: readonly Date[];
}

const HOUR = 3_600_000;
const TYPE_IT = 'type';

function hourItem(t: Date): FlowPickItem {
  return { id: t.toISOString(), label: describeRange({ start: t, end: new Date(t.getTime() + HOUR) }) };
}

/** "start/end" as typed, e.g. 2024-03-23T09:00Z/2024-03-23T17:00Z. */
function parseTyped(text: string): TimeRange | string {
  const [s, e] = text.split('/');
  return customRange(new Date(s?.trim() ?? ''), new Date(e?.trim() ?? ''));
}

const definition: FlowDefinition<Draft, Context, Step, TimeRange> = {
  first: 'from',
  steps: {
    from: {
      id: 'from',
      view: (draft, ctx) => ({
        kind: 'pick', id: 'from', title: `Custom range for ${ctx.group}: from`, placeholder: 'The first hourly profile to include',
        canSelectMany: false, items: [{ id: TYPE_IT, label: '$(edit) Type a range…' }, ...ctx.times.map(hourItem)],
        activeId: draft.start?.toISOString(),
      }),
      apply: (_draft, answer) => {
        const id = 'ids' in answer ? answer.ids[0] : undefined;
        if (!id) return { error: 'Choose the first hour, or type a range.' };
        return id === TYPE_IT ? { typed: true } : { start: new Date(id) };
      },
      next: (draft) => (draft.typed ? 'typed' : 'to'),
    },
    typed: {
      id: 'typed',
      view: (_draft, ctx) => ({
        kind: 'input', id: 'typed', title: `Custom range for ${ctx.group}`, prompt: 'Start and end (UTC, at most one week apart)',
        placeholder: '2024-03-23T09:00Z/2024-03-23T17:00Z', value: '',
      }),
      validate: (text) => {
        const r = parseTyped(text);
        return typeof r === 'string' ? r : undefined;
      },
      apply: (draft, answer) => {
        const r = parseTyped('text' in answer ? answer.text : '');
        return typeof r === 'string' ? { error: r } : { ...draft, range: r };
      },
      next: () => 'finish',
    },
    to: {
      id: 'to',
      view: (draft, ctx) => {
        const from = draft.start?.getTime() ?? 0;
        const candidates = ctx.times.filter((t) => t.getTime() >= from && t.getTime() + HOUR - from <= RANGE_MS.week);
        return {
          kind: 'pick', id: 'to', title: `Custom range for ${ctx.group}: to`, placeholder: 'The last hourly profile to include',
          canSelectMany: false, items: candidates.map(hourItem),
        };
      },
      apply: (draft, answer) => {
        const id = 'ids' in answer ? answer.ids[0] : undefined;
        if (!id || !draft.start) return { error: 'Choose the last hour to include.' };
        const r = customRange(draft.start, new Date(new Date(id).getTime() + HOUR));
        return typeof r === 'string' ? { error: r } : { ...draft, range: r };
      },
      next: () => 'finish',
    },
  },
  finish: (draft) => draft.range ?? { error: 'Choose a range first.' },
};

export function customRangeFlow(group: string, times: readonly Date[]): FlowEngine<Draft, Context, Step, TimeRange> {
  return new FlowEngine(definition, { group, times }, {});
}
