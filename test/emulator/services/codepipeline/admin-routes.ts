// Emulator-only routes (no SigV4) for what CodePipeline reacts to but the emulator does not serve:
// CloudWatch alarm states and Lambda answers for condition rules, and Git events for triggers.
// POST /_emulator/codepipeline/alarms        {"alarmName", "state": "OK"|"ALARM"|"INSUFFICIENT_DATA", "accountId"?, "region"?}
// POST /_emulator/codepipeline/functions     {"functionName", "outcome": "succeed"|"fail", "message"?, "durationMs"?, "accountId"?, "region"?}
// POST /_emulator/codepipeline/git-events    {"pipelineName", "event": GitEvent (commit.date optional), "accountId"?, "region"?}
import type { ServerResponse } from 'node:http';
import { EMULATOR_ACCOUNTS, type RawRoute } from '../../core/contract';
import { sendJson } from '../../core/protocol';
import type { GitEvent } from './engine/git-events';
import type { PipelinesWorld } from './world';

export const CODEPIPELINE_ADMIN_PREFIX = '/_emulator/codepipeline/';

class BadRequest extends Error {}

function field(body: Record<string, unknown>, key: string, allowed?: readonly string[]): string {
  const v = body[key];
  if (typeof v !== 'string' || !v || (allowed && !allowed.includes(v))) {
    throw new BadRequest(`${key} must be ${allowed ? `one of ${allowed.join(', ')}` : 'a non-empty string'}`);
  }
  return v;
}

function scope(body: Record<string, unknown>): string {
  const accountId = typeof body.accountId === 'string' ? body.accountId : EMULATOR_ACCOUNTS.main.accountId;
  const region = typeof body.region === 'string' ? body.region : 'us-east-1';
  return `${accountId}/${region}`;
}

function gitEvent(world: PipelinesWorld, body: Record<string, unknown>): unknown {
  const [accountId, region] = scope(body).split('/') as [string, string];
  const p = world.region(accountId, region).get(field(body, 'pipelineName'));
  if (!p) throw new BadRequest(`no pipeline ${String(body.pipelineName)}`);
  const event = body.event as GitEvent | undefined;
  if (typeof event !== 'object' || event === null || (event.type !== 'push' && event.type !== 'pullRequest')) throw new BadRequest('event.type must be push or pullRequest');
  const commit = event.commit as Partial<GitEvent['commit']> | undefined;
  if (!commit || typeof commit.id !== 'string' || !/^[0-9a-f]{7,64}$/.test(commit.id)) throw new BadRequest('event.commit.id must be a commit id');
  if (!Array.isArray(event.filePaths)) throw new BadRequest('event.filePaths must be a list of paths');
  const full: GitEvent = {
    ...event,
    commit: { id: commit.id, message: commit.message ?? '', author: commit.author ?? 'unknown', date: commit.date ?? world.clock.now() },
  };
  const started = world.region(accountId, region).engine.gitEvent(p, full);
  return { pipelineExecutionIds: started.map((e) => e.id) };
}

export function codepipelineAdminRoute(world: PipelinesWorld): RawRoute {
  return {
    prefix: CODEPIPELINE_ADMIN_PREFIX,
    handler(req, res: ServerResponse) {
      try {
        if (req.method !== 'POST') throw new BadRequest('use POST');
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>;
        } catch {
          throw new BadRequest('the body is not valid JSON');
        }
        const what = req.path.slice(CODEPIPELINE_ADMIN_PREFIX.length).replace(/\/+$/, '');
        let result: unknown;
        if (what === 'alarms') {
          const state = field(body, 'state', ['OK', 'ALARM', 'INSUFFICIENT_DATA']) as 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
          world.alarms.set(`${scope(body)}/${field(body, 'alarmName')}`, state);
          result = { alarmName: body.alarmName, state };
        } else if (what === 'functions') {
          const outcome = field(body, 'outcome', ['succeed', 'fail']) as 'succeed' | 'fail';
          const durationMs = typeof body.durationMs === 'number' && body.durationMs >= 0 ? body.durationMs : undefined;
          world.functions.set(`${scope(body)}/${field(body, 'functionName')}`, {
            outcome, ...(typeof body.message === 'string' ? { message: body.message } : {}), ...(durationMs !== undefined ? { durationMs } : {}),
          });
          result = { functionName: body.functionName, outcome };
        } else if (what === 'git-events') {
          result = gitEvent(world, body);
        } else {
          sendJson(res, 404, { message: `no route ${req.path}` }, 'application/json');
          return;
        }
        sendJson(res, 200, result, 'application/json');
      } catch (err) {
        if (!(err instanceof BadRequest)) throw err;
        sendJson(res, 400, { message: err.message }, 'application/json');
      }
    },
  };
}
