import { ecsCapacityProviderRule, ecsLoadBalancerRule, ecsNetworkRule, ecsPlatformVersionRule, ecsTaskDefinitionRule } from './appspec/ecs';
import { fileDestinationRule, fileExistsBehaviorPlacementRule } from './appspec/files';
import { hookNotAllowedRule, hookScriptMissingRule, hookTimeoutRule, hookTimeoutValueRule, runasOnWindowsRule } from './appspec/hooks';
import { lambdaFunctionRule, lambdaVersionRule } from './appspec/lambda';
import { ec2VersionRule, ignoredFileKeyRule, versionNotDocumentedRule } from './appspec/misc';
import { permissionAclRule, permissionContextRule, permissionDuplicateRule, permissionListRule, permissionMatchingRule, permissionModeRule, permissionsOnWindowsRule } from './appspec/permissions';
import { resourceCountRule, templatePlaceholderRule } from './appspec/resources';
import { hookLocationRule, hookRunasRule } from './appspec/scripts';
import { artifactsWithoutFilesRule, cacheFallbackRule } from './buildspec/artifacts';
import { batchComputeRule, retryComputeRule } from './buildspec/compute';
import { githubStepsRule } from './buildspec/github-steps';
import { batchDependencyCycleRule, batchDuplicateIdentifierRule, batchUnknownDependencyRule } from './buildspec/batch-graph';
import { commandAsMappingRule, emptyCommandRule } from './buildspec/command-shape';
import { ecrGetLoginRule } from './buildspec/ecr-get-login';
import { onFailureRule } from './buildspec/on-failure';
import { hyphenatedPhaseRule, legacyEnvironmentVariablesRule, phaseWithoutCommandsRule, runtimeVersionsRule } from './buildspec/phase-shape';
import { secretsManagerRule } from './buildspec/secrets-manager';
import type { Severity } from '../types';
import type { Rule } from './rule';

/** Every custom rule, in the order they run. */
export const RULES: readonly Rule[] = [
  onFailureRule,
  batchDuplicateIdentifierRule,
  batchUnknownDependencyRule,
  batchDependencyCycleRule,
  secretsManagerRule,
  runtimeVersionsRule,
  commandAsMappingRule,
  emptyCommandRule,
  ecrGetLoginRule,
  hyphenatedPhaseRule,
  phaseWithoutCommandsRule,
  legacyEnvironmentVariablesRule,
  githubStepsRule,
  artifactsWithoutFilesRule,
  cacheFallbackRule,
  batchComputeRule,
  retryComputeRule,
  hookNotAllowedRule,
  hookTimeoutRule,
  hookTimeoutValueRule,
  hookScriptMissingRule,
  hookLocationRule,
  runasOnWindowsRule,
  hookRunasRule,
  versionNotDocumentedRule,
  ec2VersionRule,
  ignoredFileKeyRule,
  fileDestinationRule,
  fileExistsBehaviorPlacementRule,
  permissionsOnWindowsRule,
  permissionModeRule,
  permissionAclRule,
  permissionContextRule,
  permissionMatchingRule,
  permissionListRule,
  permissionDuplicateRule,
  resourceCountRule,
  templatePlaceholderRule,
  ecsTaskDefinitionRule,
  ecsLoadBalancerRule,
  ecsPlatformVersionRule,
  ecsNetworkRule,
  ecsCapacityProviderRule,
  lambdaFunctionRule,
  lambdaVersionRule,
];

/** Identifiers of findings that do not come from a Rule object: parsing, limits and the schemas. */
export const BUILTIN_RULES: readonly RuleInfo[] = [
  { id: 'yaml/syntax', description: 'The file is not valid YAML.', severity: 'error', helpUri: 'https://yaml.org/spec/1.2.2/' },
  { id: 'json/syntax', description: 'The file is not valid JSON (comments and trailing commas are not allowed).', severity: 'error', helpUri: 'https://www.json.org/' },
  { id: 'yaml/duplicate-key', description: 'A mapping defines the same key twice.', severity: 'error', helpUri: 'https://yaml.org/spec/1.2.2/#mapping' },
  { id: 'yaml/unsupported-tag', description: 'A YAML tag (such as a CloudFormation !Ref) that AWS does not evaluate in this file.', severity: 'error', helpUri: 'https://yaml.org/spec/1.2.2/#tags' },
  { id: 'yaml/alias-expansion', description: 'Aliases expand to too many values (a "billion laughs" document).', severity: 'error', helpUri: 'https://en.wikipedia.org/wiki/Billion_laughs_attack' },
  { id: 'file/binary', description: 'The file is binary (it contains NUL bytes).', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'file/too-large', description: 'The file is too large to validate.', severity: 'warning', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'file/not-utf8', description: 'The file is not UTF-8 text, so it was not validated (conveyor-lint).', severity: 'warning', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'file/too-deep', description: 'The document nests too deeply to validate.', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'file/other-tool', description: 'A file named like a buildspec or appspec whose keys are clearly another tool\'s; it is not validated.', severity: 'information', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-name-storage' },
  { id: 'file/yaml-in-json', description: 'A .json file that holds YAML.', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html' },
  { id: 'file/not-a-mapping', description: 'The document is not a mapping of keys.', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'schema/unknown-key', description: 'A key that the buildspec or appspec format does not define at this place (with the nearest valid key as a quick fix).', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'schema/missing-key', description: 'A required key is missing.', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'schema/invalid-value', description: 'A value has the wrong type or is not one of the allowed values.', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'appspec/duplicate-key-case', description: 'Two keys of an ECS or Lambda appspec differ only in case; CodeDeploy reads them as the same key.', severity: 'error', helpUri: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure.html' },
  { id: 'suppression/unknown-rule', description: 'A conveyor-disable comment names a rule that does not exist, so it suppresses nothing.', severity: 'warning', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  { id: 'internal/error', description: 'The validator failed on this file; please report it.', severity: 'warning', helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
];

/** What a rule is, for listings (SARIF metadata, `conveyor.validation.rules`, links in editors). */
export interface RuleInfo {
  id: string;
  description: string;
  severity: Severity;
  helpUri: string;
}

let catalog: readonly RuleInfo[] | undefined;
let ids: string[] | undefined;

/** Every rule a diagnostic can carry: the custom rules, in the order they run, then the built-in findings. */
export function ruleCatalog(): readonly RuleInfo[] {
  catalog ??= [...RULES.map(({ id, description, severity, helpUri }) => ({ id, description, severity, helpUri })), ...BUILTIN_RULES];
  return catalog;
}

/** Every rule id a diagnostic can carry: the custom rules and the built-in findings. */
export function ruleIds(): readonly string[] {
  ids ??= ruleCatalog().map((r) => r.id);
  return ids;
}
