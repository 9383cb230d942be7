import { readFileSync, readdirSync } from 'node:fs';
import { unpackSections } from '../src/knowledge/search/binary-sections.ts';
import { DocSlots } from '../src/knowledge/search/doc-slots.ts';
import { Postings } from '../src/knowledge/search/postings.ts';
const dir = '/tmp/pi-prof/data100k/search-index';
const bytes = readFileSync(`${dir}/${readdirSync(dir)[0]}`);
for (let i = 0; i < 4; i++) {
  const T: Record<string, number> = {};
  let t = performance.now();
  const { meta, arrays } = unpackSections(bytes) as { meta: any; arrays: any };
  T.unpack = performance.now() - t; t = performance.now();
  const slotsParts = { ids: arrays('ids', 'f64'), lengths: arrays('lengths', 'f64'), termStarts: arrays('termStarts', 'u32'), termCounts: arrays('termCounts', 'u32'), kindStages: arrays('kindStages', 'i32'), createdAts: arrays('createdAts', 'f64'), lists: meta.slots.lists, topics: arrays('topics', 'u32'), industries: arrays('industries', 'u32'), roles: arrays('roles', 'u32'), audiences: meta.slots.audiences };
  const table = arrays('table', 'i32'); const pool = arrays('pool', 'u32'); const st = arrays('slotTerms', 'u32');
  T.copies = performance.now() - t; t = performance.now();
  const terms = Buffer.from(arrays('terms', 'u8')).toString('utf8').split('\0');
  T.split = performance.now() - t; t = performance.now();
  Postings.fromParts({ terms, table, pool, wasted: 0 });
  T.postings = performance.now() - t; t = performance.now();
  const slots = DocSlots.fromParts(slotsParts);
  T.slots = performance.now() - t; t = performance.now();
  const m = new Map(); for (let s = 0; s < slots.count; s++) m.set(slots.ids[s], s);
  T.slotOf = performance.now() - t;
  console.log(JSON.stringify(T, (k, v) => typeof v === 'number' ? Math.round(v) : v), meta.slots.lists.length);
}
