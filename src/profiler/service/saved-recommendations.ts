// Recommendations saved next to a profile file (e.g. `aws codeguruprofiler get-recommendations >
// x.recommendations.json`): read without the SDK, which a profile file does not need.
import type { Anomaly, Recommendation } from '@aws-sdk/client-codeguruprofiler';

export interface Recommendations {
  recommendations: Recommendation[];
  anomalies: Anomaly[];
}

/** A saved GetRecommendations response. */
export function parseRecommendationsJson(text: string): Recommendations {
  const doc: unknown = JSON.parse(text);
  if (typeof doc !== 'object' || doc === null) return { recommendations: [], anomalies: [] };
  const r = (doc as { recommendations?: unknown }).recommendations;
  const a = (doc as { anomalies?: unknown }).anomalies;
  return {
    recommendations: Array.isArray(r) ? r.filter((x): x is Recommendation => typeof x === 'object' && x !== null) : [],
    anomalies: Array.isArray(a) ? a.filter((x): x is Anomaly => typeof x === 'object' && x !== null) : [],
  };
}
