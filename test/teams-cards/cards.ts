import type { AdaptiveCard } from '../../src/teams/cards/card-types.ts';

/** The markdown of every TextBlock, in order: what a Teams user reads. */
export function texts(card: AdaptiveCard): string[] {
  return card.body.map((block) => block.text);
}

/** Every `[label](target)` link in some Teams markdown, as [label, target] pairs (labels may hold `[n]`). */
export function links(markdown: string): Array<[string, string]> {
  return [...markdown.matchAll(/\[((?:\[\d+\]|[^[\]])*)\]\(([^()\s]*)\)/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
}
