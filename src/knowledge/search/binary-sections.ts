import { crc32 } from 'node:zlib';

// "ESNP" read as a little-endian uint32: a big-endian machine (or another file) reads something else.
const MAGIC = 0x504e5345;
const ALIGN = 8;

type Numbers = Float64Array | Int32Array | Uint32Array | Uint8Array;
type NumbersOf = {
  f64: Float64Array<ArrayBuffer>;
  i32: Int32Array<ArrayBuffer>;
  u32: Uint32Array<ArrayBuffer>;
  u8: Uint8Array<ArrayBuffer>;
};
const CONSTRUCTORS = { f64: Float64Array, i32: Int32Array, u32: Uint32Array, u8: Uint8Array } as const;

interface SectionHeader {
  name: string;
  type: keyof NumbersOf;
  offset: number;
  length: number;
}

/** A packed snapshot as the pieces to write one after another, and their total length. */
export interface PackedSections {
  chunks: Uint8Array[];
  length: number;
}

/**
 * A JSON header and typed arrays as raw little-endian bytes, each aligned so it can be read back
 * without parsing, and a CRC of the whole so a torn or corrupt file is refused.
 * Layout: magic u32 · CRC of the rest u32 · header length u32 · pad u32 · header JSON · sections.
 * The arrays are not copied into one buffer: at a million entries that copy was 160 MB on top of the
 * live index. The caller must not change them until the chunks are written.
 */
export function packSections(meta: object, arrays: Record<string, Numbers>): PackedSections {
  const sections: SectionHeader[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    const type = typeOf(array);
    sections.push({ name, type, offset, length: array.length });
    offset = aligned(offset + array.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, sections }));
  const bodyStart = aligned(16 + header.length);
  const head = Buffer.alloc(bodyStart);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(header.length, 8);
  header.copy(head, 16);
  const chunks: Uint8Array[] = [head];
  let crc = crc32(head.subarray(8));
  for (const section of sections) {
    const array = arrays[section.name] as Numbers;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const padding = new Uint8Array(aligned(bytes.length) - bytes.length);
    chunks.push(bytes, padding);
    crc = crc32(padding, crc32(bytes, crc));
  }
  head.writeUInt32LE(crc, 4);
  return { chunks, length: bodyStart + offset };
}

/** The chunks regrouped into pieces of `size` bytes (the last one shorter); copies one piece at a time. */
export function* inPieces(chunks: readonly Uint8Array[], size: number): Generator<Buffer> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; ) {
      const taken = chunk.subarray(at, at + size - pendingBytes);
      pending.push(taken);
      pendingBytes += taken.length;
      at += taken.length;
      if (pendingBytes === size) {
        yield Buffer.concat(pending, size);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

/** The header and arrays of a packed buffer; throws when it is not one or does not check out. */
export function unpackSections(buffer: Uint8Array): { meta: unknown; arrays: SectionReader } {
  const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (view.length < 16 || view.readUInt32LE(0) !== MAGIC) throw new Error('not a snapshot');
  if (view.readUInt32LE(4) !== crc32(view.subarray(8))) throw new Error('snapshot checksum mismatch');
  const headerLength = view.readUInt32LE(8);
  const { meta, sections } = JSON.parse(view.subarray(16, 16 + headerLength).toString('utf8')) as {
    meta: unknown;
    sections: SectionHeader[];
  };
  const bodyStart = aligned(16 + headerLength);
  const byName = new Map(sections.map((section) => [section.name, section]));
  return {
    meta,
    arrays: <T extends keyof NumbersOf>(name: string, type: T): NumbersOf[T] => {
      const section = byName.get(name);
      if (!section || section.type !== type) throw new Error(`snapshot has no ${type} section ${name}`);
      const Constructor = CONSTRUCTORS[type];
      const start = bodyStart + section.offset;
      const end = start + section.length * Constructor.BYTES_PER_ELEMENT;
      if (end > view.length) throw new Error(`snapshot section ${name} is cut short`);
      const at = view.byteOffset + start;
      // Read in place when aligned (a file read is): no copy of tens of megabytes.
      if (at % Constructor.BYTES_PER_ELEMENT === 0)
        return new Constructor(view.buffer as ArrayBuffer, at, section.length) as NumbersOf[T];
      const copy = new Constructor(section.length);
      new Uint8Array(copy.buffer).set(new Uint8Array(view.buffer, at, end - start));
      return copy as NumbersOf[T];
    },
  };
}

export type SectionReader = <T extends keyof NumbersOf>(name: string, type: T) => NumbersOf[T];

function typeOf(array: Numbers): keyof NumbersOf {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  return 'u8';
}

function aligned(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN;
}
