/**
 * Values answered from memory once known, and looked up again in the background when older than
 * `ttlMs`: callers wait for the source only the first time, and keep being answered while it is down.
 */
export class RefreshingCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly ttlMs: number) {}

  /** The remembered value, starting `refresh` in the background when it is stale; undefined if never remembered. */
  get(key: string, refresh: () => Promise<unknown>): V | undefined {
    const cached = this.entries.get(key);
    if (!cached) return undefined;
    if (cached.until <= Date.now()) {
      cached.until = Date.now() + this.ttlMs;
      refresh().catch(() => {});
    }
    return cached.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V): void {
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
