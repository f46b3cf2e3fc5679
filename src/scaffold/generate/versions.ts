// Dependency versions written into generated projects. Each was checked against the npm registry
// and proven together by test/scaffold-e2e (install, tsc, cdk synth, jest).
//
// aws-cdk (the CLI) is deliberately 2.1148.1, not the registry's `latest` 3.0.0: 3.0.0 predates
// aws-cdk-lib 2.276.0 and rejects its cloud assembly ("Maximum schema version supported is 43.x.x,
// but found 55.0.0"). cdk-nag is 2.x: 3.x needs one acknowledgement per IAM finding (each naming
// generated logical IDs), which a template cannot keep valid as stages are added.
export const VERSIONS = {
  awsCdkLib: '2.276.0',
  awsCdkCli: '2.1148.1',
  constructs: '10.8.1',
  cdkNag: '2.38.2',
  typescript: '5.9.3',
  tsx: '4.23.15',
  jest: '30.5.2',
  tsJest: '29.4.15',
  typesJest: '30.0.0',
  typesNode: '22.20.5',
  jestJunit: '17.0.0',
  pnpm: '10',
  yarn: '1',
  /** PyPI mirrors the jsii packages' npm versions; pytest as in `cdk init app --language python`. */
  pytest: '8.4.2',
} as const;

/** The Lambda runtime of the sample function: the newest Node.js aws-cdk-lib 2.276.0 knows (cdk-nag L1). */
export const SAMPLE_LAMBDA_RUNTIME = { ts: 'NODEJS_24_X', id: 'nodejs24.x' } as const;
