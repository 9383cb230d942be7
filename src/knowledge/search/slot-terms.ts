import { SLOT_SHIFT } from './query-scorer.ts';

const FIELDS = 4; // postings.ts: START, CAPACITY, LENGTH, LIVE per term
const START = 0;
const LENGTH = 2;

/**
 * Each slot's distinct term ids, back to back, recovered from the posting lists (every slot has one
 * entry in the list of each of its terms, dead slots included until compaction). A snapshot leaves
 * them out, halving its size: the index only needs them as a set, to release a removed document's
 * terms and to compact, so term-id order serves as well as the order they were first seen in.
 */
export function slotTermsFromPostings(
  table: Int32Array,
  pool: Uint32Array,
  slotCount: number,
): { slotTerms: Uint32Array<ArrayBuffer>; termStarts: Uint32Array; termCounts: Uint32Array } {
  const termCount = table.length / FIELDS;
  const termCounts = new Uint32Array(slotCount);
  let total = 0;
  for (let termId = 0; termId < termCount; termId++) {
    const start = table[termId * FIELDS + START] as number;
    const end = start + (table[termId * FIELDS + LENGTH] as number);
    for (let at = start; at < end; at++) {
      const slot = (pool[at] as number) >>> SLOT_SHIFT;
      if (slot >= slotCount) throw new RangeError('posting of a slot the index does not have');
      termCounts[slot] = (termCounts[slot] as number) + 1;
    }
    total += end - start;
  }
  const termStarts = new Uint32Array(slotCount);
  for (let slot = 1; slot < slotCount; slot++)
    termStarts[slot] = (termStarts[slot - 1] as number) + (termCounts[slot - 1] as number);
  const filled = termStarts.slice();
  const slotTerms = new Uint32Array(total);
  for (let termId = 0; termId < termCount; termId++) {
    const start = table[termId * FIELDS + START] as number;
    const end = start + (table[termId * FIELDS + LENGTH] as number);
    for (let at = start; at < end; at++) {
      const slot = (pool[at] as number) >>> SLOT_SHIFT;
      slotTerms[(filled[slot] as number)++] = termId;
    }
  }
  return { slotTerms, termStarts, termCounts };
}
