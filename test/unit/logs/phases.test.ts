import * as assert from 'node:assert/strict';
import { commandLabel, phaseLabel } from '../../../src/logs/outline';
import { findFailingCommand, parseCodeBuildLog, parseContainerLine, phaseDuration } from '../../../src/logs/phases';
import { FAILED_BUILD_LOG } from './sample-log';

describe('CodeBuild phase parsing', () => {
  it('reads container lines as UTC with microseconds', () => {
    const c = parseContainerLine('[Container] 2026/11/21 10:00:15.000100 Entering phase INSTALL');
    assert.equal(c?.time, Date.UTC(2026, 10, 21, 10, 0, 15, 0));
    assert.equal(c?.text, 'Entering phase INSTALL');
    assert.equal(parseContainerLine('[Container] 2026/11/21 10:00:15 Old agent')?.text, 'Old agent');
    assert.equal(parseContainerLine('npm test'), undefined);
  });

  it('finds each phase with its lines, status, context and duration', () => {
    const phases = parseCodeBuildLog(FAILED_BUILD_LOG);
    assert.deepEqual(phases.map((p) => [p.name, p.startLine, p.endLine, p.status]), [
      ['DOWNLOAD_SOURCE', 3, 6, 'SUCCEEDED'],
      ['INSTALL', 7, 11, 'SUCCEEDED'],
      ['BUILD', 12, 19, 'FAILED'],
      ['POST_BUILD', 20, 24, 'SUCCEEDED'],
    ]);
    const build = phases[2]!;
    assert.equal(phaseDuration(build), 30_220);
    assert.equal(build.contextCode, 'COMMAND_EXECUTION_ERROR');
    assert.equal(build.contextMessage, 'Error while executing command: npm test. Reason: exit status 2');
    assert.equal(phases[0]?.contextCode, undefined, 'an empty context is no context');
    assert.deepEqual(build.commands.map((c) => [c.command, c.line, c.endLine, c.failed ?? false]), [
      ['npm run lint', 13, 13, false],
      ['npm test', 14, 17, true],
    ]);
    assert.equal(build.commands[1]?.exitStatus, 2);
  });

  it('names the failing command with its phase and position', () => {
    assert.deepEqual(findFailingCommand(parseCodeBuildLog(FAILED_BUILD_LOG)), { phase: 'BUILD', command: 'npm test', line: 14, index: 1, exitStatus: 2 });
  });

  it('falls back to the context message when the failure line is missing', () => {
    const lines = FAILED_BUILD_LOG.filter((l) => !l.includes('Command did not exit successfully'));
    assert.deepEqual(findFailingCommand(parseCodeBuildLog(lines)), { phase: 'BUILD', command: 'npm test', line: 14, index: 1 });
  });

  it('keeps the last phase open while the build runs, and marks phases cut off by paging', () => {
    const running = parseCodeBuildLog(FAILED_BUILD_LOG.slice(0, 16));
    const last = running[running.length - 1]!;
    assert.equal(last.name, 'BUILD');
    assert.equal(last.status, undefined);
    assert.equal(last.endLine, 15);
    assert.equal(phaseLabel(last, true).detail, 'running…');
    const tail = parseCodeBuildLog(FAILED_BUILD_LOG.slice(15), FAILED_BUILD_LOG.slice(15).map((_, i) => 1000 + i));
    assert.equal(tail[0]?.name, 'BUILD');
    assert.equal(tail[0]?.partial, true);
    assert.equal(tail[0]?.startLine, 0);
  });

  it('labels phases and commands for the outline', () => {
    const phases = parseCodeBuildLog(FAILED_BUILD_LOG);
    assert.deepEqual(phaseLabel(phases[2]!, false), { name: 'BUILD', detail: 'failed · 30 sec' });
    assert.deepEqual(phaseLabel(phases[1]!, false), { name: 'INSTALL', detail: 'succeeded · 24 sec' });
    assert.deepEqual(commandLabel(phases[2]!.commands[1]!), { name: 'npm test', detail: 'failed · exit status 2' });
  });
});
