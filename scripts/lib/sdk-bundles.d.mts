/** Package → the exports bundled (scripts/lib/sdk-bundles.mjs). */
export const TREE_SHAKEN_SDK: Readonly<Record<string, readonly string[]>>;
