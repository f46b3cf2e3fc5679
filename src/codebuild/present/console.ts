// CodeBuild console links (the partition-aware host lives in src/aws/console.ts).
import { consoleBase } from '../../aws/console';

const enc = encodeURIComponent;

export function projectConsoleUrl(region: string, project: string): string {
  return `${consoleBase(region)}/codesuite/codebuild/projects/${enc(project)}/history?region=${enc(region)}`;
}

export function batchConsoleUrl(region: string, batchId: string): string {
  const project = batchId.includes(':') ? batchId.slice(0, batchId.indexOf(':')) : batchId;
  return `${consoleBase(region)}/codesuite/codebuild/projects/${enc(project)}/batch/${enc(batchId)}/?region=${enc(region)}`;
}

export function reportConsoleUrl(region: string, reportArn: string): string {
  return `${consoleBase(region)}/codesuite/codebuild/testReports/reports/${enc(reportArn)}?region=${enc(region)}`;
}
