import { ACRONYMS } from './acronyms.ts';
import { analyze } from './analyzer.ts';
import { SALES_THESAURUS } from './sales-thesaurus.ts';

/** Two phrases a curator made synonyms in one workspace. */
export interface SynonymPair {
  term: string;
  synonym: string;
}

/** A phrase as the index sees it: its analysed terms joined by spaces ("security review" → "secur review"). */
export function phraseKey(phrase: string): string {
  return analyze(phrase).join(' ');
}

/**
 * The keys a thesaurus phrase is found by. A hyphenated one analyses to its parts and its joined form
 * ("go-live" → go, live, goliv), which only an entry writing the hyphen holds all of, so it is also
 * found written apart ("go live") or joined ("golive"); apart only where both parts are words of their
 * own ("lock-in" apart would be just "lock").
 */
function phraseKeys(phrase: string): string[] {
  if (!phrase.includes('-')) return [phraseKey(phrase)];
  const apart = phraseKey(phrase.replaceAll('-', ' '));
  const keys = [phraseKey(phrase), phraseKey(phrase.replaceAll('-', ''))];
  if (apart.split(' ').length === phrase.split(/[\s-]+/).length) keys.push(apart);
  return [...new Set(keys)];
}

/** Phrases that stand for others: looked up by analysed phrase, answered as analysed terms. */
export interface PhraseSynonyms {
  /** The longest phrase, in terms: how far ahead a query is looked at for a phrase. */
  readonly longestPhrase: number;
  /** The other phrases the phrase stands for, as analysed terms; empty when it has none. */
  synonymsOf(key: string): string[][];
  /** Whether one analysed phrase stands for the other. */
  related(a: string, b: string): boolean;
}

/**
 * Synonym groups keyed by analysed phrase, so "pricing" and "prices" find the same group. Built from the
 * sales thesaurus plus a workspace's pairs: a pair joins the groups of its two phrases, so a curator's
 * "test drive" = "pilot" also brings in "trial" and "POC".
 */
export class Thesaurus implements PhraseSynonyms {
  private readonly groupOf = new Map<string, number>();
  private readonly members = new Map<number, string[][]>();
  /** The longest phrase, in terms: how far ahead a query is looked at for a phrase. */
  readonly longestPhrase: number;

  constructor(groups: readonly (readonly string[])[], pairs: readonly SynonymPair[] = []) {
    const parent: number[] = [];
    const find = (group: number): number => {
      let root = group;
      while (parent[root] !== root) root = parent[root] as number;
      parent[group] = root;
      return root;
    };
    const groupFor = (key: string) => {
      let group = this.groupOf.get(key);
      if (group === undefined) {
        group = parent.length;
        parent.push(group);
        this.groupOf.set(key, group);
      }
      return group;
    };
    const union = (keys: string[]) => {
      const roots = keys.filter(Boolean).map((key) => find(groupFor(key)));
      for (const root of roots.slice(1)) parent[root] = roots[0] as number;
    };
    for (const group of groups) union(group.flatMap(phraseKeys));
    for (const pair of pairs) union([phraseKey(pair.term), phraseKey(pair.synonym)]);

    let longest = 0;
    for (const [key, group] of this.groupOf) {
      const root = find(group);
      this.groupOf.set(key, root);
      const terms = key.split(' ');
      longest = Math.max(longest, terms.length);
      const list = this.members.get(root);
      if (list) list.push(terms);
      else this.members.set(root, [terms]);
    }
    this.longestPhrase = longest;
  }

  /** The other phrases of the phrase's group, as analysed terms; empty when it has none. */
  synonymsOf(key: string): string[][] {
    const group = this.groupOf.get(key);
    if (group === undefined) return [];
    return (this.members.get(group) ?? []).filter((terms) => terms.join(' ') !== key);
  }

  has(key: string): boolean {
    return this.groupOf.has(key);
  }

  /** Whether two analysed phrases are in one group. */
  related(a: string, b: string): boolean {
    const group = this.groupOf.get(a);
    return group !== undefined && group === this.groupOf.get(b);
  }
}

/**
 * Each acronym of acronyms.ts with what it stands for, both ways: "WFM" finds "workforce management" and
 * "workforce management" finds "WFM". Unlike thesaurus groups, meanings are not joined to each other:
 * "account executive" does not find "adverse event" because AE stands for both.
 */
class AcronymTable implements PhraseSynonyms {
  private readonly standsFor = new Map<string, string[][]>();
  readonly longestPhrase: number;

  constructor(acronyms: Readonly<Record<string, readonly string[]>>) {
    for (const [acronym, meanings] of Object.entries(acronyms)) {
      const acronymTerms = analyze(acronym);
      for (const meaning of meanings) {
        for (const key of phraseKeys(meaning)) {
          this.add(acronymTerms.join(' '), key.split(' '));
          this.add(key, acronymTerms);
        }
      }
    }
    this.longestPhrase = Math.max(...[...this.standsFor.keys()].map((key) => key.split(' ').length));
  }

  private add(key: string, terms: string[]): void {
    const known = this.standsFor.get(key) ?? [];
    if (!known.some((existing) => existing.join(' ') === terms.join(' '))) known.push(terms);
    this.standsFor.set(key, known);
  }

  synonymsOf(key: string): string[][] {
    return this.standsFor.get(key) ?? [];
  }

  /** Whether one analysed phrase is an acronym of the other. */
  related(a: string, b: string): boolean {
    return this.synonymsOf(a).some((terms) => terms.join(' ') === b);
  }
}

let acronyms: AcronymTable | undefined;

/** The acronyms of acronyms.ts and what they stand for, built once. */
export function acronymTable(): PhraseSynonyms {
  acronyms ??= new AcronymTable(ACRONYMS);
  return acronyms;
}

let builtIn: Thesaurus | undefined;

/** The sales thesaurus alone, built once. */
export function builtInThesaurus(): Thesaurus {
  builtIn ??= new Thesaurus(SALES_THESAURUS);
  return builtIn;
}

/** The sales thesaurus with a workspace's own pairs. */
export function workspaceThesaurus(pairs: readonly SynonymPair[]): Thesaurus {
  return pairs.length === 0 ? builtInThesaurus() : new Thesaurus(SALES_THESAURUS, pairs);
}
