import type { WebviewMessage } from '../flame/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare global {
  // Provided by VS Code inside webviews (may be called once per page).
  function acquireVsCodeApi(): VsCodeApi;
}

/** Sends typed messages to the extension; outside VS Code (benchmarks, tests) a page may stub the API. */
export function connect(): (message: WebviewMessage) => void {
  const api: VsCodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined };
  return (message) => api.postMessage(message);
}
