/**
 * A value made on first use, then kept. Features use it with `require()` for code that pulls in a
 * large dependency only some uses need (the AWS SDK for a profile read from disk, the YAML parser for
 * a build log): the bundler keeps such a module's imports inside its first `require()`.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
