import type { AgentProfile } from './profile-tree';

export interface PatternSpec {
  id: string;
  name: string;
  description: string;
  resolutionSteps: string;
  /** Each target is a stack suffix; its last frame is what gets matched. */
  targetFrames: string[][];
  thresholdPercent: number;
  countersToAggregate: string[];
}

export interface AnomalySpec {
  frameName: string;
  threadStates: string[];
  reason: string;
  /** Offsets from seeding time, in hours (negative = past). */
  instances: { id: string; startHoursAgo: number; durationHours: number; feedback?: 'Positive' | 'Negative' }[];
}

export interface ProfilingGroup {
  name: string;
  accountId: string;
  computePlatform: 'Default' | 'AWSLambda';
  createdAt: number;
  updatedAt: number;
  profilingEnabled: boolean;
  tags: Record<string, string>;
  /** Built on first use and kept; absent while no agent has reported. */
  profile?: () => AgentProfile;
  /** Serve GetProfile with Content-Encoding: gzip, as the agents upload it. */
  gzip: boolean;
  /** Aggregated profiles exist from here until now (epoch ms). */
  dataFrom: number;
  recommendations: PatternSpec[];
  anomalies: AnomalySpec[];
}

export function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
