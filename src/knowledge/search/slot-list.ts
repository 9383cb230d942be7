/**
 * A list of slot numbers kept from one search to the next. A common term touches most of the index's
 * slots: an array per search grew (and was copied) by hundreds of kilobytes each time, all garbage.
 */
export class SlotList {
  private slots = new Int32Array(1024);
  private size = 0;

  get length(): number {
    return this.size;
  }

  at(index: number): number {
    return this.slots[index] as number;
  }

  push(slot: number): void {
    if (this.size === this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[this.size++] = slot;
  }

  clear(): void {
    this.size = 0;
  }

  /** The slots pushed since the last `clear`; valid until the next push. */
  view(): Int32Array {
    return this.slots.subarray(0, this.size);
  }
}
