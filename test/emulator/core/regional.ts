/** Per account and region state, created on first use (AWS resources are regional). */
export class Regional<T> {
  private readonly byKey = new Map<string, T>();

  constructor(private readonly create: (accountId: string, region: string) => T) {}

  get(accountId: string, region: string): T {
    const key = `${accountId}/${region}`;
    let value = this.byKey.get(key);
    if (value === undefined) {
      value = this.create(accountId, region);
      this.byKey.set(key, value);
    }
    return value;
  }

  /** Only the regions that exist already. */
  peek(accountId: string, region: string): T | undefined {
    return this.byKey.get(`${accountId}/${region}`);
  }

  entries(): IterableIterator<[string, T]> {
    return this.byKey.entries();
  }
}
