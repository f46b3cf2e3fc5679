// Input constraints of the emulated CloudWatch Logs operations (Smithy model, 2014-03-28).
import { bool, enumOf, int, list, long, type Members, required, str } from '../../core/validate';

const logGroupName = str({ min: 1, max: 512, pattern: /^[.\-_/#A-Za-z0-9]+$/ });
const logGroupIdentifier = str({ min: 1, max: 2048, pattern: /^[\w#+=/:,.@-]*$/ });
const logStreamName = str({ min: 1, max: 512, pattern: /^[^:*]*$/ });
const nextToken = str({ min: 1 });
const describeLimit = int({ min: 1, max: 50 });
const eventsLimit = int({ min: 1, max: 10000 });
const timestamp = long({ min: 0 });
const filterPattern = str({ min: 0, max: 1024 });

export const describeLogGroupsRules: Members = {
  accountIdentifiers: list(str({ min: 12, max: 12, pattern: /^\d{12}$/ }), { min: 0, max: 20 }),
  logGroupNamePrefix: logGroupName,
  logGroupNamePattern: str({ min: 0, max: 512, pattern: /^[.\-_/#A-Za-z0-9]*$/ }),
  nextToken,
  limit: describeLimit,
  includeLinkedAccounts: bool(),
  logGroupClass: enumOf(['STANDARD', 'INFREQUENT_ACCESS']),
};

export const describeLogStreamsRules: Members = {
  logGroupName,
  logGroupIdentifier,
  logStreamNamePrefix: logStreamName,
  orderBy: enumOf(['LogStreamName', 'LastEventTime']),
  descending: bool(),
  nextToken,
  limit: describeLimit,
};

export const getLogEventsRules: Members = {
  logGroupName,
  logGroupIdentifier,
  logStreamName: required(logStreamName),
  startTime: timestamp,
  endTime: timestamp,
  nextToken,
  limit: eventsLimit,
  startFromHead: bool(),
  unmask: bool(),
};

export const filterLogEventsRules: Members = {
  logGroupName,
  logGroupIdentifier,
  logStreamNames: list(logStreamName, { min: 1, max: 100 }),
  logStreamNamePrefix: logStreamName,
  startTime: timestamp,
  endTime: timestamp,
  filterPattern,
  nextToken,
  limit: eventsLimit,
  interleaved: bool(),
  unmask: bool(),
};

export const startLiveTailRules: Members = {
  logGroupIdentifiers: required(list(logGroupIdentifier, { min: 1, max: 10 })),
  logStreamNames: list(logStreamName, { min: 1, max: 100 }),
  logStreamNamePrefixes: list(logStreamName, { min: 1, max: 100 }),
  logEventFilterPattern: filterPattern,
};
