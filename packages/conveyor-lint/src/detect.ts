// What a file is (buildspec, appspec, CloudFormation template with inline buildspecs), without the
// validator: small enough for an editor to decide whether to load the rest.
export { detectKind, kindFromFileName, type Association, type DetectOptions } from './engine/detect';
export type { SpecKind } from './types';
