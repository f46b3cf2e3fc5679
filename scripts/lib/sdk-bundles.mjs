// How the AWS SDK packages are bundled (scripts/lib/chunks.mjs builds them).

/**
 * SDK packages bundled on their own from their ES modules, with only the exports Conveyor uses (tree-shaken),
 * nothing shared through core.js. The CodeGuru Profiler client is the one client on the 2024 SDK
 * generation (3.523.0, the only version the registry offers): its runtime is its own either way, and its
 * CommonJS build evaluated every module of that runtime on the first CodeGuru request (~20 ms, which the
 * eager 9045d71 spent at activation). Tree-shaken it is one 120 KiB file instead of its 91 KiB bundle and
 * 172 KiB of core.js, and it loads in about a third of the time (9 against 28 ms in Node, no code cache).
 * test/unit/tooling/sdk-bundles.test.ts checks that every value src/ imports from it is listed.
 */
export const TREE_SHAKEN_SDK = {
  '@aws-sdk/client-codeguruprofiler': ['CodeGuruProfilerClient', 'GetProfileCommand', 'GetRecommendationsCommand',
    'paginateListFindingsReports', 'paginateListProfileTimes', 'paginateListProfilingGroups'],
};
