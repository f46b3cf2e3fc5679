// A CodeBuild log in the agent's real format (times with microseconds), failing in BUILD.
export const FAILED_BUILD_LOG = [
  '[Container] 2026/11/21 10:00:11.120331 Running on CodeBuild On-demand',
  '[Container] 2026/11/21 10:00:11.130002 Waiting for agent ping',
  '[Container] 2026/11/21 10:00:12.330114 Waiting for DOWNLOAD_SOURCE',
  '[Container] 2026/11/21 10:00:13.100520 Phase is DOWNLOAD_SOURCE',
  '[Container] 2026/11/21 10:00:13.200020 CODEBUILD_SRC_DIR=/codebuild/output/src123/src',
  '[Container] 2026/11/21 10:00:14.900001 Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED',
  '[Container] 2026/11/21 10:00:14.900002 Phase context status code:  Message: ',
  '[Container] 2026/11/21 10:00:15.000100 Entering phase INSTALL',
  '[Container] 2026/11/21 10:00:15.100200 Running command npm ci',
  'added 812 packages in 22s',
  '[Container] 2026/11/21 10:00:39.200300 Phase complete: INSTALL State: SUCCEEDED',
  '[Container] 2026/11/21 10:00:39.200301 Phase context status code:  Message: ',
  '[Container] 2026/11/21 10:00:39.300000 Entering phase BUILD',
  '[Container] 2026/11/21 10:00:39.400000 Running command npm run lint',
  '[Container] 2026/11/21 10:00:48.500000 Running command npm test',
  '  1 failing',
  '  1) payments: refunds more than was charged',
  '[Container] 2026/11/21 10:01:09.500000 Command did not exit successfully npm test exit status 2',
  '[Container] 2026/11/21 10:01:09.520000 Phase complete: BUILD State: FAILED',
  '[Container] 2026/11/21 10:01:09.520001 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: npm test. Reason: exit status 2',
  '[Container] 2026/11/21 10:01:09.600000 Entering phase POST_BUILD',
  '[Container] 2026/11/21 10:01:09.700000 Running command echo Build completed on `date`',
  'Build completed on Sat Nov 21 10:01:09 UTC 2026',
  '[Container] 2026/11/21 10:01:10.020000 Phase complete: POST_BUILD State: SUCCEEDED',
  '[Container] 2026/11/21 10:01:10.020001 Phase context status code:  Message: ',
  '[Container] 2026/11/21 10:01:11.000000 Expanding base directory path: .',
];

export const BUILDSPEC = `version: 0.2

phases:
  install:
    runtime-versions:
      nodejs: 20
    commands:
      - npm ci
  pre_build:
    commands:
      - npm test # same text in another phase
  build:
    commands:
      - npm run lint
      - npm test
  post_build:
    commands:
      - "echo Build completed on \`date\`"
    finally:
      - |
        echo cleaning up
        rm -rf node_modules
artifacts:
  files:
    - '**/*'
`;
