// The one multi-step flow (wizard) engine, without editor types: which step is showing, its number out
// of the steps the current answers lead through, what an answer does, and Back. The editor kit renders
// `show()` as a quick input with a Back button; host tests drive the same engine with scripted answers.

export interface FlowPickItem {
  id: string;
  label: string;
  description?: string;
  detail?: string;
  /** Initially checked (multi-select steps). */
  picked?: boolean;
  /** Rendered as a separator line, never selectable. */
  separator?: boolean;
}

interface ViewBase<Id extends string> {
  id: Id;
  title: string;
}

export interface FlowInputView<Id extends string = string> extends ViewBase<Id> {
  kind: 'input';
  prompt: string;
  placeholder?: string;
  /** Prefilled value (the default or the earlier answer). */
  value: string;
}

export interface FlowPickView<Id extends string = string> extends ViewBase<Id> {
  kind: 'pick';
  placeholder: string;
  items: FlowPickItem[];
  canSelectMany: boolean;
  /** Item to highlight first (the default or the earlier answer); none when undefined. */
  activeId?: string | undefined;
  /** Typed text is accepted as an answer; the label shown for it. */
  custom?: { label: string };
  /** The flow must load something before this step can be answered (see `FlowDefinition.prepare`); undefined: nothing. */
  needs?: string | undefined;
}

export type FlowView<Id extends string = string> = FlowInputView<Id> | FlowPickView<Id>;

/** What the person did at a step: typed text (input or custom pick value), or chose items. */
export type FlowAnswer = { text: string } | { ids: string[] };

export interface FlowStep<Draft, Ctx, Id extends string> {
  id: Id;
  view(draft: Draft, ctx: Ctx): FlowView<Id>;
  /** Message for typed text (input steps, custom pick values); undefined when acceptable. */
  validate?(text: string, draft: Draft, ctx: Ctx): string | undefined;
  /** The new draft, or a message when the answer can't be taken. */
  apply(draft: Draft, answer: FlowAnswer, ctx: Ctx): Draft | { error: string };
  next(draft: Draft, ctx: Ctx): Id | 'finish';
}

export interface FlowDefinition<Draft, Ctx, Id extends string, Result> {
  first: Id;
  steps: Readonly<Record<Id, FlowStep<Draft, Ctx, Id>>>;
  /** The result once the last step is answered, or why the answers are not complete. */
  finish(draft: Draft, ctx: Ctx): Result | { error: string };
  /**
   * The draft after going back to a step: by default exactly the one that step was shown with.
   * Flows may keep later answers as defaults (`later` is the draft Back was pressed in).
   */
  restore?(shownWith: Draft, later: Draft): Draft;
  /** Loads what a step `needs` (e.g. lists from AWS) into the context; true when the view changed. */
  prepare?(view: FlowPickView<Id>, draft: Draft, ctx: Ctx): Promise<boolean>;
}

export type FlowSubmitResult<Id extends string, Result> =
  | { status: 'next'; step: Id }
  | { status: 'invalid'; message: string }
  | { status: 'done'; result: Result };

export interface ShownStep<Id extends string> {
  view: FlowView<Id>;
  /** 1-based position on the path taken so far. */
  number: number;
  /** The steps the current answers lead through, this one and those already answered included. */
  total: number;
  canGoBack: boolean;
}

/** What the editor kit (and the scripted test UI) runs: any engine, whatever its draft and result. */
export interface Flow<Result> {
  show(): ShownStep<string>;
  validate(text: string): string | undefined;
  submit(answer: FlowAnswer): FlowSubmitResult<string, Result>;
  back(): boolean;
  prepare(): Promise<boolean>;
}

const MAX_PATH = 100;

export class FlowEngine<Draft, Ctx, Id extends string, Result> implements Flow<Result> {
  private readonly history: { step: Id; draft: Draft }[] = [];
  private step: Id;

  constructor(private readonly definition: FlowDefinition<Draft, Ctx, Id, Result>, private readonly ctx: Ctx, private state: Draft) {
    this.step = definition.first;
  }

  get current(): Id {
    return this.step;
  }

  get draft(): Draft {
    return this.state;
  }

  get context(): Ctx {
    return this.ctx;
  }

  show(): ShownStep<Id> {
    const number = this.history.length + 1;
    return {
      view: this.definition.steps[this.step].view(this.state, this.ctx),
      number, total: number + this.remaining(), canGoBack: this.history.length > 0,
    };
  }

  /** Steps after this one if the person accepts what they show (a loop counts once). */
  private remaining(): number {
    const seen = new Set<Id>([this.step]);
    let count = 0;
    let at = this.step;
    while (count < MAX_PATH) {
      const next = this.definition.steps[at].next(this.state, this.ctx);
      if (next === 'finish' || seen.has(next)) break;
      seen.add(next);
      count++;
      at = next;
    }
    return count;
  }

  /** Live validation of typed text; undefined when acceptable or the step takes no text. */
  validate(text: string): string | undefined {
    return this.definition.steps[this.step].validate?.(text, this.state, this.ctx);
  }

  submit(answer: FlowAnswer): FlowSubmitResult<Id, Result> {
    const step = this.definition.steps[this.step];
    const applied = step.apply(this.state, answer, this.ctx);
    if (isError(applied)) return { status: 'invalid', message: applied.error };
    const next = step.next(applied, this.ctx);
    if (next === 'finish') {
      const result = this.definition.finish(applied, this.ctx);
      if (isError(result)) return { status: 'invalid', message: result.error };
      this.state = applied;
      return { status: 'done', result };
    }
    this.history.push({ step: this.step, draft: this.state });
    this.step = next;
    this.state = applied;
    return { status: 'next', step: next };
  }

  /** Returns to the previous step (see `FlowDefinition.restore`); false on the first step. */
  back(): boolean {
    const previous = this.history.pop();
    if (!previous) return false;
    this.step = previous.step;
    this.state = this.definition.restore ? this.definition.restore(previous.draft, this.state) : previous.draft;
    return true;
  }

  async prepare(): Promise<boolean> {
    const view = this.show().view;
    if (view.kind !== 'pick' || !view.needs || !this.definition.prepare) return false;
    return this.definition.prepare(view, this.state, this.ctx);
  }
}

function isError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value).error === 'string'
    && Object.keys(value).length === 1;
}
