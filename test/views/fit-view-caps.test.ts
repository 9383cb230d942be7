import { describe, expect, it } from 'vitest';
import { fitView } from '../../src/views/fit-view.ts';
import type { MessageView, ViewBlock } from '../../src/views/view-model.ts';

const list = (count: number, extra: Partial<Extract<ViewBlock, { type: 'list' }>> = {}): ViewBlock => ({
  type: 'list',
  noun: 'tip',
  items: Array.from({ length: count }, (_, n) => ({ line: [`Tip ${n + 1}`] })),
  ...extra,
});

const footer: ViewBlock = { type: 'text', lines: [['Full digest: ', { code: 'earshot digest show' }]] };

/** What a reader sees: every line of text and every item, as plain words. */
function shown(view: MessageView): string[] {
  return view.blocks.flatMap((block) => {
    if (block.type === 'list') return block.items.map((item) => item.line.join(''));
    if (block.type === 'text')
      return block.lines.map((line) =>
        line
          .map((span) =>
            typeof span === 'string' ? span : 'text' in span ? span.text : 'code' in span ? span.code : '',
          )
          .join(''),
      );
    return [];
  });
}

const fitsAll = () => true;

describe('fitView with per-list caps, counts from the core and a note for when something was cut', () => {
  it('leaves a view with nothing to cut as it is, without the note', () => {
    const view: MessageView = { fallback: 'f', blocks: [list(3)], whenCut: [footer] };
    expect(shown(fitView(view, fitsAll))).toEqual(['Tip 1', 'Tip 2', 'Tip 3']);
  });

  it('shows at most a list’s own max even where everything fits, then counts the rest and adds the note', () => {
    const view: MessageView = { fallback: 'f', blocks: [list(8, { max: 5 }), list(2)], whenCut: [footer] };
    expect(shown(fitView(view, fitsAll))).toEqual([
      'Tip 1',
      'Tip 2',
      'Tip 3',
      'Tip 4',
      'Tip 5',
      '…and 3 more tips',
      'Tip 1',
      'Tip 2',
      'Full digest: earshot digest show',
    ]);
  });

  it('counts items the core left out before the view was built, with the plural the list names', () => {
    const view: MessageView = {
      fallback: 'f',
      blocks: [list(2, { noun: 'entry', nouns: 'entries', more: 4 })],
      whenCut: [footer],
    };
    expect(shown(fitView(view, fitsAll))).toEqual([
      'Tip 1',
      'Tip 2',
      '…and 4 more entries',
      'Full digest: earshot digest show',
    ]);
  });

  it('cuts every list to the same length when the platform needs it, never above a list’s own max, and checks the note fits too', () => {
    const view: MessageView = {
      fallback: 'f',
      blocks: [list(10, { max: 2 }), list(10)],
      whenCut: [footer],
    };
    // A platform that holds seven lines, the note and the "…and N more" lines included.
    const fitted = fitView(view, (candidate) => shown(candidate).length <= 7);
    expect(shown(fitted)).toEqual([
      'Tip 1',
      'Tip 2',
      '…and 8 more tips',
      'Tip 1',
      'Tip 2',
      '…and 8 more tips',
      'Full digest: earshot digest show',
    ]);
  });
});
