import type { Package, PackageFormat } from './model';
import { packageKey } from './model';
import type { ExternalSource } from './store';

/** A public registry simulated by seeded packages. */
export class SeededSource implements ExternalSource {
  readonly packages = new Map<string, Package>();

  add(pkg: Package): void {
    this.packages.set(packageKey(pkg.format, pkg.namespace, pkg.name), pkg);
  }

  find(format: PackageFormat, namespace: string | undefined, name: string): Package | undefined {
    return this.packages.get(packageKey(format, namespace, name));
  }
}

/** Several sources behind one external connection, asked in order. */
export class ChainedSource implements ExternalSource {
  constructor(private readonly sources: ExternalSource[]) {}

  find(format: PackageFormat, namespace: string | undefined, name: string): Package | undefined {
    for (const source of this.sources) {
      const found = source.find(format, namespace, name);
      if (found) return found;
    }
    return undefined;
  }

  groupMetadata(groupId: string): string | undefined {
    for (const source of this.sources) {
      const found = source.groupMetadata?.(groupId);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
