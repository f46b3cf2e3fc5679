/**
 * Tree nodes by id, so a view gets the same object for the same node on every refresh (VS Code keys
 * expansion and selection on it); a node produced again is updated in place with the new data.
 */
export class NodeCache<N extends { id: string; kind: string }> {
  private readonly nodes = new Map<string, N>();

  get(id: string): N | undefined {
    return this.nodes.get(id);
  }

  node<T extends N>(fresh: T): T {
    const existing = this.nodes.get(fresh.id);
    if (existing && existing.kind === fresh.kind) {
      for (const k of Object.keys(existing)) if (!(k in fresh)) delete (existing as Record<string, unknown>)[k];
      Object.assign(existing, fresh);
      return existing as T;
    }
    this.nodes.set(fresh.id, fresh);
    return fresh;
  }
}
