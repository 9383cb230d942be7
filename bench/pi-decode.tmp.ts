import { readFileSync, readdirSync } from 'node:fs';
import { decodeSnapshot, encodeSnapshot } from '../src/knowledge/search/index-snapshot.ts';
import { unpackSections } from '../src/knowledge/search/binary-sections.ts';
const dir = '/tmp/pi-prof/data100k/search-index';
const bytes = readFileSync(`${dir}/${readdirSync(dir)[0]}`);
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const { arrays } = unpackSections(bytes);
  const crc = performance.now() - t;
  t = performance.now();
  const terms = Buffer.from(arrays('terms', 'u8')).toString('utf8').split('\0');
  const split = performance.now() - t;
  t = performance.now();
  const m = new Map<string, number>();
  for (let j = 0; j < terms.length; j++) m.set(terms[j] as string, j);
  const map = performance.now() - t;
  t = performance.now();
  const r = decodeSnapshot(bytes, 'bench');
  const all = performance.now() - t;
  t = performance.now();
  if ('snapshot' in r) encodeSnapshot(r.snapshot);
  const enc = performance.now() - t;
  console.log({ terms: terms.length, crc, split, map, all, enc, size: 'snapshot' in r ? r.snapshot.index.size : r });
}
