import { describe, expect, it } from 'vitest';
import { fitView } from '../../src/views/fit-view.ts';
import type { MessageView, ViewBlock } from '../../src/views/view-model.ts';

const list = (noun: string, count: number): ViewBlock => ({
  type: 'list',
  noun,
  items: Array.from({ length: count }, (_, i) => ({ line: [`${noun} ${i + 1}`] })),
});

const itemCount = (view: MessageView) =>
  view.blocks.map((block) => (block.type === 'list' ? block.items.length : 0));
const notes = (view: MessageView) =>
  view.blocks.flatMap((block) =>
    block.type === 'text'
      ? block.lines.map((line) =>
          line.map((span) => (typeof span === 'string' ? span : 'text' in span ? span.text : '')).join(''),
        )
      : [],
  );

describe('fitView, the one truncation policy', () => {
  const view: MessageView = { fallback: 'x', blocks: [list('statement', 30), list('source', 4)] };

  it('leaves a view that fits as it is', () => {
    expect(fitView(view, () => true)).toBe(view);
  });

  it('cuts the long list first, so a short one is never crowded out, and says what it left out', () => {
    // A platform that holds at most 20 items in all.
    const fits = (candidate: MessageView) => itemCount(candidate).reduce((a, b) => a + b, 0) <= 20;
    const fitted = fitView(view, fits);
    expect(itemCount(fitted).filter((count) => count > 0)).toEqual([16, 4]);
    expect(notes(fitted)).toEqual(['…and 14 more statements']);
  });

  it('keeps as many items as fit, and none only when nothing else fits', () => {
    const fitted = fitView(view, (candidate) => itemCount(candidate).every((count) => count === 0));
    expect(notes(fitted)).toEqual(['…and 30 more statements', '…and 4 more sources']);
    const one = fitView({ fallback: 'x', blocks: [list('source', 1)] }, () => false);
    expect(notes(one)).toEqual(['…and 1 more source']);
  });
});
