// Reasons written next to the cdk-nag acknowledgements in generated projects.
export const NAG_REASONS = {
  iam5: 'CDK Pipelines generates these roles; their wildcards are object keys in the artifact bucket, '
    + 'log streams and report groups of its own CodeBuild projects, and the CDK bootstrap roles.',
  artifactBucketLogs: 'The pipeline artifact bucket only holds transient build artifacts; access logs add cost without audit value.',
  replicationBucketLogs: 'Cross-region replication bucket for transient pipeline artifacts; access logs add cost without audit value.',
  lambdaBasicRole: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch Logs.',
} as const;

export const LAMBDA_BASIC_ROLE_FINDING = 'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
