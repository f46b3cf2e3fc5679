// The list level every polling explorer's tree shares: one root per account/region whose item names are
// filtered by name and shown a page at a time ("Show 50 more…"), each root collapsible when there are
// several.
import { matchesFilter } from './name-filter';

export class RootPaging {
  private filterText = '';
  private readonly shown = new Map<string, number>();
  private readonly collapsed = new Set<string>();

  constructor(public pageSize: number) {}

  get filter(): string {
    return this.filterText;
  }

  /** Sets the name filter; paging starts over. Returns true when it changed. */
  setFilter(text: string): boolean {
    const next = text.trim();
    if (next === this.filterText) return false;
    this.filterText = next;
    this.shown.clear();
    return true;
  }

  /** The names that pass the filter, in the order given. */
  filterNames(names: readonly string[]): string[] {
    return this.filterText ? names.filter((n) => matchesFilter(n, this.filterText)) : [...names];
  }

  /** Shows the next page of a root's items. */
  showMore(root: string): void {
    this.shown.set(root, this.shownCount(root) + this.pageSize);
  }

  shownCount(root: string): number {
    return this.shown.get(root) ?? this.pageSize;
  }

  setRootExpanded(root: string, expanded: boolean): void {
    if (expanded) this.collapsed.delete(root);
    else this.collapsed.add(root);
  }

  /** Whether a root's rows are hidden (only several roots are nodes of their own that can collapse). */
  isHidden(root: string, roots: number): boolean {
    return roots > 1 && this.collapsed.has(root);
  }
}
