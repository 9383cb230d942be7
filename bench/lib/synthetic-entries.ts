import type { EntryInput } from '../../src/knowledge/entry.ts';
import { SyntheticChatter, seededRandom } from './synthetic-chatter.ts';

const REPS = 400;
const ACCOUNTS = 3000;

/** `count` deterministic entries shaped like a sales team's knowledge base, for scale benchmarks. */
export function* syntheticEntries(count: number, seed = 42): Generator<EntryInput> {
  const chatter = new SyntheticChatter(seed);
  const random = seededRandom(seed + 1);
  for (let id = 1; id <= count; id += 1) {
    const doc = chatter.doc(id);
    yield {
      externalId: `synthetic-${id}`,
      kind: doc.kind,
      title: doc.title || undefined,
      body: doc.body,
      source: {
        author: `Rep ${Math.floor(random() * REPS)}`,
        account: doc.kind === 'chatter' ? `Account ${Math.floor(random() * ACCOUNTS)}` : undefined,
      },
      topics: doc.topics,
      stage: doc.stage ?? undefined,
      createdAt: doc.createdAt,
    };
  }
}

/** The same entries as JSON Lines, as `earshot import` reads them. */
export function* syntheticJsonl(count: number, seed = 42): Generator<string> {
  for (const entry of syntheticEntries(count, seed)) yield `${JSON.stringify(entry)}\n`;
}

export function syntheticQuestions(count: number, seed = 7): string[] {
  const chatter = new SyntheticChatter(seed);
  return Array.from({ length: count }, () => chatter.query());
}
