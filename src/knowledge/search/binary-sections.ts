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

/**
 * One buffer holding a JSON header and typed arrays as raw little-endian bytes, each aligned so it can
 * be read back without parsing, and a CRC of the whole so a torn or corrupt file is refused.
 * Layout: magic u32 · CRC of the rest u32 · header length u32 · pad u32 · header JSON · sections.
 */
export function packSections(meta: object, arrays: Record<string, Numbers>): Buffer {
  const sections: SectionHeader[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    const type = typeOf(array);
    sections.push({ name, type, offset, length: array.length });
    offset = aligned(offset + array.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, sections }));
  const bodyStart = aligned(16 + header.length);
  const out = Buffer.alloc(bodyStart + offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 16);
  for (const section of sections) {
    const array = arrays[section.name] as Numbers;
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), bodyStart + section.offset);
  }
  out.writeUInt32LE(crc32(out.subarray(8)), 4);
  return out;
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
