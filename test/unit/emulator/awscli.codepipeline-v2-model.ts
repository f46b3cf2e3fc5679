// awscli 2.9's CodePipeline model predates V2 stage conditions and rollbacks (2024). This writes a
// copy of Debian's own model with the newer operations and members added, in botocore's format, to a
// temporary AWS_DATA_PATH, so that botocore itself serialises, signs and parses those calls. The
// additions are written here from the Smithy model (codepipeline 2015-07-09): operation names,
// members and their types; nothing else of the model changes.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEBIAN_MODEL = '/usr/lib/python3/dist-packages/awscli/botocore/data/codepipeline/2015-07-09/service-2.json';

type Shape = Record<string, unknown>;

const s = (shape: string): { shape: string } => ({ shape });
const struct = (members: Record<string, string>, required: string[] = []): Shape => ({
  type: 'structure', members: Object.fromEntries(Object.entries(members).map(([k, v]) => [k, s(v)])), ...(required.length ? { required } : {}),
});
const list = (member: string): Shape => ({ type: 'list', member: s(member) });

const SHAPES: Record<string, Shape> = {
  V2String: { type: 'string' },
  V2Integer: { type: 'integer' },
  V2Timestamp: { type: 'timestamp' },
  V2StringMap: { type: 'map', key: s('V2String'), value: s('V2String') },
  V2RuleTypeId: struct({ category: 'V2String', owner: 'V2String', provider: 'V2String', version: 'V2String' }, ['category', 'provider']),
  V2RuleDeclaration: struct({ name: 'V2String', ruleTypeId: 'V2RuleTypeId', configuration: 'V2StringMap', region: 'V2String', roleArn: 'V2String', timeoutInMinutes: 'V2Integer' }, ['name', 'ruleTypeId']),
  V2RuleDeclarationList: list('V2RuleDeclaration'),
  V2Condition: struct({ result: 'V2String', rules: 'V2RuleDeclarationList' }),
  V2ConditionList: list('V2Condition'),
  V2Conditions: struct({ conditions: 'V2ConditionList' }),
  V2FailureConditions: struct({ result: 'V2String', conditions: 'V2ConditionList' }),
  V2RuleExecution: struct({
    ruleExecutionId: 'V2String', status: 'V2String', summary: 'V2String', lastStatusChange: 'V2Timestamp', token: 'V2String',
    lastUpdatedBy: 'V2String', externalExecutionId: 'V2String', externalExecutionUrl: 'V2String', errorDetails: 'ErrorDetails',
  }),
  V2RuleState: struct({ ruleName: 'V2String', latestExecution: 'V2RuleExecution', entityUrl: 'V2String', revisionUrl: 'V2String' }),
  V2RuleStateList: list('V2RuleState'),
  V2ConditionExecution: struct({ status: 'V2String', summary: 'V2String', lastStatusChange: 'V2Timestamp' }),
  V2ConditionState: struct({ latestExecution: 'V2ConditionExecution', ruleStates: 'V2RuleStateList' }),
  V2ConditionStateList: list('V2ConditionState'),
  V2StageConditionsExecution: struct({ status: 'V2String', summary: 'V2String' }),
  V2StageConditionState: struct({ latestExecution: 'V2StageConditionsExecution', conditionStates: 'V2ConditionStateList' }),
  V2RollbackMetadata: struct({ rollbackTargetPipelineExecutionId: 'V2String' }),
  V2LatestInPipelineExecutionFilter: struct({ pipelineExecutionId: 'V2String', startTimeRange: 'V2String' }, ['pipelineExecutionId', 'startTimeRange']),
  V2RuleExecutionFilter: struct({ pipelineExecutionId: 'V2String', latestInPipelineExecution: 'V2LatestInPipelineExecutionFilter' }),
  V2RuleExecutionInput: struct({ ruleTypeId: 'V2RuleTypeId', configuration: 'V2StringMap', resolvedConfiguration: 'V2StringMap', roleArn: 'V2String', region: 'V2String', inputArtifacts: 'ArtifactDetailList' }),
  V2RuleExecutionResult: struct({ externalExecutionId: 'V2String', externalExecutionSummary: 'V2String', externalExecutionUrl: 'V2String', errorDetails: 'ErrorDetails' }),
  V2RuleExecutionOutput: struct({ executionResult: 'V2RuleExecutionResult' }),
  V2RuleExecutionDetail: struct({
    pipelineExecutionId: 'V2String', ruleExecutionId: 'V2String', pipelineVersion: 'V2Integer', stageName: 'V2String', ruleName: 'V2String',
    startTime: 'V2Timestamp', lastUpdateTime: 'V2Timestamp', updatedBy: 'V2String', status: 'V2String', input: 'V2RuleExecutionInput', output: 'V2RuleExecutionOutput',
  }),
  V2RuleExecutionDetailList: list('V2RuleExecutionDetail'),
  ListRuleExecutionsInput: struct({ pipelineName: 'V2String', filter: 'V2RuleExecutionFilter', maxResults: 'V2Integer', nextToken: 'V2String' }, ['pipelineName']),
  ListRuleExecutionsOutput: struct({ ruleExecutionDetails: 'V2RuleExecutionDetailList', nextToken: 'V2String' }),
  OverrideStageConditionInput: struct({ pipelineName: 'V2String', stageName: 'V2String', pipelineExecutionId: 'V2String', conditionType: 'V2String' },
    ['pipelineName', 'stageName', 'pipelineExecutionId', 'conditionType']),
  RollbackStageInput: struct({ pipelineName: 'V2String', stageName: 'V2String', targetPipelineExecutionId: 'V2String' }, ['pipelineName', 'stageName', 'targetPipelineExecutionId']),
  RollbackStageOutput: struct({ pipelineExecutionId: 'V2String' }, ['pipelineExecutionId']),
  ConditionNotOverridableException: { type: 'structure', members: { message: s('V2String') }, exception: true },
  UnableToRollbackStageException: { type: 'structure', members: { message: s('V2String') }, exception: true },
  PipelineExecutionOutdatedException: { type: 'structure', members: { message: s('V2String') }, exception: true },
  ConflictException: { type: 'structure', members: { message: s('V2String') }, exception: true },
};

const MEMBERS: Record<string, Record<string, string>> = {
  StageDeclaration: { onFailure: 'V2FailureConditions', onSuccess: 'V2Conditions', beforeEntry: 'V2Conditions' },
  StageState: { beforeEntryConditionState: 'V2StageConditionState', onSuccessConditionState: 'V2StageConditionState', onFailureConditionState: 'V2StageConditionState' },
  StageExecution: { type: 'V2String' },
  PipelineExecutionSummary: { executionMode: 'V2String', executionType: 'V2String', rollbackMetadata: 'V2RollbackMetadata' },
  PipelineExecution: { executionMode: 'V2String', executionType: 'V2String', rollbackMetadata: 'V2RollbackMetadata' },
};

const OPERATIONS: Record<string, { input: string; output?: string; errors: string[] }> = {
  ListRuleExecutions: { input: 'ListRuleExecutionsInput', output: 'ListRuleExecutionsOutput', errors: ['ValidationException', 'PipelineNotFoundException', 'InvalidNextTokenException', 'PipelineExecutionNotFoundException'] },
  OverrideStageCondition: { input: 'OverrideStageConditionInput', errors: ['ValidationException', 'PipelineNotFoundException', 'StageNotFoundException', 'ConditionNotOverridableException', 'NotLatestPipelineExecutionException', 'ConflictException'] },
  RollbackStage: { input: 'RollbackStageInput', output: 'RollbackStageOutput', errors: ['ValidationException', 'PipelineNotFoundException', 'StageNotFoundException', 'PipelineExecutionNotFoundException', 'PipelineExecutionOutdatedException', 'UnableToRollbackStageException', 'ConflictException'] },
};

/** A directory for AWS_DATA_PATH holding Debian's CodePipeline model plus the V2 additions. */
export function writeCodePipelineV2Model(): string {
  const model = JSON.parse(readFileSync(DEBIAN_MODEL, 'utf8')) as { operations: Record<string, unknown>; shapes: Record<string, Shape> };
  for (const [name, shape] of Object.entries(SHAPES)) if (!model.shapes[name]) model.shapes[name] = shape;
  for (const [shapeName, members] of Object.entries(MEMBERS)) {
    const shape = model.shapes[shapeName] as { members: Record<string, unknown> };
    for (const [member, target] of Object.entries(members)) shape.members[member] ??= s(target);
  }
  for (const [name, op] of Object.entries(OPERATIONS)) {
    model.operations[name] = {
      name, http: { method: 'POST', requestUri: '/' }, input: s(op.input), ...(op.output ? { output: s(op.output) } : {}),
      errors: op.errors.map(s),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'conveyor-awscli-models-'));
  mkdirSync(join(dir, 'codepipeline', '2015-07-09'), { recursive: true });
  writeFileSync(join(dir, 'codepipeline', '2015-07-09', 'service-2.json'), JSON.stringify(model));
  return dir;
}
