// The one multi-step flow (wizard) engine, without editor types: which step is showing, its number out
// of the steps the current answers lead through, what an answer does, and Back. A pick step with a
// single choice (one domain, one repository) is answered by itself: never shown, never counted. The editor kit renders
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
  /** A page with the details the short prompt leaves out (a "Learn more" button on the step). */
  learnMore?: string;
  /** The flow must load something before this step can be answered (see `FlowDefinition.prepare`); undefined: nothing. */
  needs?: string | undefined;
}

export interface FlowInputView<Id extends string = string> extends ViewBase<Id> {
  kind: 'input';
  prompt: string;
  placeholder?: string;
  /** Prefilled value (the default or the earlier answer). */
  value: string;
  /** The value is a folder: a Browse button picks it with the open dialog. */
  browse?: 'folder';
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
  /** Loads what a step `needs` (lists or defaults from AWS) into the context; true when the view changed. */
  prepare?(view: FlowView<Id>, draft: Draft, ctx: Ctx): Promise<boolean>;
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
  /** Steps answered so far; `auto` ones had a single choice and were answered by the engine. */
  private readonly history: { step: Id; draft: Draft; auto: boolean }[] = [];
  private step: Id;

  constructor(private readonly definition: FlowDefinition<Draft, Ctx, Id, Result>, private readonly ctx: Ctx, private state: Draft) {
    this.step = definition.first;
    this.skipSingleChoices();
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
    const number = this.asked() + 1;
    return {
      view: this.definition.steps[this.step].view(this.state, this.ctx),
      number, total: number + this.remaining(), canGoBack: this.asked() > 0,
    };
  }

  /** Steps the person answered (those answered by the engine are not counted). */
  private asked(): number {
    return this.history.filter((h) => !h.auto).length;
  }

  /** Steps after this one the person will be asked if they accept what they show (a loop counts once). */
  private remaining(): number {
    const seen = new Set<Id>([this.step]);
    let count = 0;
    let at = this.step;
    for (let walked = 0; walked < MAX_PATH; walked++) {
      const next = this.definition.steps[at].next(this.state, this.ctx);
      if (next === 'finish' || seen.has(next)) break;
      seen.add(next);
      if (this.singleChoice(next, this.state) === undefined) count++;
      at = next;
    }
    return count;
  }

  /**
   * The draft after answering `step` by itself, when it is a pick with exactly one choice that needs
   * nothing loaded or typed and does not end the flow (a last confirmation is always shown).
   */
  private singleChoice(step: Id, draft: Draft): Draft | undefined {
    const definition = this.definition.steps[step];
    const view = definition.view(draft, this.ctx);
    if (view.kind !== 'pick' || view.canSelectMany || view.custom || view.needs) return undefined;
    const choices = view.items.filter((i) => !i.separator);
    if (choices.length !== 1) return undefined;
    const applied = definition.apply(draft, { ids: [choices[0]!.id] }, this.ctx);
    if (isError(applied) || definition.next(applied, this.ctx) === 'finish') return undefined;
    return applied;
  }

  private skipSingleChoices(): void {
    for (let skipped = 0; skipped < MAX_PATH; skipped++) {
      const applied = this.singleChoice(this.step, this.state);
      if (applied === undefined) return;
      const next = this.definition.steps[this.step].next(applied, this.ctx);
      if (next === 'finish') return;
      this.history.push({ step: this.step, draft: this.state, auto: true });
      this.step = next;
      this.state = applied;
    }
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
    this.history.push({ step: this.step, draft: this.state, auto: false });
    this.step = next;
    this.state = applied;
    this.skipSingleChoices();
    return { status: 'next', step: this.step };
  }

  /**
   * Returns to the previous step the person answered, over those the engine answered (see
   * `FlowDefinition.restore`); false when there is none.
   */
  back(): boolean {
    if (this.asked() === 0) return false;
    let previous = this.history.pop();
    while (previous?.auto) previous = this.history.pop();
    if (!previous) return false;
    this.step = previous.step;
    this.state = this.definition.restore ? this.definition.restore(previous.draft, this.state) : previous.draft;
    return true;
  }

  /** Loads what the step needs; a list that turns out to hold one choice answers the step (then `show()` moves on). */
  async prepare(): Promise<boolean> {
    const view = this.show().view;
    if (!view.needs || !this.definition.prepare) return false;
    const changed = await this.definition.prepare(view, this.state, this.ctx);
    if (changed) this.skipSingleChoices();
    return changed;
  }
}

function isError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value).error === 'string'
    && Object.keys(value).length === 1;
}
