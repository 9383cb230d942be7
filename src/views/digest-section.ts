import type { Capped } from '../digest/digest.ts';
import type { Line, ViewBlock, ViewItem } from './view-model.ts';

/** How many items of each section chat shows; the rest are counted and left to the full digest. */
export const SHOWN_IN_CHAT = {
  themes: 5,
  examples: 3,
  tips: 5,
  citedTips: 5,
  research: 5,
  triggers: 8,
  gaps: 5,
  contributors: 5,
} as const;

export interface SectionList<T> {
  title: string;
  capped: Capped<T>;
  noun: string;
  nouns?: string;
  max: number;
  item: (item: T, index: number) => Line;
  bullets?: boolean;
}

/** "*New tips* (13)" and the list of its first few; nothing for an empty section. */
export function listSection<T>(section: SectionList<T>): ViewBlock[] {
  const { capped } = section;
  if (capped.items.length === 0) return [];
  const total = capped.items.length + capped.more;
  return [
    { type: 'text', lines: [[{ text: section.title, bold: true }, ` (${total})`]] },
    cappedList(section),
  ];
}

/** The items as a list the truncation policy cuts, counting what the core already left out. */
export function cappedList<T>(section: Omit<SectionList<T>, 'title'>): ViewBlock {
  const items: ViewItem[] = section.capped.items.map((item, index) => ({ line: section.item(item, index) }));
  return {
    type: 'list',
    items,
    noun: section.noun,
    ...(section.nouns ? { nouns: section.nouns } : {}),
    bullets: section.bullets ?? true,
    max: section.max,
    more: section.capped.more,
  };
}
