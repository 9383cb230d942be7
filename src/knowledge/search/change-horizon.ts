/**
 * Every writer of entries holds this advisory lock, shared, from taking a change number until it
 * commits (see the 20261214090000 migration); a sync that gets it exclusively knows no writer holds
 * an uncommitted number.
 */
export const CHANGE_WRITERS_LOCK = 7_263_541_903;

/**
 * Which change sequence numbers a sync can stop re-reading. A writer takes its number inside its
 * transaction, so a row can commit after a higher number was read: reading `change_seq > last` alone
 * would skip it forever. A number is settled once a sync saw it while no writer held an uncommitted
 * one (it got CHANGE_WRITERS_LOCK); until then each sync reads again from the last settled number,
 * normally a few rows, and skips those it already applied at the same number.
 */
export class ChangeHorizon {
  /** Every change up to here has been read and no transaction can still commit one at or below it. */
  settled: bigint;
  /** Changes up to here have been read once. */
  read: bigint;
  // Rows read above `settled`, with the number they were read at.
  private readonly unsettled = new Map<number, bigint>();

  constructor(settled = 0n) {
    this.settled = settled;
    this.read = settled;
  }

  /** Whether the row was already applied at this very version. */
  seen(id: number, seq: bigint): boolean {
    return this.unsettled.get(id) === seq;
  }

  /**
   * `final`: read in a round that began while no writer held an uncommitted number, which `advance`
   * settles as a whole; nothing to remember (a first build at a million rows would hold them all).
   */
  applied(id: number, seq: bigint, final: boolean): void {
    if (!final && seq > this.settled) this.unsettled.set(id, seq);
  }

  /**
   * Everything up to `seq` has been read; `final`: it was seen while no writer held an uncommitted
   * number, so nothing at or below it can still appear.
   */
  advance(seq: bigint, final: boolean): void {
    if (seq > this.read) this.read = seq;
    if (!final || seq <= this.settled) return;
    this.settled = seq;
    for (const [id, applied] of this.unsettled) if (applied <= seq) this.unsettled.delete(id);
  }
}
