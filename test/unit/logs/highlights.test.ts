import * as assert from 'node:assert/strict';
import { logHighlights, type Highlight } from '../../../src/logs/highlights';
import { FAILED_BUILD_LOG } from './sample-log';

/** Each highlight as [kind, the text it covers]. */
function covered(lines: readonly string[], highlights: readonly Highlight[]): [string, string][] {
  return highlights.map((h) => [h.kind, (lines[h.line] ?? '').slice(h.start, h.end)]);
}

describe('build log highlights', () => {
  it('dims the agent\'s time and colours phase names and states', () => {
    const lines = [
      '[Container] 2026/11/21 10:00:15.000100 Entering phase INSTALL',
      '[Container] 2026/11/21 10:00:39.200300 Phase complete: INSTALL State: SUCCEEDED',
      '[Container] 2026/11/21 10:01:09.520000 Phase complete: BUILD State: FAILED',
      '[Container] 2026/11/21 10:00:13.100520 Phase is DOWNLOAD_SOURCE',
    ];
    assert.deepEqual(covered(lines, logHighlights(lines)), [
      ['time', '[Container] 2026/11/21 10:00:15.000100'], ['phase', 'INSTALL'],
      ['time', '[Container] 2026/11/21 10:00:39.200300'], ['phase', 'INSTALL'], ['succeeded', 'SUCCEEDED'],
      ['time', '[Container] 2026/11/21 10:01:09.520000'], ['phase', 'BUILD'], ['failed', 'FAILED'],
      ['time', '[Container] 2026/11/21 10:00:13.100520'], ['phase', 'DOWNLOAD_SOURCE'],
    ]);
  });

  it('marks every state but SUCCEEDED as failed, the error code, and the command that failed', () => {
    const lines = [
      '[Container] 2026/11/21 10:01:09.520000 Phase complete: BUILD State: TIMED_OUT',
      '[Container] 2026/11/21 10:01:09 Phase complete: BUILD State: CLIENT_ERROR',
      '[Container] 2026/11/21 10:01:09.520001 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: npm test. Reason: exit status 2',
      '[Container] 2026/11/21 10:01:09.500000 Command did not exit successfully npm test exit status 2',
    ];
    assert.deepEqual(covered(lines, logHighlights(lines)).filter(([kind]) => kind !== 'time'), [
      ['phase', 'BUILD'], ['failed', 'TIMED_OUT'],
      ['phase', 'BUILD'], ['failed', 'CLIENT_ERROR'],
      ['failed', 'COMMAND_EXECUTION_ERROR'],
      ['failed', 'Command did not exit successfully npm test exit status 2'],
    ]);
  });

  it('leaves the build\'s own output and the agent\'s other lines as they are', () => {
    const lines = [
      'Phase complete: BUILD State: FAILED',
      'added 812 packages in 22s',
      '  1) payments: refunds more than was charged',
      '[Container] 2026/11/21 10:00:14.900002 Phase context status code:  Message: ',
      '[Container] 2026/11/21 10:00:15.100200 Running command npm ci',
      '[Container]  Entering phase BUILD',
    ];
    assert.deepEqual(covered(lines, logHighlights(lines)), [
      ['time', '[Container] 2026/11/21 10:00:14.900002'],
      ['time', '[Container] 2026/11/21 10:00:15.100200'],
    ]);
  });

  it('finds the phases of a whole failed build where its outline does', () => {
    const phases = logHighlights(FAILED_BUILD_LOG).filter((h) => h.kind === 'phase');
    const entered = FAILED_BUILD_LOG.flatMap((l, i) => (/ (Entering phase|Phase is|Phase complete:) /.test(l) ? [i] : []));
    assert.deepEqual(phases.map((h) => h.line), entered);
    const failed = covered(FAILED_BUILD_LOG, logHighlights(FAILED_BUILD_LOG)).filter(([kind]) => kind === 'failed').map(([, text]) => text);
    assert.deepEqual(failed, ['Command did not exit successfully npm test exit status 2', 'FAILED', 'COMMAND_EXECUTION_ERROR']);
  });
});
