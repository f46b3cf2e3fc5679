// CloudWatch Logs (awsJson1_1, `X-Amz-Target: Logs_20140328.<Operation>`, signing name `logs`).
import type { ServiceRegistry } from '../../core/contract';
import { describeLogGroups } from './describe-log-groups';
import { describeLogStreams } from './describe-log-streams';
import { filterLogEvents } from './filter-log-events';
import { getLogEvents } from './get-log-events';
import { startLiveTail } from './start-live-tail';
import type { LogsWorld } from './world';

export { LogsWorld, type LogsOptions } from './world';
export type { LogsRegion, LogGroupRecord, LogStreamRecord, LogEventRecord } from './store';

export function registerLogs(registry: ServiceRegistry, world: LogsWorld): void {
  registry.json('Logs_20140328', 'logs', {
    DescribeLogGroups: describeLogGroups(world),
    DescribeLogStreams: describeLogStreams(world),
    GetLogEvents: getLogEvents(world),
    FilterLogEvents: filterLogEvents(world),
    StartLiveTail: startLiveTail(world),
  });
}
