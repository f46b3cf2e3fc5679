import Ajv, { type ValidateFunction } from 'ajv';
import appspecSchema from '../../schemas/appspec.schema.json';
import buildspecSchema from '../../schemas/buildspec.schema.json';

export const BUILDSPEC_SCHEMA_ID = 'https://json.schemastore.org/buildspec.json';
export const APPSPEC_SCHEMA_ID = 'https://json.schemastore.org/appspec.json';

/** Which definition of which schema validates a document. */
export type SchemaTarget =
  | 'buildspec02' | 'buildspec01'
  | 'ec2' | 'ecs' | 'lambda';

const targetRef: Record<SchemaTarget, string> = {
  buildspec02: `${BUILDSPEC_SCHEMA_ID}#/definitions/buildspec02`,
  buildspec01: `${BUILDSPEC_SCHEMA_ID}#/definitions/buildspec01`,
  ec2: `${APPSPEC_SCHEMA_ID}#/definitions/ec2`,
  ecs: `${APPSPEC_SCHEMA_ID}#/definitions/ecs`,
  lambda: `${APPSPEC_SCHEMA_ID}#/definitions/lambda`,
};

let ajv: Ajv | undefined;
const compiled = new Map<SchemaTarget, ValidateFunction>();

function instance(): Ajv {
  // One instance for the process: compiling the schemas costs milliseconds, validating microseconds.
  ajv ??= new Ajv({ allErrors: true, strict: true, verbose: true, schemas: [buildspecSchema, appspecSchema] });
  return ajv;
}

export function validatorFor(target: SchemaTarget): ValidateFunction {
  let fn = compiled.get(target);
  if (!fn) {
    fn = instance().getSchema(targetRef[target]);
    if (!fn) throw new Error(`schema ${targetRef[target]} not found`);
    compiled.set(target, fn);
  }
  return fn;
}

export const schemaDocuments = { buildspec: buildspecSchema as unknown, appspec: appspecSchema as unknown };
