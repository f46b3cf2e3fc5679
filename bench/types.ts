/** One side-by-side comparison; ratio = peer / ours, so > 1 means Conveyor is faster or leaner. */
export interface BenchResult {
  name: string;
  workload: string;
  ours: number;
  peer: number;
  unit: string;
  ratio: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1]! + sorted[mid]!) / 2);
}
