/**
 * A string-keyed memo that holds at most two generations of `generation` entries: when the recent one
 * fills up it becomes the older one, and hits there move back. Frequent keys (word forms follow Zipf's
 * law) stay cached without the bookkeeping of an LRU.
 */
export class BoundedMemo<V> {
  private recent = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly generation: number) {}

  get(key: string): V | undefined {
    const hit = this.recent.get(key);
    if (hit !== undefined) return hit;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.recent.size >= this.generation) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
  }

  clear(): void {
    this.recent.clear();
    this.older.clear();
  }
}
