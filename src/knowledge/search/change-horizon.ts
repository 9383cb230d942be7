/** What one read of a workspace's change log saw, in one statement (one MVCC snapshot). */
export interface ChangeView {
  /** The highest change sequence number visible, committed. */
  seq: bigint;
  /** Oldest transaction still running, and the first not yet started, when the statement ran. */
  xmin: bigint;
  xmax: bigint;
}

/**
 * Which change sequence numbers a sync can stop re-reading. A writer takes its number inside its
 * transaction (after getting a transaction id, see the 20261214090000 migration), so a row can commit
 * after a higher number was read: reading `change_seq > last` alone would skip it forever. When a read
 * saw `seq` committed, every writer still holding a lower number was running then, with an id below
 * that snapshot's xmax; once a later snapshot's xmin has passed that xmax they have all ended, and the
 * numbers up to `seq` are settled. Until then each sync reads again from the last settled number
 * (normally a few rows: transactions are short).
 */
export class ChangeHorizon {
  /** Every change up to here has been read and no transaction can still commit one at or below it. */
  settled: bigint;
  /** Changes up to here have been read once. */
  read: bigint;
  private pending: Array<{ seq: bigint; xmax: bigint }> = [];
  // Rows read above `settled`, with the number they were read at: read again unchanged, they are skipped.
  private readonly unsettled = new Map<number, bigint>();

  constructor(settled = 0n) {
    this.settled = settled;
    this.read = settled;
  }

  /** Whether the row was already applied at this very version. */
  seen(id: number, seq: bigint): boolean {
    return this.unsettled.get(id) === seq;
  }

  applied(id: number, seq: bigint): void {
    if (seq > this.settled) this.unsettled.set(id, seq);
  }

  /** Records that everything `view` saw up to `readUpTo` has been read, and settles what it can. */
  advance(view: ChangeView, readUpTo: bigint): void {
    if (readUpTo > this.read) this.read = readUpTo;
    const last = this.pending.at(-1);
    if (last && last.xmax === view.xmax) last.seq = last.seq > readUpTo ? last.seq : readUpTo;
    else this.pending.push({ seq: readUpTo, xmax: view.xmax });
    let settled = this.settled;
    while (this.pending.length > 0 && (this.pending[0] as { xmax: bigint }).xmax <= view.xmin) {
      const { seq } = this.pending.shift() as { seq: bigint };
      if (seq > settled) settled = seq;
    }
    if (settled === this.settled) return;
    this.settled = settled;
    for (const [id, seq] of this.unsettled) if (seq <= settled) this.unsettled.delete(id);
  }
}
