import type { AgentProfile } from './profile-tree';
import { truncate } from './profile-tree';

/**
 * Serialises a group's profile for GetProfile. The call graph of the large profile is several MB of
 * JSON, so its text is made once per maxDepth and only start/end change between requests.
 */
export class ProfileBytes {
  private readonly graphs = new Map<number, string>();
  private metadata?: string;

  constructor(private readonly profile: () => AgentProfile) {}

  json(start: number, end: number, maxDepth?: number): Buffer {
    const p = this.profile();
    const depth = maxDepth ?? 0;
    let graph = this.graphs.get(depth);
    if (graph === undefined) {
      graph = JSON.stringify(maxDepth === undefined ? p.callgraph : truncate(p.callgraph, maxDepth));
      this.graphs.set(depth, graph);
    }
    this.metadata ??= JSON.stringify(p.agentMetadata ?? {});
    return Buffer.from(`{"start":${start},"end":${end},"agentMetadata":${this.metadata},"callgraph":${graph}}`, 'utf8');
  }
}
