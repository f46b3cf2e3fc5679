// Files that are the same in both languages.

/** The sample function: drains the sample queue. Plain JavaScript so both project languages ship the same asset. */
export const LAMBDA_HANDLER = `// Processes messages from the sample queue. Replace with your own code.
exports.handler = async (event) => {
  const records = event.Records ?? [];
  for (const record of records) {
    console.log(JSON.stringify({ messageId: record.messageId, body: record.body }));
  }
  // Partial batch response: list failed message IDs here to retry only those.
  return { batchItemFailures: [] };
};
`;

export function gitignore(language: 'typescript' | 'python'): string {
  const common = ['# CDK asset staging directory and cloud assembly', '.cdk.staging', 'cdk.out', '', '# Unit test reports', 'reports', '*.swp', '.DS_Store'];
  const specific = language === 'typescript'
    ? ['node_modules', '*.js', '!jest.config.js', '!lambda/**/*.js', '*.d.ts', '']
    : ['__pycache__', '*.pyc', '.pytest_cache', '.venv', '*.egg-info', ''];
  return [...specific, ...common, ''].join('\n');
}
