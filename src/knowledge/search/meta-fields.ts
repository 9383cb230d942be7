import { BUYER_ROLES, type BuyerRole } from '../buyer-roles.ts';
import type { BuyingStage, EntryKind } from '../entry.ts';

/** A role with its first alias, so "CFO" entries are also found by "chief financial officer". */
function roleText(role: string): string {
  const alias = BUYER_ROLES[role as BuyerRole]?.[0];
  return alias ? `${role} ${alias}` : role;
}

/**
 * Words that name an entry's kind, as reps ask for them ("any tips on…", "research on…", "what's the
 * field saying"). Indexed in the meta field so a kind can be asked for in words, not only with --kind.
 */
export const KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  chatter: 'chatter field',
  tip: 'tip',
  research: 'research',
  expert: 'expert',
  demo: 'demo walkthrough',
};

/** Words for each buying stage, in the forms a question uses ("a CFO who is just exploring"). */
export const STAGE_LABELS: Readonly<Record<BuyingStage, string>> = {
  explore: 'explore exploring exploration',
  evaluate: 'evaluate evaluating evaluation',
  decide: 'decide deciding decision',
  implement: 'implement implementing implementation',
};

/**
 * How much one mention in each part of the meta field counts, in units of the meta weight. A topic, an
 * account or an industry names what the entry is about; kind and stage labels only say what sort of
 * entry it is, and every other entry of that kind shares them.
 */
export const META_UNITS = { topic: 2, account: 2, industry: 2, role: 2, stage: 1, kind: 1 } as const;

/** The most units one term can collect in the meta field (its frequency has two bits). */
export const MAX_META_UNITS = 3;

export interface MetaSource {
  kind: EntryKind;
  stage: BuyingStage | null;
  topics: readonly string[];
  account?: string | null;
  industries?: readonly string[];
  roles?: readonly string[];
}

/**
 * The meta field's texts with the units each mention is worth. `english`: a label Earshot writes, or an
 * account's industry, which are English whatever the entry's language; topics are the entry's own words.
 */
export function metaTexts(doc: MetaSource): Array<{ text: string; units: number; english?: true }> {
  const texts: Array<{ text: string; units: number; english?: true }> = [
    { text: KIND_LABELS[doc.kind], units: META_UNITS.kind, english: true },
  ];
  if (doc.stage) texts.push({ text: STAGE_LABELS[doc.stage], units: META_UNITS.stage, english: true });
  for (const topic of doc.topics) texts.push({ text: topic, units: META_UNITS.topic });
  if (doc.account) texts.push({ text: doc.account, units: META_UNITS.account });
  for (const industry of doc.industries ?? []) {
    texts.push({ text: industry, units: META_UNITS.industry, english: true });
  }
  for (const role of doc.roles ?? [])
    texts.push({ text: roleText(role), units: META_UNITS.role, english: true });
  return texts;
}
