import type { MessageView, ViewBlock } from './view-model.ts';

/**
 * The one truncation policy for every message on every platform. Text is cut where views are built
 * (`clip`); what a platform still cannot hold is cut here: every list keeps at most the same number of
 * leading items (so a long field side cannot crowd research or sources out), as many as `fits` allows
 * and never more than its own `max`, and says how many it left out (its `more` included). When anything
 * was left out the view's `whenCut` blocks follow. `fits` is the platform's own check of its rendered form.
 */
export function fitView(view: MessageView, fits: (view: MessageView) => boolean): MessageView {
  const whole = capLists(view, Number.POSITIVE_INFINITY);
  if (fits(whole)) return whole;
  const longest = Math.max(
    0,
    ...view.blocks.map((block) =>
      block.type === 'list' ? Math.min(block.items.length, block.max ?? Infinity) : 0,
    ),
  );
  let low = 0;
  let high = longest - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(capLists(view, middle))) low = middle;
    else high = middle - 1;
  }
  return capLists(view, low);
}

/**
 * The view with each list cut to `max` items (or its own smaller `max`) and a "…and N more" line where
 * something was left out; then `whenCut`, if anything was.
 */
export function capLists(view: MessageView, max: number): MessageView {
  let cut = false;
  const blocks = view.blocks.flatMap((block) => {
    const capped = capList(block, max);
    cut ||= capped.cut;
    return capped.blocks;
  });
  if (!cut) return view;
  return { fallback: view.fallback, blocks: view.whenCut ? [...blocks, ...view.whenCut] : blocks };
}

function capList(block: ViewBlock, max: number): { blocks: ViewBlock[]; cut: boolean } {
  if (block.type !== 'list') return { blocks: [block], cut: false };
  const shown = Math.min(max, block.max ?? Number.POSITIVE_INFINITY, block.items.length);
  const omitted = block.items.length - shown + (block.more ?? 0);
  if (omitted <= 0) return { blocks: [block], cut: false };
  const kept: ViewBlock[] = shown > 0 ? [{ ...block, items: block.items.slice(0, shown) }] : [];
  const more = moreText(omitted, block.noun, block.nouns);
  return {
    blocks: [...kept, { type: 'text', subtle: true, lines: [[{ text: more, italic: true }]] }],
    cut: true,
  };
}

export function moreText(omitted: number, noun: string, nouns = `${noun}s`): string {
  return `…and ${omitted} more ${omitted === 1 ? noun : nouns}`;
}
