// CodePipeline's modeled errors, with the messages the service uses.
import { AwsServiceError } from '../../core/contract';

export const pipelineNotFound = (accountId: string, name: string): AwsServiceError =>
  new AwsServiceError('PipelineNotFoundException', `Account '${accountId}' does not have a pipeline with name '${name}'`);

export const executionNotFound = (pipeline: string, id: string): AwsServiceError =>
  new AwsServiceError('PipelineExecutionNotFoundException', `Pipeline execution with id '${id}' does not exist in pipeline with name '${pipeline}'`);

export const stageNotFound = (pipeline: string, stage: string): AwsServiceError =>
  new AwsServiceError('StageNotFoundException', `Stage '${stage}' does not exist in pipeline '${pipeline}'`);

export const actionNotFound = (pipeline: string, stage: string, action: string): AwsServiceError =>
  new AwsServiceError('ActionNotFoundException', `Action '${action}' does not exist in stage '${stage}' of pipeline '${pipeline}'`);

export const validation = (message: string): AwsServiceError => new AwsServiceError('ValidationException', message);

export const invalidNextToken = (): AwsServiceError => new AwsServiceError('InvalidNextTokenException', 'The next token was specified in an invalid format. Make sure that the next token you provide is the token returned by a previous call.');

export const conflict = (message: string): AwsServiceError => new AwsServiceError('ConflictException', message, 409);

export const error = (type: string, message: string): AwsServiceError => new AwsServiceError(type, message);
