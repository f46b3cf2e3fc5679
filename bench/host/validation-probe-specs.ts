// What bench/validation-client.bench.ts hands bench/host/validation-probe.ts: the buildspecs to time, in a
// file next to the probe's bundle (generating them in the probe would bundle the peer's packages into it).
export const PROBE_SPECS = 'specs.json';

export interface ProbeSpec {
  lines: number;
  runs: number;
  /** Ends with one problem (an unknown key), two lines before the end. */
  text: string;
}
