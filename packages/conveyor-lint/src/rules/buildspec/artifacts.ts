import type { Rule } from '../rule';
import { keyRange, pairOf, valueOf } from '../nodes';

export const artifactsWithoutFilesRule: Rule = {
  id: 'buildspec/artifacts-without-files',
  kinds: ['buildspec'],
  description: 'The reference requires artifacts/files even with only secondary artifacts, but AWS\'s own samples leave it out: a warning.',
  severity: 'warning',
  helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.artifacts.files',
  check(ctx) {
    const artifacts = pairOf(ctx.root, 'artifacts');
    if (!artifacts || artifacts.value.kind !== 'map' || pairOf(artifacts.value, 'files') || !pairOf(artifacts.value, 'secondary-artifacts')) return [];
    ctx.claim('/artifacts/files');
    return [{ ...keyRange(artifacts), severity: 'warning', rule: this.id,
      message: 'artifacts has secondary-artifacts but no files. The buildspec reference says artifacts/files is always required, but AWS\'s own samples (such as the two-runtimes sample) leave it out. If the project has a primary artifact, list its files here.' }];
  },
};

export const cacheFallbackRule: Rule = {
  id: 'buildspec/cache-fallback-without-key',
  kinds: ['buildspec'],
  description: 'cache/fallback-keys are ignored when cache/key is not set.',
  severity: 'warning',
  helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.cache',
  check(ctx) {
    const cache = valueOf(ctx.root, 'cache');
    const fallback = pairOf(cache, 'fallback-keys');
    if (!fallback || pairOf(cache, 'key')) return [];
    return [{ ...keyRange(fallback), severity: 'warning', rule: this.id,
      message: 'fallback-keys are ignored without a key: CodeBuild looks them up only when the primary key finds no cache. Add key, such as key: npm-$(codebuild-hash-files package-lock.json).' }];
  },
};
