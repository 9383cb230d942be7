import { describe, expect, it } from 'vitest';
import { inPieces, packSections, unpackSections } from '../../src/knowledge/search/binary-sections.ts';

const arrays = () => ({
  words: Buffer.from('pricing\0renewal\0onboarding'),
  counts: Uint32Array.from([3, 1, 4, 1, 5]),
  scores: Float64Array.from([0.5, -2.25, 1e300]),
  starts: Int32Array.from([-1, 0, 7]),
});

describe('saved index sections', () => {
  it('reads back every array and the header from the chunks written one after another', () => {
    const packed = packSections({ entries: 3 }, arrays());
    const bytes = Buffer.concat(packed.chunks);
    expect(bytes.length).toBe(packed.length);

    const { meta, arrays: read } = unpackSections(bytes);
    expect(meta).toEqual({ entries: 3 });
    expect(Buffer.from(read('words', 'u8')).toString()).toBe('pricing\0renewal\0onboarding');
    expect([...read('counts', 'u32')]).toEqual([3, 1, 4, 1, 5]);
    expect([...read('scores', 'f64')]).toEqual([0.5, -2.25, 1e300]);
    expect([...read('starts', 'i32')]).toEqual([-1, 0, 7]);
  });

  it('refuses a snapshot with one byte changed anywhere in its arrays', () => {
    const packed = packSections({ entries: 3 }, arrays());
    const bytes = Buffer.concat(packed.chunks);
    for (const at of [bytes.length - 1, Math.floor(bytes.length / 2)]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = (damaged[at] as number) ^ 0x01;
      expect(() => unpackSections(damaged)).toThrow(/checksum/);
    }
  });

  it('regroups chunks into pieces of the asked size that join back to the same bytes', () => {
    const packed = packSections({ entries: 3 }, arrays());
    const whole = Buffer.concat(packed.chunks);
    for (const size of [1, 7, 64, whole.length, whole.length + 10]) {
      const pieces = [...inPieces(packed.chunks, size)];
      expect(pieces.slice(0, -1).every((piece) => piece.length === size)).toBe(true);
      expect((pieces.at(-1) as Buffer).length).toBeLessThanOrEqual(size);
      expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    }
  });
});
