import type { MessageView, ViewBlock } from './view-model.ts';

/**
 * The one truncation policy for every message on every platform. Text is cut where views are built
 * (`clip`); what a platform still cannot hold is cut here: every list keeps at most the same number of
 * leading items (so a long field side cannot crowd research or sources out), as many as `fits` allows,
 * and says how many it left out. `fits` is the platform's own check of its rendered form.
 */
export function fitView(view: MessageView, fits: (view: MessageView) => boolean): MessageView {
  if (fits(view)) return view;
  const longest = Math.max(
    0,
    ...view.blocks.map((block) => (block.type === 'list' ? block.items.length : 0)),
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

/** The view with each list cut to `max` items and a "…and N more" line where something was cut. */
export function capLists(view: MessageView, max: number): MessageView {
  return { ...view, blocks: view.blocks.flatMap((block) => capList(block, max)) };
}

function capList(block: ViewBlock, max: number): ViewBlock[] {
  if (block.type !== 'list' || block.items.length <= max) return [block];
  const omitted = block.items.length - max;
  const kept: ViewBlock[] = max > 0 ? [{ ...block, items: block.items.slice(0, max) }] : [];
  return [
    ...kept,
    { type: 'text', subtle: true, lines: [[{ text: moreText(omitted, block.noun), italic: true }]] },
  ];
}

export function moreText(omitted: number, noun: string): string {
  return `…and ${omitted} more ${omitted === 1 ? noun : `${noun}s`}`;
}
